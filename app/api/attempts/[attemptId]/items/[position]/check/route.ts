// POST /api/attempts/:attemptId/items/:position/check — practice modes: saves
// the answer as final and returns, for this question only, whether it was right
// and every choice's explanation.
import { z } from "zod";
import { db } from "@/lib/db";
import { checkAnswer } from "@/lib/exams/attempts";
import { attemptIdSchema } from "@/lib/exams/ids";
import { answerSaveSchema } from "@/lib/exams/modes";
import { apiOk, defineRoute } from "@/lib/http/define-route";

export const POST = defineRoute(
  {
    session: "user",
    params: z.object({ attemptId: attemptIdSchema, position: z.coerce.number().int().min(0).max(200) }),
    body: z.object({ chosenKeys: answerSaveSchema.shape.chosenKeys, timeSpentMs: answerSaveSchema.shape.timeSpentMs.optional() }),
    maxBodyBytes: 4 * 1024,
  },
  async ({ user, params, body, arrivedAt }) => {
    const reveal = await checkAnswer(db, {
      userId: user.id,
      attemptId: params.attemptId,
      position: params.position,
      chosenKeys: body.chosenKeys,
      timeSpentMs: body.timeSpentMs,
      now: arrivedAt,
    });
    return apiOk({ reveal });
  },
);
