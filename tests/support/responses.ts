// Right and wrong responses to an attempt's items, in that attempt's tokens,
// whatever each item's kind: for tests that answer attempts through the real
// save path.
import { correctResponse } from "@/lib/exams/answer-rules";
import { type AnswerSave, answerSaveSchema } from "@/lib/exams/inputs";
import { type ItemDisplay, type QuestionSnapshot, presentItem } from "@/lib/exams/item-model";
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

/** An item as a page shows it (a review card, a lesson check): its question and display, no key. */
export type ShownItem = { questionId: string; display: ItemDisplay };

/**
 * A right or wrong response to an item as shown, worked out the way a person
 * with the answer sheet would: from the stored question (correct choices, the
 * steps in their content order, the pairs, the number) matched to what the
 * display shows by text, never through the item model under test.
 */
export async function responseToShown(db: PrismaClient, item: ShownItem, plan: "right" | "wrong"): Promise<string[]> {
  const question = await db.question.findUniqueOrThrow({
    where: { id: item.questionId },
    select: { practice: true, choices: { select: { key: true, correct: true }, orderBy: { position: "asc" } } },
  });
  const practice = (question.practice ?? {}) as {
    items?: Array<{ text: string }>;
    pairs?: Array<{ prompt: string; answer: string }>;
    answer?: number;
  };
  const { display } = item;
  switch (display.kind) {
    case "single":
    case "multiple": {
      const right = question.choices.filter((c) => c.correct).map((c) => c.key);
      const wrong = display.choices.map((c) => c.key).filter((k) => !right.includes(k)).slice(0, right.length);
      return plan === "right" ? right : wrong;
    }
    case "ordering": {
      const tokenOf = new Map(display.steps.map((s) => [s.text, s.key]));
      const right = (practice.items ?? []).map((i) => tokenOf.get(i.text)!);
      return plan === "right" ? right : [...right].reverse();
    }
    case "matching": {
      const promptKey = new Map(display.prompts.map((p) => [p.text, p.key]));
      const answerToken = new Map(display.answers.map((a) => [a.text, a.key]));
      const pairs = (practice.pairs ?? []).map((p) => [promptKey.get(p.prompt)!, answerToken.get(p.answer)!] as const);
      return pairs.map(([prompt], i) => `${prompt}:${pairs[plan === "right" ? i : (i + 1) % pairs.length]![1]}`);
    }
    case "numeric":
      return [String((practice.answer ?? 0) + (plan === "right" ? 0 : 1000))];
  }
}
