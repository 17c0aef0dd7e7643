// POST /api/attempts/:attemptId/submit — submits and grades, once.
import { z } from "zod";
import { db } from "@/lib/db";
import { submitAttempt } from "@/lib/exams/attempts";
import { attemptIdSchema } from "@/lib/exams/ids";
import { examSettings } from "@/lib/exams/settings";
import { apiOk, defineRoute } from "@/lib/http/define-route";

export const POST = defineRoute(
  {
    session: "user",
    params: z.object({ attemptId: attemptIdSchema }),
    unauthenticatedMessage: "Your session has ended. Sign in again to submit.",
  },
  async ({ user, params, arrivedAt }) => {
    const outcome = await submitAttempt(db, { userId: user.id, attemptId: params.attemptId, now: arrivedAt, settings: examSettings() });
    return apiOk({ ...outcome, resultsUrl: `/attempts/${outcome.attemptId}/results` });
  },
);
