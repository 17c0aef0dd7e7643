// POST /api/attempts/:attemptId/submit — submits and grades, once.
import { currentUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { submitAttempt } from "@/lib/exams/attempts";
import { apiError, apiOk, attemptIdSchema, examErrorResponse, refuseCrossSite } from "@/lib/exams/http";
import { examSettings } from "@/lib/exams/settings";

export async function POST(request: Request, context: RouteContext<"/api/attempts/[attemptId]/submit">) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const user = await currentUser();
  if (!user) return apiError(401, "UNAUTHENTICATED", "Your session has ended. Sign in again to submit.");
  const attemptId = attemptIdSchema.safeParse((await context.params).attemptId);
  if (!attemptId.success) return apiError(404, "NOT_FOUND", "We could not find that attempt.");
  try {
    const outcome = await submitAttempt(db, { userId: user.id, attemptId: attemptId.data, now: new Date(), settings: examSettings() });
    return apiOk({ ...outcome, resultsUrl: `/attempts/${outcome.attemptId}/results` });
  } catch (error) {
    return examErrorResponse(error);
  }
}
