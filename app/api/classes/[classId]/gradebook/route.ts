// GET: the class gradebook as CSV, for the class's instructor and admins.
import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { defineRoute } from "@/lib/http/define-route";
import { toCsv } from "@/lib/insights/csv";
import { gradebookRows } from "@/lib/insights/gradebook";

export const dynamic = "force-dynamic";

export const GET = defineRoute(
  { session: "user", roles: [...STAFF_ROLES], params: z.object({ classId: z.string().min(1).max(64).regex(/^[\w-]+$/) }) },
  async ({ user, params }) => {
    const { name, rows } = await gradebookRows(db, user, params.classId);
    const file = `${name.replace(/[^\w -]+/g, "").trim().replace(/\s+/g, "-") || "class"}-gradebook.csv`;
    return new Response(toCsv(rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${file}"`,
        "cache-control": "no-store",
      },
    });
  },
);
