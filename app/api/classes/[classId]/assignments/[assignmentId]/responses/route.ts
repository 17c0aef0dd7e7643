// GET: an assignment's responses as CSV (one row per student and question),
// streamed, for the class's instructor and admins. Anyone else, a student
// included, gets the same 404 as for an assignment that does not exist.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { ASSIGNMENT_NOT_FOUND } from "@/lib/classes/class-access";
import { db } from "@/lib/db";
import { defineRoute } from "@/lib/http/define-route";
import { assignmentResponses } from "@/lib/insights/assignment-responses";
import { csvHeaders, csvStream } from "@/lib/insights/csv";

export const dynamic = "force-dynamic";

const id = z.string().min(1).max(64).regex(/^[\w-]+$/);

export const GET = defineRoute({ session: "user", params: z.object({ classId: id, assignmentId: id }) }, async ({ user, params }) => {
  const responses = await assignmentResponses(db, user, params.assignmentId);
  if (responses.classId !== params.classId) throw new AppError("NOT_FOUND", ASSIGNMENT_NOT_FOUND);
  return new Response(csvStream(responses.header, responses.batches), { headers: csvHeaders(`${responses.className} ${responses.title} responses`) });
});
