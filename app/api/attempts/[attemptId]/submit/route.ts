// POST /api/attempts/:attemptId/submit — applies the final saves it carries
// (the runner's answers not acknowledged yet), then submits and grades, once.
import { z } from "zod";
import { db } from "@/lib/db";
import { attemptIdSchema } from "@/lib/exams/ids";
import { submitSchema } from "@/lib/exams/inputs";
import { examSettings } from "@/lib/exams/settings";
import { sessionEndedMessage, submitAttempt } from "@/lib/exams/submit-attempt";
import { apiOk, defineRoute } from "@/lib/http/define-route";

export const POST = defineRoute(
  {
    // The cookie's claims only: submitAttempt checks the session row in the statement that locks the attempt.
    session: "claims",
    params: z.object({ attemptId: attemptIdSchema }),
    body: submitSchema,
    maxBodyBytes: 64 * 1024,
    unauthenticatedMessage: sessionEndedMessage,
  },
  async ({ claims, params, body, arrivedAt }) => {
    const outcome = await submitAttempt(db, {
      userId: claims.userId,
      attemptId: params.attemptId,
      now: arrivedAt,
      settings: examSettings(),
      saves: body.saves,
      sessionId: claims.sessionId,
    });
    return apiOk({ ...outcome, resultsUrl: `/attempts/${outcome.attemptId}/results` });
  },
);
