// POST /api/cron/grade-expired — the sweep that grades attempts whose time ran
// out while nobody was looking. The job worker already runs it every minute
// (lib/jobs/tasks.ts); this route stays for an outside scheduler, called with
// `Authorization: Bearer $CRON_SECRET` (or run `npm run sweep`).
import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { gradeOverdueAttempts } from "@/lib/exams/sweep";
import { examSettings } from "@/lib/exams/settings";
import { apiOk, defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

function authorised(request: Request): boolean {
  const secret = process.env.CRON_SECRET;
  const given = request.headers.get("authorization")?.replace(/^Bearer\s+/i, "") ?? "";
  if (!secret || secret.length < 16) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const POST = defineRoute({ session: "none" }, async ({ request, arrivedAt }) => {
  if (!authorised(request)) throw new AppError("UNAUTHENTICATED", "A valid CRON_SECRET bearer token is required.");
  const graded = await gradeOverdueAttempts(db, { now: arrivedAt, settings: examSettings() });
  return apiOk({ graded });
});
