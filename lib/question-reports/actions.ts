"use server";
// Question reports: a student files one; staff resolve them. Each action checks
// the session (and for resolving, the role) and validates its input with zod
// before the operation checks the caller's right to the question. Neither
// revalidates a path: the pages are rendered per request, and refreshing the
// queue would remove the resolved question (and its confirmation) under the
// staff member's eyes.
import { defineFormAction } from "@/lib/auth/define-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { reportQuestion } from "./report-question";
import { resolveReports } from "./resolve-reports";
import { reportQuestionSchema, resolveReportsSchema } from "./validation";

export const reportQuestionAction = defineFormAction(
  { input: reportQuestionSchema, session: "user", keepValues: ["reason", "comment"] },
  async ({ user, input }) => {
    const result = await reportQuestion(db, { userId: user!.id, input, now: new Date() });
    return {
      ok: true,
      message:
        result.status === "created"
          ? "Thank you: your report is in. Staff will look at it, and their answer appears under My question reports."
          : "You had already reported this question for this reason: your report is still open, and your comment has been updated.",
    };
  },
);

export const resolveReportsAction = defineFormAction(
  { input: resolveReportsSchema, session: "user", roles: STAFF_ROLES, keepValues: ["resolution", "note"] },
  async ({ user, input }) => {
    const count = await resolveReports(db, user!, { ...input, now: new Date() });
    return { ok: true, message: count === 1 ? "Resolved: the student will see your note." : `Resolved ${count} reports: each student will see your note.` };
  },
);
