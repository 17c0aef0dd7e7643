// A question shown on its own, outside an attempt: a due review card or a
// lesson's "Check yourself". It goes through the exam's item model and answer
// rules (item-model.ts, answer-rules.ts) like an attempt item does, with its
// layout (choice order, the order the steps or answers are shown in) drawn from
// a seed instead of stored: the same seed shows the same layout after a reload,
// and the server lays the item out again from it to read the answer's tokens.
// The browser only ever gets display tokens; the key stays here until checked.
import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { type ResponseShape, guessChanceOf, isResponseComplete, responseProblem } from "./answer-rules";
import { type Reveal, revealOf } from "./attempt-items";
import { type ItemDisplay, type QuestionSnapshot, newItemLayout, presentItem } from "./item-model";
import { seededRandom } from "./random";

type Reader = Db | Prisma.TransactionClient;

/** What the page gets: the stem and the answer control, never the key. */
export type StudyItem = {
  questionId: string;
  /** The question version this layout was drawn from; an answer names it back. */
  version: number;
  stem: string;
  display: ItemDisplay;
  shape: ResponseShape;
};

/** A question's current version, as the server knows it. */
export type StudyQuestion = {
  questionId: string;
  version: number;
  lessonId: string;
  topicId: string;
  taskStatementId: string;
  difficulty: number;
  retiredAt: Date | null;
  snapshot: QuestionSnapshot;
};

/** The current versions of these questions (retired ones included: callers decide what may be shown). */
export async function loadStudyQuestions(db: Reader, questionIds: readonly string[]): Promise<Map<string, StudyQuestion>> {
  if (questionIds.length === 0) return new Map();
  const rows = await db.$queryRaw<StudyQuestion[]>`
    SELECT q.id AS "questionId", q.version, q."lessonId", q."topicId", q."taskStatementId", q.difficulty, q."retiredAt", qv.snapshot
    FROM "Question" q JOIN "QuestionVersion" qv ON qv."questionId" = q.id AND qv.version = q.version
    WHERE q.id = ANY(${[...questionIds]}::text[])`;
  return new Map(rows.map((r) => [r.questionId, r]));
}

function laidOut(question: StudyQuestion, seed: string) {
  return presentItem(question.snapshot, newItemLayout(question.snapshot, seededRandom(seed)).choiceOrder);
}

/** The item as this seed lays it out, without its key. */
export function studyItemOf(question: StudyQuestion, seed: string): StudyItem {
  const { display, shape } = laidOut(question, seed);
  return { questionId: question.questionId, version: question.version, stem: question.snapshot.stem, display, shape };
}

export type StudyCheck =
  | { ok: true; reveal: Reveal; guess: number }
  | { ok: false; reason: "CHANGED" | "INVALID"; message: string };

export const QUESTION_CHANGED_MESSAGE = "This question was updated since the page loaded. Reload the page to answer the new version.";

/**
 * Judges a response given in the tokens of the layout `seed` draws, for the
 * version the page showed. A response that is not a whole answer is refused
 * (nothing is revealed for it), so a key cannot be read by answering in part.
 */
export function checkStudyResponse(question: StudyQuestion, options: { seed: string; version: number; response: readonly string[] }): StudyCheck {
  if (options.version !== question.version) return { ok: false, reason: "CHANGED", message: QUESTION_CHANGED_MESSAGE };
  const { key, shape } = laidOut(question, options.seed);
  if (options.response.length === 0) return { ok: false, reason: "INVALID", message: "Answer the question before checking it." };
  const problem = responseProblem(shape, options.response);
  if (problem) return { ok: false, reason: "INVALID", message: problem.message };
  if (!isResponseComplete(shape, options.response)) return { ok: false, reason: "INVALID", message: incompleteMessage(shape) };
  return { ok: true, reveal: revealOf(question.snapshot, key, options.response, question.lessonId), guess: guessChanceOf(shape) };
}

function incompleteMessage(shape: ResponseShape): string {
  switch (shape.kind) {
    case "single":
    case "multiple":
      return `Choose ${shape.chooseCount} before checking.`;
    case "ordering":
      return "Place every step before checking.";
    case "matching":
      return "Match every item before checking.";
    case "numeric":
      return "Enter a number before checking.";
  }
}
