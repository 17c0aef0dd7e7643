// POST /api/attempts/:attemptId/items/:position/check — practice modes: saves
// the answer as final and returns, for this question only, whether it was right
// and every choice's explanation.
import { z } from "zod";
import { currentUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { checkAnswer } from "@/lib/exams/attempts";
import { apiError, apiOk, attemptIdSchema, examErrorResponse, readJson, refuseCrossSite } from "@/lib/exams/http";
import { answerSaveSchema } from "@/lib/exams/modes";

const bodySchema = z.object({ chosenKeys: answerSaveSchema.shape.chosenKeys, timeSpentMs: answerSaveSchema.shape.timeSpentMs.optional() });

export async function POST(request: Request, context: RouteContext<"/api/attempts/[attemptId]/items/[position]/check">) {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const user = await currentUser();
  if (!user) return apiError(401, "UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
  const params = await context.params;
  const attemptId = attemptIdSchema.safeParse(params.attemptId);
  const position = z.coerce.number().int().min(0).max(200).safeParse(params.position);
  if (!attemptId.success || !position.success) return apiError(404, "NOT_FOUND", "We could not find that question.");
  const body = await readJson(request, bodySchema);
  if (body instanceof Response) return body;
  try {
    const reveal = await checkAnswer(db, {
      userId: user.id,
      attemptId: attemptId.data,
      position: position.data,
      chosenKeys: body.chosenKeys,
      timeSpentMs: body.timeSpentMs,
      now: new Date(),
    });
    return apiOk({ reveal });
  } catch (error) {
    return examErrorResponse(error);
  }
}
