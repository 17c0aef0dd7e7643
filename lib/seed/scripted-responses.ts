// Right and wrong responses to an attempt's items, in that attempt's tokens,
// whatever each item's kind: for tests that answer attempts through the real
// save path, and for the demo class's past attempts.
import { correctResponse } from "@/lib/exams/answer-rules";
import { type AnswerSave, answerSaveSchema } from "@/lib/exams/inputs";
import { type QuestionSnapshot, presentItem } from "@/lib/exams/item-model";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type Plan = "right" | "wrong" | "unsure";

export async function responsesFor(
  db: PrismaClient,
  attemptId: string,
  plan: readonly Plan[] | ((index: number) => Plan),
  options: { timeSpentMs?: number; seq?: number } = {},
): Promise<AnswerSave[]> {
  const items = await db.attemptItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
  const planOf = typeof plan === "function" ? plan : (i: number) => plan[i] ?? "right";
  return Promise.all(
    items.map(async (item, i) => {
      const version = await db.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: item.questionId, version: item.questionVersion } } });
      const { key } = presentItem(version.snapshot as unknown as QuestionSnapshot, item.choiceOrder);
      const right = correctResponse(key);
      const wrong =
        key.kind === "single" || key.kind === "multiple"
          ? item.choiceOrder.filter((k) => !right.includes(k)).slice(0, right.length)
          : key.kind === "numeric"
            ? [String(key.answer + 1000)]
            : key.kind === "ordering"
              ? [...right].reverse()
              : right.map((t, j) => `${t.split(":")[0]}:${right[(j + 1) % right.length]!.split(":")[1]}`);
      return answerSaveSchema.parse({
        position: item.position,
        chosenKeys: planOf(i) === "wrong" ? wrong : right,
        flagged: false,
        unsure: planOf(i) === "unsure",
        timeSpentMs: options.timeSpentMs ?? 45_000,
        seq: (options.seq ?? 1000) + i,
      });
    }),
  );
}
