// POST /api/attempts/:attemptId/answers — saves answer changes. A route handler
// (not a server action) so its address survives a redeploy mid-exam.
import { sessionClaims } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { saveAnswers } from "@/lib/exams/attempts";
import { apiError, apiOk, attemptIdSchema, examErrorResponse, readJson, refuseCrossSite } from "@/lib/exams/http";
import { saveBatchSchema } from "@/lib/exams/modes";
import { examSettings } from "@/lib/exams/settings";

export async function POST(request: Request, context: RouteContext<"/api/attempts/[attemptId]/answers">) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const claims = await sessionClaims();
  if (!claims) return apiError(401, "UNAUTHENTICATED", "Your session has ended. Sign in again; your unsent answers are kept.");
  const attemptId = attemptIdSchema.safeParse((await context.params).attemptId);
  if (!attemptId.success) return apiError(404, "NOT_FOUND", "We could not find that attempt.");
  const body = await readJson(request, saveBatchSchema);
  if (body instanceof Response) return body;
  const now = new Date();
  try {
    const results = await saveAnswers(db, {
      userId: claims.userId,
      sessionVersion: claims.sessionVersion,
      attemptId: attemptId.data,
      saves: body.saves,
      now,
      settings: examSettings(),
    });
    return apiOk({ results, serverNow: now.toISOString() });
  } catch (error) {
    return examErrorResponse(error);
  }
}
