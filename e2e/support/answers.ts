// Answering the question on screen, whatever its kind, as a person does: by
// ticking choices, moving steps, picking matches or typing a number. Used on
// the exam runner, review cards and lesson checks, which all share the
// answer controls of components/question.
//
// With a question id and the `db` fixture, the answer is right or wrong on
// request, read from the database as an answer sheet: the correct choices,
// the steps in their content order, the pairs and the number
// (prisma/schema.prisma: Choice.correct, Question.practice). Without one, any
// complete answer is given.
import type { Locator, Page } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";

type Practice = {
  items?: Array<{ key: string; text: string }>;
  pairs?: Array<{ key: string; prompt: string; answer: string }>;
  answer?: number;
};

export type AnswerOptions = {
  /** Where the question is (a lesson check's form); the whole page by default. */
  scope?: Locator;
  /** The question on screen and what to answer; leave out for any complete answer. */
  key?: { db: PrismaClient; questionId: string; right: boolean };
};

export async function answerCurrent(page: Page, options: AnswerOptions = {}): Promise<void> {
  const scope = options.scope ?? page.locator("main");
  if (!options.key) return answerAnything(scope);
  const { db, questionId, right } = options.key;
  const question = await db.question.findUniqueOrThrow({
    where: { id: questionId },
    select: { type: true, practice: true, choices: { select: { key: true, correct: true }, orderBy: { position: "asc" } } },
  });
  const practice = (question.practice ?? {}) as Practice;
  switch (question.type) {
    case "SINGLE":
    case "MULTIPLE": {
      // Choice inputs carry the choice keys as their values.
      const correct = question.choices.filter((c) => c.correct).map((c) => c.key);
      const keys = right ? correct : question.choices.filter((c) => !c.correct).slice(0, correct.length).map((c) => c.key);
      for (const key of keys) await scope.locator(`input[value="${key}"]`).check();
      return;
    }
    case "ORDERING": {
      // The steps are never shown in the right order, so the order shown is a wrong answer.
      if (!right) return scope.getByRole("button", { name: "This order is my answer" }).click();
      // Each step has a "Move “…” up" button, in the order shown: bring the steps up one by one.
      const upButtons = scope.getByRole("button", { name: /^Move “[\s\S]*” up$/ });
      for (const [position, text] of (practice.items ?? []).map((i) => i.text).entries()) {
        const shown = await upButtons.evaluateAll((buttons) => buttons.map((b) => b.getAttribute("aria-label")));
        if (!shown.includes(`Move “${text}” up`)) throw new Error(`The step “${text}” is not on screen.`);
        for (let at = shown.indexOf(`Move “${text}” up`); at > position; at--) {
          await scope.getByRole("button", { name: `Move “${text}” up`, exact: true }).click();
        }
      }
      // Already in place without a move (a one-step tail): say so.
      const confirm = scope.getByRole("button", { name: "This order is my answer" });
      if (await confirm.count()) await confirm.click();
      return;
    }
    case "MATCHING": {
      const pairs = practice.pairs ?? [];
      for (const [i, pair] of pairs.entries()) {
        const answer = right ? pair.answer : pairs[(i + 1) % pairs.length]!.answer;
        await scope.getByLabel(pair.prompt, { exact: true }).selectOption({ label: answer });
      }
      return;
    }
    case "NUMERIC":
      return scope.getByLabel(/^Your answer/).fill(String((practice.answer ?? 0) + (right ? 0 : 1000)));
  }
}

/** Any complete answer: the order as shown, the first option for every match, a number, or the first choices (as many as asked for). */
async function answerAnything(scope: Locator): Promise<void> {
  const confirm = scope.getByRole("button", { name: "This order is my answer" });
  if (await confirm.count()) return confirm.click();
  const selects = scope.locator("select");
  if (await selects.count()) {
    for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
    return;
  }
  if (await scope.getByLabel(/^Your answer/).count()) return scope.getByLabel(/^Your answer/).fill("1");
  // Choice inputs are named for their question; the "not sure" box is not.
  const choices = scope.locator("input[type=radio][name], input[type=checkbox][name]");
  const choose = scope.getByText(/^Choose \d/);
  const count = (await choose.count()) > 0 ? Number(/Choose (\d)/.exec((await choose.first().textContent()) ?? "")?.[1] ?? 1) : 1;
  for (let i = 0; i < count; i++) await choices.nth(i).check();
}
