// POST /api/attempts/:attemptId/answers — saves answer changes. A route handler
// (not a server action) so its address survives a redeploy mid-exam. The hot
// path: the session cookie is only decrypted here; the save statement itself
// checks that the session is live and the attempt is the caller's.
import { z } from "zod";
import { db } from "@/lib/db";
import { saveAnswers } from "@/lib/exams/attempts";
import { saveBatchSchema } from "@/lib/exams/modes";
import { examSettings } from "@/lib/exams/settings";
import { apiOk, defineRoute } from "@/lib/http/define-route";
import { attemptIdSchema } from "@/lib/exams/ids";

export const POST = defineRoute(
  {
    session: "claims",
    params: z.object({ attemptId: attemptIdSchema }),
    body: saveBatchSchema,
    maxBodyBytes: 64 * 1024,
    unauthenticatedMessage: "Your session has ended. Sign in again; your unsent answers are kept.",
  },
  async ({ claims, params, body, arrivedAt }) => {
    const results = await saveAnswers(db, {
      userId: claims.userId,
      sessionId: claims.sessionId,
      attemptId: params.attemptId,
      saves: body.saves,
      now: arrivedAt,
      settings: examSettings(),
    });
    return apiOk({ results, serverNow: new Date().toISOString() });
  },
);
