// Today's due review cards: the next one to answer (without its key), how many
// are due (today and this week are the student's own days), new cards held
// back by the daily limit, and answering one (graded, explained, rescheduled).
// A card is any kind of item (study-item.ts): its layout is seeded by the
// student, the question and the card's due time, so a reload shows the same
// card the same way, and answering it (which moves the due time) draws anew.
import "server-only";
import type { Reveal } from "@/lib/exams/attempt-items";
import { lockedQuestionIds } from "@/lib/exams/key-lock";
import { type StudyItem, checkStudyResponse, loadStudyQuestions, studyItemOf } from "@/lib/exams/study-item";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { difficultyForLearning } from "@/lib/insights/rasch";
import { recordEvidence } from "./evidence";
import { deferredNewCardsNotice } from "./new-card-limit";
import { loadNewCardLoad } from "./new-card-load";
import type { StudySettings } from "./study-settings";
import { endOfLocalDay, endOfLocalWeek } from "./study-day";

type Db = PrismaClient;

export type DueCounts = { now: number; today: number; week: number; total: number };

export async function countDueCards(db: Db, options: { userId: string; now: Date; timeZone: string }): Promise<DueCounts> {
  const { userId, now, timeZone } = options;
  const rows = await db.$queryRaw<Array<{ now: bigint; today: bigint; week: bigint; total: bigint }>>`
    SELECT count(*) FILTER (WHERE c.due <= ${now}) AS now,
           count(*) FILTER (WHERE c.due <= ${endOfLocalDay(now, timeZone)}) AS today,
           count(*) FILTER (WHERE c.due <= ${endOfLocalWeek(now, timeZone)}) AS week,
           count(*) AS total
    FROM "ReviewCard" c JOIN "Question" q ON q.id = c."questionId"
    WHERE c."userId" = ${userId} AND q."retiredAt" IS NULL`;
  const r = rows[0]!;
  return { now: Number(r.now), today: Number(r.today), week: Number(r.week), total: Number(r.total) };
}

/** "12 more new cards are scheduled for tomorrow…", when the daily limit held new cards back; else null. */
export async function deferredNewCards(db: Db, options: { userId: string; now: Date; settings: StudySettings }): Promise<string | null> {
  const { userId, now, settings } = options;
  const load = await loadNewCardLoad(db, { userId, now, timeZone: settings.timeZone });
  return deferredNewCardsNotice({ now, timeZone: settings.timeZone, limit: settings.newCardsPerDay, ...load });
}

export type ReviewQuestion = StudyItem & {
  /** The card's due time when served: its layout's seed, and which showing of the card an answer is for. */
  due: string;
  lapses: number;
};

/** The seed of a card's layout while it waits at this due time. */
export const reviewCardSeed = (userId: string, questionId: string, due: Date) => `${userId}:${questionId}:${due.toISOString()}`;

/**
 * The most overdue card that is due now, of any item kind, without its key or explanations.
 * Cards whose question is in an open timed attempt wait until it is graded.
 */
export async function nextDueCard(db: Db, options: { userId: string; now: Date }): Promise<ReviewQuestion | null> {
  const locked = await lockedQuestionIds(db, { userId: options.userId });
  const card = await db.reviewCard.findFirst({
    where: {
      userId: options.userId,
      due: { lte: options.now },
      questionId: { notIn: [...locked] },
      question: { retiredAt: null },
    },
    orderBy: [{ due: "asc" }, { questionId: "asc" }],
    select: { questionId: true, due: true, lapses: true },
  });
  if (!card) return null;
  const question = (await loadStudyQuestions(db, [card.questionId])).get(card.questionId);
  if (!question) return null;
  return {
    ...studyItemOf(question, reviewCardSeed(options.userId, card.questionId, card.due)),
    due: card.due.toISOString(),
    lapses: card.lapses,
  };
}

export type ReviewAnswer =
  | { status: "answered"; reveal: Reveal; nextDue: string }
  | { status: "not-due" }
  | { status: "locked" }
  | { status: "changed"; message: string }
  | { status: "invalid"; message: string };

/**
 * Answers the card as it was served at `due` (in that layout's tokens). A card
 * answered since (in another tab) or not due yet is "not-due"; nothing about
 * the key leaves unless the response is a whole, acceptable answer.
 */
export async function answerReviewCard(
  db: Db,
  options: { userId: string; questionId: string; due: string; version: number; response: string[]; unsure: boolean; timeSpentMs: number; now: Date },
): Promise<ReviewAnswer> {
  const { userId, questionId, response, unsure, now } = options;
  return db.$transaction(async (tx) => {
    const cards = await tx.$queryRaw<Array<{ due: Date }>>`
      SELECT due FROM "ReviewCard" WHERE "userId" = ${userId} AND "questionId" = ${questionId} FOR UPDATE`;
    const card = cards[0];
    if (!card || card.due > now || card.due.toISOString() !== options.due) return { status: "not-due" } as const;
    if ((await lockedQuestionIds(tx, { userId })).has(questionId)) return { status: "locked" } as const;
    const question = (await loadStudyQuestions(tx, [questionId])).get(questionId);
    if (!question || question.retiredAt) return { status: "not-due" } as const;
    const check = checkStudyResponse(question, { seed: reviewCardSeed(userId, questionId, card.due), version: options.version, response });
    if (!check.ok) return check.reason === "CHANGED" ? ({ status: "changed", message: check.message } as const) : ({ status: "invalid", message: check.message } as const);
    const stat = await tx.questionStat.findUnique({ where: { questionId }, select: { fittedDifficulty: true, fitAnswerCount: true } });
    await recordEvidence(tx, {
      userId,
      now,
      answers: [
        {
          questionId,
          topic: question.topicId,
          taskStatement: question.taskStatementId,
          difficulty: difficultyForLearning(question.difficulty, stat ?? undefined),
          guess: check.guess,
          correct: check.reveal.correct,
          unsure,
          timeSpentMs: options.timeSpentMs,
        },
      ],
    });
    const next = await tx.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId, questionId } }, select: { due: true } });
    return { status: "answered", reveal: check.reveal, nextDue: next.due.toISOString() } as const;
  });
}
