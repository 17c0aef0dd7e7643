// POST /api/attempts/:attemptId/submit — applies the final saves it carries
// (the runner's answers not acknowledged yet), then submits and grades, once.
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { sessionClaims } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { attemptIdSchema } from "@/lib/exams/ids";
import { submitSchema } from "@/lib/exams/inputs";
import { examSettings } from "@/lib/exams/settings";
import { submitAttempt } from "@/lib/exams/submit-attempt";
import { apiOk, defineRoute } from "@/lib/http/define-route";

const unauthenticatedMessage = "Your session has ended. Sign in again to submit; your unsent answers are kept.";

export const POST = defineRoute(
  {
    session: "user",
    params: z.object({ attemptId: attemptIdSchema }),
    body: submitSchema,
    maxBodyBytes: 64 * 1024,
    unauthenticatedMessage,
  },
  async ({ user, request, params, body, arrivedAt }) => {
    // The saves' own statement checks the session row again; it needs the session's id, from the same cookie.
    const claims = body.saves.length ? await sessionClaims(request) : null;
    if (body.saves.length && claims?.userId !== user.id) throw new AppError("UNAUTHENTICATED", unauthenticatedMessage);
    const outcome = await submitAttempt(db, {
      userId: user.id,
      attemptId: params.attemptId,
      now: arrivedAt,
      settings: examSettings(),
      saves: body.saves,
      sessionId: claims?.sessionId,
    });
    return apiOk({ ...outcome, resultsUrl: `/attempts/${outcome.attemptId}/results` });
  },
);
