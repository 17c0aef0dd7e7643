// Responses to an item as a page shows it, for tests of review cards and lesson
// checks. (Responses to an attempt's items: lib/seed/scripted-responses.ts.)
import type { ItemDisplay } from "@/lib/exams/item-model";
import type { PrismaClient } from "@/lib/generated/prisma/client";

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
