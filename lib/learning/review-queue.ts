// Today's due review cards: the next one to answer (without its key), how many
// are due (today and this week are the student's own days), new cards held
// back by the daily limit, and answering one (graded, explained, rescheduled).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isResponseCorrect } from "@/lib/exams/answer-rules";
import { lockedQuestionIds } from "@/lib/exams/key-lock";
import { recordEvidence } from "./evidence";
import { difficultyLogit, guessChance } from "./mastery";
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

export type ReviewQuestion = {
  questionId: string;
  type: "single" | "multiple";
  stem: string;
  chooseCount: number;
  choices: Array<{ key: string; text: string }>;
  lapses: number;
};

/**
 * The most overdue card that is due now, without its key or explanations.
 * Cards whose question is in an open timed attempt wait until it is graded.
 */
export async function nextDueCard(db: Db, options: { userId: string; now: Date }): Promise<ReviewQuestion | null> {
  const locked = await lockedQuestionIds(db, { userId: options.userId });
  const card = await db.reviewCard.findFirst({
    where: {
      userId: options.userId,
      due: { lte: options.now },
      questionId: { notIn: [...locked] },
      question: { retiredAt: null, type: { in: ["SINGLE", "MULTIPLE"] } },
    },
    orderBy: { due: "asc" },
    select: {
      lapses: true,
      question: {
        select: {
          id: true,
          type: true,
          stem: true,
          choices: { select: { key: true, text: true }, orderBy: { position: "asc" } },
        },
      },
    },
  });
  if (!card) return null;
  const correctCount = await db.choice.count({ where: { questionId: card.question.id, correct: true } });
  return {
    questionId: card.question.id,
    type: card.question.type === "MULTIPLE" ? "multiple" : "single",
    stem: card.question.stem,
    chooseCount: correctCount,
    choices: card.question.choices,
    lapses: card.lapses,
  };
}

export type ReviewAnswer =
  | { status: "answered"; correct: boolean; correctKeys: string[]; explanations: Array<{ key: string; correct: boolean; explanation: string }>; lessonId: string; nextDue: string }
  | { status: "not-due" }
  | { status: "locked" }
  | { status: "invalid"; message: string };

export async function answerReviewCard(
  db: Db,
  options: { userId: string; questionId: string; chosenKeys: string[]; unsure: boolean; timeSpentMs: number; now: Date },
): Promise<ReviewAnswer> {
  const { userId, questionId, chosenKeys, unsure, now } = options;
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<Array<{ due: Date }>>`
      SELECT due FROM "ReviewCard" WHERE "userId" = ${userId} AND "questionId" = ${questionId} FOR UPDATE`;
    if (locked.length === 0 || locked[0]!.due > now) return { status: "not-due" } as const;
    if ((await lockedQuestionIds(tx, { userId })).has(questionId)) return { status: "locked" } as const;
    const question = await tx.question.findUnique({
      where: { id: questionId },
      select: {
        type: true,
        difficulty: true,
        topicId: true,
        taskStatementId: true,
        lessonId: true,
        retiredAt: true,
        choices: { select: { key: true, correct: true, explanation: true }, orderBy: { position: "asc" } },
      },
    });
    if (!question || question.retiredAt) return { status: "not-due" } as const;
    const keys = new Set(question.choices.map((c) => c.key));
    const correctKeys = question.choices.filter((c) => c.correct).map((c) => c.key);
    if (chosenKeys.length === 0) return { status: "invalid", message: "Choose an answer first." } as const;
    if (chosenKeys.some((k) => !keys.has(k))) return { status: "invalid", message: "That choice is not part of this question." } as const;
    if (chosenKeys.length > correctKeys.length) {
      return { status: "invalid", message: `Choose ${correctKeys.length}.` } as const;
    }
    const correct = isResponseCorrect({ kind: "multiple", correctKeys }, chosenKeys);
    await recordEvidence(tx, {
      userId,
      now,
      answers: [
        {
          questionId,
          topic: question.topicId,
          taskStatement: question.taskStatementId,
          difficulty: difficultyLogit(question.difficulty),
          guess: guessChance({ type: question.type, choiceCount: question.choices.length, correctCount: correctKeys.length }),
          correct,
          unsure,
          timeSpentMs: options.timeSpentMs,
        },
      ],
    });
    const card = await tx.reviewCard.findUniqueOrThrow({ where: { userId_questionId: { userId, questionId } }, select: { due: true } });
    return {
      status: "answered",
      correct,
      correctKeys,
      explanations: question.choices.map((c) => ({ key: c.key, correct: c.correct, explanation: c.explanation })),
      lessonId: question.lessonId,
      nextDue: card.due.toISOString(),
    } as const;
  });
}
