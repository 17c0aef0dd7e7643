// Attempts: start, save answers, check an answer (practice), submit and grade,
// grade what ran out of time, and load what the runner and results pages show.
// Every function takes the Prisma client and the caller's user id, and checks
// that the attempt is theirs (a foreign attempt is "not found", never "forbidden").
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { recordEvidence } from "@/lib/learning/evidence";
import { difficultyLogit, guessChance } from "@/lib/learning/mastery";
import { acceptsSaves, computeDeadline, isOverdue } from "./deadline";
import { KEY_LOCKED_MESSAGE, lockedQuestionIds } from "./key-lock";
import { AppError } from "@/lib/app-error";
import { attemptNotFound } from "./errors";
import { gradeAttempt, isAnswerCorrect } from "./grading";
import { type AnswerSave, type AttemptMode, MOCK_QUESTION_COUNT, type StartAttemptInput, isTimed, revealsAsYouGo } from "./modes";
import { type PoolQuestion, questionPool } from "./question-pool";
import { seededRandom, shuffled } from "./random";
import { type Candidate, selectMockQuestions, selectScopedQuestions } from "./sampling";

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

export type ExamSettings = { mockMinutes: number; graceSeconds: number };

/** A question as the runner shows it: never the key or explanations. */
export type QuestionSnapshot = {
  type: "single" | "multiple";
  stem: string;
  difficulty: number;
  taskStatement: string;
  topic: string;
  lesson: string;
  choices: Array<{ key: string; text: string; correct: boolean; explanation: string }>;
};

const domainOf = (taskStatement: string) => Number(taskStatement.split(".")[0]);

// ───────────────────────────── start ─────────────────────────────

async function seenStats(db: Db | Tx, userId: string): Promise<Map<string, { times: number; last: number }>> {
  const rows = await db.$queryRaw<Array<{ questionId: string; times: bigint; last: Date }>>`
    SELECT ai."questionId", count(*) AS times, max(a."startedAt") AS last
    FROM "AttemptItem" ai JOIN "Attempt" a ON a.id = ai."attemptId"
    WHERE a."userId" = ${userId}
    GROUP BY ai."questionId"`;
  return new Map(rows.map((r) => [r.questionId, { times: Number(r.times), last: r.last.getTime() }]));
}

async function accommodationMultiplier(db: Db | Tx, userId: string): Promise<number> {
  const rows = await db.accommodation.findMany({ where: { userId }, select: { timeMultiplier: true } });
  return rows.reduce((max, r) => Math.max(max, r.timeMultiplier), 1);
}

function inScope(q: PoolQuestion, input: StartAttemptInput): boolean {
  // The held-back pool is for the final mock only; unscored topics never appear in a mock.
  if (q.pool !== "MAIN") return false;
  if (input.mode === "MOCK" && !q.scored) return false;
  if (input.mode !== "QUIZ") return true;
  const scope = input.scope;
  if (scope.kind === "domain") return q.domain === scope.domain;
  if (scope.kind === "taskStatement") return q.taskStatement === scope.taskStatement;
  return q.topic === scope.topic;
}

async function weakTopicWeights(db: Db | Tx, userId: string): Promise<Map<string, number>> {
  // Weakest first: weight by lack of mastery; topics never answered count as unknown (0.5).
  const rows = await db.mastery.findMany({ where: { userId, scope: "TOPIC" }, select: { scopeId: true, rating: true, evidence: true } });
  return new Map(rows.map((r) => [r.scopeId, 1 - 1 / (1 + Math.exp(-r.rating))]));
}

export type StartedAttempt = { attemptId: string; resumed: boolean; short: boolean };

export async function startAttempt(
  db: Db,
  options: { userId: string; input: StartAttemptInput; now: Date; settings: ExamSettings },
): Promise<StartedAttempt> {
  const { userId, input, now, settings } = options;
  const pool = await questionPool(db, now.getTime());

  return db.$transaction(
    async (tx) => {
      // One start at a time per student, so a double click or two tabs make one mock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`start:${userId}`}, 0))`;
      if (input.mode === "MOCK") {
        const open = await tx.attempt.findFirst({
          where: { userId, mode: "MOCK", status: "IN_PROGRESS" },
          select: { id: true, deadline: true },
          orderBy: { startedAt: "desc" },
        });
        if (open && !isOverdue(now, open.deadline, settings.graceSeconds)) {
          return { attemptId: open.id, resumed: true, short: false };
        }
        if (open) await gradeWithin(tx, { attemptId: open.id, now, expired: true });
      }

      const seen = await seenStats(tx, userId);
      // Practice reveals answers as it goes: it never draws a question of an open timed attempt.
      const locked = input.mode === "MOCK" ? new Set<string>() : await lockedQuestionIds(tx, { userId });
      const candidates: Candidate[] = pool.questions
        .filter((q) => inScope(q, input) && !locked.has(q.id))
        .map((q) => ({
          id: q.id,
          domain: q.domain,
          taskStatement: q.taskStatement,
          topic: q.topic,
          timesSeen: seen.get(q.id)?.times ?? 0,
          lastSeenAt: seen.get(q.id)?.last ?? 0,
        }));
      const attemptId = randomUUID();
      const random = seededRandom(attemptId);
      const selection =
        input.mode === "MOCK"
          ? selectMockQuestions(candidates, { total: MOCK_QUESTION_COUNT, domainWeights: pool.domainWeights, random })
          : selectScopedQuestions(candidates, {
              total: input.count,
              random,
              topicWeights: input.mode === "DRILL" ? await weakTopicWeights(tx, userId) : undefined,
            });
      if (selection.ids.length === 0) throw new AppError("INVALID", "There are no questions for that choice yet.");

      const multiplier = input.mode === "MOCK" ? await accommodationMultiplier(tx, userId) : 1;
      await tx.attempt.create({
        data: {
          id: attemptId,
          userId,
          examId: "dva-c02",
          mode: input.mode,
          config: input.mode === "QUIZ" ? { scope: input.scope } : {},
          questionCount: selection.ids.length,
          startedAt: now,
          deadline: isTimed(input.mode) ? computeDeadline(now, settings.mockMinutes, multiplier) : null,
          timeMultiplier: multiplier,
        },
      });
      // One INSERT … unnest(): Prisma's createMany spent ~17 ms of CPU on 65 rows (benchmark), this ~1 ms.
      const items = selection.ids.map((questionId) => {
        const q = pool.byId.get(questionId)!;
        return { questionId, version: q.version, order: shuffled(q.keys, random).join(","), chooseCount: q.correctCount };
      });
      await tx.$executeRaw`
        INSERT INTO "AttemptItem" ("attemptId", position, "questionId", "questionVersion", "choiceOrder", "chooseCount")
        SELECT ${attemptId}, t.position - 1, t.question, t.version, string_to_array(t.keys, ','), t.choose
        FROM unnest(${items.map((i) => i.questionId)}::text[], ${items.map((i) => i.version)}::int[],
                    ${items.map((i) => i.order)}::text[], ${items.map((i) => i.chooseCount)}::int[])
             WITH ORDINALITY AS t(question, version, keys, choose, position)`;
      return { attemptId, resumed: false, short: selection.short };
    },
    { timeout: 20_000, maxWait: 20_000 },
  );
}

// ───────────────────────────── runner view ─────────────────────────────

type ItemRow = {
  position: number;
  questionId: string;
  choiceOrder: string[];
  chooseCount: number;
  chosenKeys: string[];
  flagged: boolean;
  unsure: boolean;
  timeSpentMs: number;
  saveSeq: bigint;
  revealedAt: Date | null;
  correct: boolean | null;
  snapshot: QuestionSnapshot;
  lessonId: string;
};

async function itemsWithSnapshots(db: Db | Tx, attemptId: string): Promise<ItemRow[]> {
  return db.$queryRaw<ItemRow[]>`
    SELECT ai.position, ai."questionId", ai."choiceOrder", ai."chooseCount", ai."chosenKeys", ai.flagged,
           ai.unsure, ai."timeSpentMs", ai."saveSeq", ai."revealedAt", ai.correct, qv.snapshot, q."lessonId"
    FROM "AttemptItem" ai
    JOIN "QuestionVersion" qv ON qv."questionId" = ai."questionId" AND qv.version = ai."questionVersion"
    JOIN "Question" q ON q.id = ai."questionId"
    WHERE ai."attemptId" = ${attemptId}
    ORDER BY ai.position`;
}

export type Reveal = {
  correct: boolean;
  correctKeys: string[];
  explanations: Array<{ key: string; correct: boolean; explanation: string }>;
  lessonId: string;
};

function revealOf(row: Pick<ItemRow, "snapshot" | "chosenKeys" | "lessonId">): Reveal {
  const correctKeys = row.snapshot.choices.filter((c) => c.correct).map((c) => c.key);
  return {
    correct: isAnswerCorrect(correctKeys, row.chosenKeys),
    correctKeys,
    explanations: row.snapshot.choices.map((c) => ({ key: c.key, correct: c.correct, explanation: c.explanation })),
    lessonId: row.lessonId,
  };
}

export type RunnerItem = {
  position: number;
  type: "single" | "multiple";
  stem: string;
  chooseCount: number;
  choices: Array<{ key: string; text: string }>;
  chosenKeys: string[];
  flagged: boolean;
  unsure: boolean;
  timeSpentMs: number;
  saveSeq: string;
  /** Practice modes only, once the student has checked this answer. */
  reveal: Reveal | null;
};

export type RunnerView = {
  attemptId: string;
  mode: AttemptMode;
  title: string;
  deadline: string | null;
  serverNow: string;
  graceSeconds: number;
  items: RunnerItem[];
};

async function ownedAttempt(db: Db | Tx, attemptId: string, userId: string) {
  const attempt = await db.attempt.findUnique({
    where: { id: attemptId },
    select: { id: true, userId: true, mode: true, status: true, deadline: true, config: true, questionCount: true },
  });
  if (!attempt || attempt.userId !== userId) throw attemptNotFound();
  return attempt;
}

export function attemptTitle(mode: AttemptMode, config: unknown, questionCount: number): string {
  if (mode === "MOCK") return "Mock exam";
  if (mode === "DRILL") return `Weak-topic drill · ${questionCount} questions`;
  const scope = (config as { scope?: { kind: string; domain?: number; taskStatement?: string; topic?: string } })?.scope;
  const what = scope?.kind === "domain" ? `Domain ${scope.domain}` : scope?.kind === "taskStatement" ? `Task statement ${scope.taskStatement}` : scope?.topic ?? "Practice";
  return `Quiz · ${what} · ${questionCount} questions`;
}

/**
 * The runner's data, or `{ graded: true }` when the attempt is finished — including
 * one whose time ran out while nobody was looking, which this call grades.
 */
export async function loadRunnerView(
  db: Db,
  options: { userId: string; attemptId: string; now: Date; settings: ExamSettings },
): Promise<RunnerView | { graded: true }> {
  const { userId, attemptId, now, settings } = options;
  const attempt = await ownedAttempt(db, attemptId, userId);
  if (attempt.status !== "IN_PROGRESS") return { graded: true };
  if (isOverdue(now, attempt.deadline, settings.graceSeconds)) {
    await gradeAttemptNow(db, { attemptId, now, expired: true });
    return { graded: true };
  }
  const [rows, locked] = await Promise.all([
    itemsWithSnapshots(db, attemptId),
    revealsAsYouGo(attempt.mode) ? lockedQuestionIds(db, { userId, exceptAttemptId: attemptId }) : Promise.resolve(new Set<string>()),
  ]);
  return {
    attemptId,
    mode: attempt.mode,
    title: attemptTitle(attempt.mode, attempt.config, attempt.questionCount),
    deadline: attempt.deadline?.toISOString() ?? null,
    serverNow: now.toISOString(),
    graceSeconds: settings.graceSeconds,
    items: rows.map((row) => {
      const text = new Map(row.snapshot.choices.map((c) => [c.key, c.text]));
      return {
        position: row.position,
        type: row.snapshot.type,
        stem: row.snapshot.stem,
        chooseCount: row.chooseCount,
        choices: row.choiceOrder.map((key) => ({ key, text: text.get(key) ?? "" })),
        chosenKeys: row.chosenKeys,
        flagged: row.flagged,
        unsure: row.unsure,
        timeSpentMs: row.timeSpentMs,
        saveSeq: row.saveSeq.toString(),
        reveal: revealsAsYouGo(attempt.mode) && row.revealedAt && !locked.has(row.questionId) ? revealOf(row) : null,
      };
    }),
  };
}

// ───────────────────────────── saving answers ─────────────────────────────

export type SaveResult = { position: number; status: "saved" | "stale" | "locked"; seq: string };

/**
 * Applies answer saves. The hot path is one UPDATE per save that checks, in the
 * same statement, ownership, the session's version, status, the deadline plus
 * grace, the sequence number, that the keys belong to the question and that no
 * more are chosen than it asks for. Only when it changes nothing do we look
 * closer to say why.
 *
 * The attempt is read FOR KEY SHARE: saves never wait for each other, but one
 * that arrives while the attempt is being graded (which holds FOR UPDATE) waits,
 * then sees the attempt closed and is refused — so no save is acknowledged
 * after grading has read the answers. (Found by the submit-storm benchmark's
 * race probe; without the lock such a save returned "saved" and was not graded.)
 */
export async function saveAnswers(
  db: Db,
  options: {
    userId: string;
    /** The caller's session row: the statement refuses a signed-out or revoked session. */
    sessionId: string;
    attemptId: string;
    saves: AnswerSave[];
    now: Date;
    settings: ExamSettings;
  },
): Promise<SaveResult[]> {
  const { attemptId, saves, now } = options;
  try {
    // A batch is all-or-nothing: one invalid save and none is applied. A single
    // save is one statement, atomic by itself, so it needs no transaction.
    return saves.length === 1 ? await applySaves(db, options) : await db.$transaction((tx) => applySaves(tx, options));
  } catch (error) {
    if (error instanceof AppError && error.code === "TIME_UP") {
      await gradeAttemptNow(db, { attemptId, now, expired: true });
    }
    throw error;
  }
}

async function applySaves(
  db: Db | Tx,
  options: { userId: string; sessionId: string; attemptId: string; saves: AnswerSave[]; now: Date; settings: ExamSettings },
): Promise<SaveResult[]> {
  const { userId, sessionId, attemptId, saves, now, settings } = options;
  const cutoff = new Date(now.getTime() - settings.graceSeconds * 1000);
  const results: SaveResult[] = [];
  const missed: AnswerSave[] = [];
  for (const save of saves) {
    const updated = await db.$queryRaw<Array<{ saveSeq: bigint }>>`
      UPDATE "AttemptItem" ai
      SET "chosenKeys" = ${save.chosenKeys}::text[], flagged = ${save.flagged}, unsure = ${save.unsure},
          "timeSpentMs" = GREATEST(ai."timeSpentMs", ${save.timeSpentMs}::int), "saveSeq" = ${save.seq.toString()}::bigint,
          "answeredAt" = ${now}
      FROM (SELECT id, "userId", status, deadline FROM "Attempt" WHERE id = ${attemptId} FOR KEY SHARE) a, "AuthSession" s
      WHERE ai."attemptId" = a.id AND ai.position = ${save.position}
        AND a."userId" = ${userId} AND a.status = 'IN_PROGRESS'
        AND (a.deadline IS NULL OR a.deadline >= ${cutoff})
        AND s.id = ${sessionId} AND s."userId" = a."userId" AND s."revokedAt" IS NULL AND s."expiresAt" > ${now}
        AND ai."saveSeq" < ${save.seq.toString()}::bigint
        AND ai."revealedAt" IS NULL
        AND ${save.chosenKeys}::text[] <@ ai."choiceOrder"
        AND cardinality(${save.chosenKeys}::text[]) <= ai."chooseCount"
      RETURNING ai."saveSeq"`;
    if (updated.length === 1) results.push({ position: save.position, status: "saved", seq: updated[0]!.saveSeq.toString() });
    else missed.push(save);
  }
  if (missed.length === 0) return results;

  // Something was not applied: find out why, for a clear answer.
  const [attempt, session] = await Promise.all([
    db.attempt.findUnique({ where: { id: attemptId }, select: { userId: true, status: true, deadline: true } }),
    db.authSession.findUnique({ where: { id: sessionId }, select: { userId: true, revokedAt: true, expiresAt: true } }),
  ]);
  if (!session || session.userId !== userId || session.revokedAt || session.expiresAt <= now) {
    throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again; your unsent answers are kept.");
  }
  if (!attempt || attempt.userId !== userId) throw attemptNotFound();
  if (attempt.status !== "IN_PROGRESS") throw new AppError("CLOSED", "This attempt has already been submitted.");
  if (!acceptsSaves(now, attempt.deadline, settings.graceSeconds)) {
    throw new AppError("TIME_UP", "Time is up. Answers saved before the deadline have been graded.");
  }
  const items = await db.attemptItem.findMany({
    where: { attemptId, position: { in: missed.map((s) => s.position) } },
    select: { position: true, choiceOrder: true, chooseCount: true, saveSeq: true, revealedAt: true },
  });
  const byPosition = new Map(items.map((i) => [i.position, i]));
  for (const save of missed) {
    const item = byPosition.get(save.position);
    if (!item) throw new AppError("INVALID", `Question ${save.position + 1} is not part of this attempt.`);
    const unknown = save.chosenKeys.filter((k) => !item.choiceOrder.includes(k));
    if (unknown.length) throw new AppError("INVALID", `Question ${save.position + 1} has no choice ${unknown.join(", ")}.`);
    if (save.chosenKeys.length > item.chooseCount) {
      throw new AppError("INVALID", `Question ${save.position + 1} asks for ${item.chooseCount} choice${item.chooseCount === 1 ? "" : "s"}.`);
    }
    if (item.revealedAt) results.push({ position: save.position, status: "locked", seq: item.saveSeq.toString() });
    else results.push({ position: save.position, status: "stale", seq: item.saveSeq.toString() });
  }
  return results.sort((a, b) => a.position - b.position);
}

// ───────────────────────────── checking an answer (practice) ─────────────────────────────

export async function checkAnswer(
  db: Db,
  options: { userId: string; attemptId: string; position: number; chosenKeys: string[]; timeSpentMs?: number; now: Date },
): Promise<Reveal> {
  const { userId, attemptId, position, chosenKeys, now } = options;
  return db.$transaction(async (tx) => {
    // Hold the attempt against a concurrent grading (see saveAnswers).
    await tx.$queryRaw`SELECT id FROM "Attempt" WHERE id = ${attemptId} FOR KEY SHARE`;
    const attempt = await ownedAttempt(tx, attemptId, userId);
    if (!revealsAsYouGo(attempt.mode)) {
      throw new AppError("FORBIDDEN", "A mock exam shows answers only after you submit it.");
    }
    if (attempt.status !== "IN_PROGRESS") throw new AppError("CLOSED", "This attempt has already been submitted.");
    const locked = await tx.$queryRaw<Array<{ position: number }>>`
      SELECT position FROM "AttemptItem" WHERE "attemptId" = ${attemptId} AND position = ${position} FOR UPDATE`;
    if (locked.length === 0) throw new AppError("INVALID", `Question ${position + 1} is not part of this attempt.`);
    const row = (await itemsWithSnapshots(tx, attemptId)).find((r) => r.position === position)!;
    if ((await lockedQuestionIds(tx, { userId, exceptAttemptId: attemptId })).has(row.questionId)) {
      throw new AppError("FORBIDDEN", KEY_LOCKED_MESSAGE);
    }
    if (row.revealedAt) return revealOf(row); // checked before: same answer, same result
    if (chosenKeys.length === 0) throw new AppError("INVALID", "Choose an answer before checking it.");
    const unknown = chosenKeys.filter((k) => !row.choiceOrder.includes(k));
    if (unknown.length) throw new AppError("INVALID", `This question has no choice ${unknown.join(", ")}.`);
    if (chosenKeys.length > row.chooseCount) {
      throw new AppError("INVALID", `This question asks for ${row.chooseCount} choice${row.chooseCount === 1 ? "" : "s"}.`);
    }
    const reveal = revealOf({ ...row, chosenKeys });
    await tx.attemptItem.update({
      where: { attemptId_position: { attemptId, position } },
      data: {
        chosenKeys,
        revealedAt: now,
        answeredAt: now,
        correct: reveal.correct,
        timeSpentMs: Math.max(row.timeSpentMs, Math.round(options.timeSpentMs ?? 0)),
      },
    });
    return reveal;
  });
}

// ───────────────────────────── grading ─────────────────────────────

export type GradeOutcome = { attemptId: string; alreadyGraded: boolean; status: "SUBMITTED" | "EXPIRED" };

type GradingRow = {
  position: number;
  questionId: string;
  chosenKeys: string[];
  timeSpentMs: number;
  unsure: boolean;
  type: string;
  difficulty: number;
  taskStatement: string;
  topic: string;
  choiceCount: number;
  correctKeys: string[];
};

/**
 * Grades inside an open transaction. Locks the attempt row; a second call finds
 * it graded. Plain SQL throughout: grading runs a thousand times at a deadline,
 * and the ORM's per-statement CPU was most of its cost (benchmark).
 */
async function gradeWithin(tx: Tx, options: { attemptId: string; now: Date; expired: boolean }): Promise<GradeOutcome> {
  const { attemptId, now, expired } = options;
  const locked = await tx.$queryRaw<Array<{ status: string; userId: string }>>`
    SELECT status, "userId" FROM "Attempt" WHERE id = ${attemptId} FOR UPDATE`;
  const attempt = locked[0];
  if (!attempt) throw attemptNotFound();
  if (attempt.status !== "IN_PROGRESS") {
    return { attemptId, alreadyGraded: true, status: attempt.status as "SUBMITTED" | "EXPIRED" };
  }
  // What grading needs from each item's question version, the key extracted in SQL.
  const rows = await tx.$queryRaw<GradingRow[]>`
    SELECT ai.position, ai."questionId", ai."chosenKeys", ai."timeSpentMs", ai.unsure,
           qv.snapshot->>'type' AS type, (qv.snapshot->>'difficulty')::int AS difficulty,
           qv.snapshot->>'taskStatement' AS "taskStatement", qv.snapshot->>'topic' AS topic,
           jsonb_array_length(qv.snapshot->'choices')::int AS "choiceCount",
           ARRAY(SELECT c->>'key' FROM jsonb_array_elements(qv.snapshot->'choices') c WHERE (c->>'correct')::boolean) AS "correctKeys"
    FROM "AttemptItem" ai
    JOIN "QuestionVersion" qv ON qv."questionId" = ai."questionId" AND qv.version = ai."questionVersion"
    WHERE ai."attemptId" = ${attemptId}
    ORDER BY ai.position`;
  const grade = gradeAttempt(
    rows.map((r) => ({
      position: r.position,
      correctKeys: r.correctKeys,
      chosenKeys: r.chosenKeys,
      domain: domainOf(r.taskStatement),
      taskStatement: r.taskStatement,
      timeSpentMs: r.timeSpentMs,
    })),
  );
  const correctness = new Map(grade.items.map((i) => [i.position, i.correct]));
  if (rows.length) {
    await tx.$executeRaw`
      UPDATE "AttemptItem" ai SET correct = t.correct
      FROM unnest(${grade.items.map((i) => i.position)}::int[], ${grade.items.map((i) => i.correct)}::boolean[]) AS t(position, correct)
      WHERE ai."attemptId" = ${attemptId} AND ai.position = t.position`;
  }
  const status = expired ? "EXPIRED" : "SUBMITTED";
  await tx.$executeRaw`
    UPDATE "Attempt"
    SET status = ${status}::"AttemptStatus", "submittedAt" = ${expired ? null : now}, "gradedAt" = ${now},
        "rawScore" = ${grade.raw}, "scaledScore" = ${grade.scaled}, passed = ${grade.passed},
        "domainResults" = ${JSON.stringify(grade.domains)}::jsonb, "taskStatementResults" = ${JSON.stringify(grade.taskStatements)}::jsonb
    WHERE id = ${attemptId}`;
  // Unanswered questions count as wrong in the score but are not evidence of mastery.
  await recordEvidence(tx, {
    userId: attempt.userId,
    now,
    answers: rows
      .filter((r) => r.chosenKeys.length > 0)
      .map((r) => ({
        questionId: r.questionId,
        topic: r.topic,
        taskStatement: r.taskStatement,
        difficulty: difficultyLogit(r.difficulty),
        guess: guessChance({ type: r.type, choiceCount: r.choiceCount, correctCount: r.correctKeys.length }),
        correct: correctness.get(r.position) ?? false,
        unsure: r.unsure,
        timeSpentMs: r.timeSpentMs,
      })),
  });
  return { attemptId, alreadyGraded: false, status };
}

async function gradeAttemptNow(db: Db, options: { attemptId: string; now: Date; expired: boolean }): Promise<GradeOutcome> {
  return db.$transaction((tx) => gradeWithin(tx, options), { timeout: 30_000, maxWait: 30_000 });
}

/**
 * Submits and grades an attempt, once: a double click, a second tab or a retry
 * gets the same outcome. Past the deadline (plus grace) it is graded as expired
 * from what was saved.
 */
export async function submitAttempt(
  db: Db,
  options: { userId: string; attemptId: string; now: Date; settings: ExamSettings },
): Promise<GradeOutcome> {
  const { userId, attemptId, now, settings } = options;
  const attempt = await ownedAttempt(db, attemptId, userId);
  return gradeAttemptNow(db, { attemptId, now, expired: isOverdue(now, attempt.deadline, settings.graceSeconds) });
}

/** The sweep: grades every attempt whose deadline (plus grace) has passed. */
export async function gradeOverdueAttempts(db: Db, options: { now: Date; settings: ExamSettings; limit?: number }): Promise<number> {
  const cutoff = new Date(options.now.getTime() - options.settings.graceSeconds * 1000);
  const overdue = await db.attempt.findMany({
    where: { status: "IN_PROGRESS", deadline: { lt: cutoff } },
    select: { id: true },
    orderBy: { deadline: "asc" },
    take: options.limit ?? 500,
  });
  let graded = 0;
  for (const { id } of overdue) {
    const outcome = await gradeAttemptNow(db, { attemptId: id, now: options.now, expired: true });
    if (!outcome.alreadyGraded) graded++;
  }
  return graded;
}

// ───────────────────────────── results ─────────────────────────────

export type ReviewItem = {
  position: number;
  questionId: string;
  stem: string;
  type: "single" | "multiple";
  /** True while the question is also in an open timed attempt: no key, explanation or verdict. */
  withheld: boolean;
  choices: Array<{ key: string; text: string; correct: boolean; explanation: string; chosen: boolean }>;
  chosenKeys: string[];
  correct: boolean;
  answered: boolean;
  flagged: boolean;
  unsure: boolean;
  timeSpentMs: number;
  lessonId: string;
  topic: string;
  taskStatement: string;
};

export type AttemptResults = {
  attemptId: string;
  mode: AttemptMode;
  title: string;
  status: "SUBMITTED" | "EXPIRED";
  startedAt: string;
  gradedAt: string;
  rawScore: number;
  questionCount: number;
  scaledScore: number;
  passed: boolean;
  domains: Array<{ number: number; title: string; correct: number; total: number; percent: number }>;
  taskStatements: Array<{ code: string; title: string; correct: number; total: number; percent: number }>;
  averageSecondsPerQuestion: number;
  items: ReviewItem[];
};

/** Results of a graded attempt; null while it is still running. Grades it first if its time ran out. */
export async function loadResults(
  db: Db,
  options: { userId: string; attemptId: string; now: Date; settings: ExamSettings },
): Promise<AttemptResults | null> {
  const { userId, attemptId, now, settings } = options;
  let attempt = await db.attempt.findUnique({ where: { id: attemptId } });
  if (!attempt || attempt.userId !== userId) throw attemptNotFound();
  if (attempt.status === "IN_PROGRESS") {
    if (!isOverdue(now, attempt.deadline, settings.graceSeconds)) return null;
    await gradeAttemptNow(db, { attemptId, now, expired: true });
    attempt = (await db.attempt.findUnique({ where: { id: attemptId } }))!;
  }
  const [rows, domains, taskStatements, locked] = await Promise.all([
    itemsWithSnapshots(db, attemptId),
    db.domain.findMany({ select: { number: true, title: true } }),
    db.taskStatement.findMany({ select: { code: true, title: true } }),
    lockedQuestionIds(db, { userId, exceptAttemptId: attemptId }),
  ]);
  const domainTitle = new Map(domains.map((d) => [String(d.number), d.title]));
  const tsTitle = new Map(taskStatements.map((t) => [t.code, t.title]));
  const domainRows = (attempt.domainResults as Array<{ key: string; correct: number; total: number; percent: number }>) ?? [];
  const tsRows = (attempt.taskStatementResults as Array<{ key: string; correct: number; total: number; percent: number }>) ?? [];
  const totalMs = rows.reduce((n, r) => n + r.timeSpentMs, 0);
  return {
    attemptId,
    mode: attempt.mode,
    title: attemptTitle(attempt.mode, attempt.config, attempt.questionCount),
    status: attempt.status as "SUBMITTED" | "EXPIRED",
    startedAt: attempt.startedAt.toISOString(),
    gradedAt: (attempt.gradedAt ?? now).toISOString(),
    rawScore: attempt.rawScore ?? 0,
    questionCount: attempt.questionCount,
    scaledScore: attempt.scaledScore ?? 100,
    passed: attempt.passed ?? false,
    domains: domainRows.map((d) => ({ number: Number(d.key), title: domainTitle.get(d.key) ?? `Domain ${d.key}`, ...d })),
    taskStatements: tsRows.map((t) => ({ code: t.key, title: tsTitle.get(t.key) ?? t.key, ...t })),
    averageSecondsPerQuestion: rows.length ? Math.round(totalMs / rows.length / 1000) : 0,
    items: rows.map((r) => {
      const byKey = new Map(r.snapshot.choices.map((c) => [c.key, c]));
      // A question also in an open timed attempt: its key, explanations and verdict wait.
      const withheld = locked.has(r.questionId);
      return {
        position: r.position,
        questionId: r.questionId,
        stem: r.snapshot.stem,
        type: r.snapshot.type,
        withheld,
        choices: r.choiceOrder.map((key) => {
          const c = byKey.get(key)!;
          return { key, text: c.text, correct: withheld ? false : c.correct, explanation: withheld ? "" : c.explanation, chosen: r.chosenKeys.includes(key) };
        }),
        chosenKeys: r.chosenKeys,
        correct: withheld ? false : (r.correct ?? false),
        answered: r.chosenKeys.length > 0,
        flagged: r.flagged,
        unsure: r.unsure,
        timeSpentMs: r.timeSpentMs,
        lessonId: r.lessonId,
        topic: r.snapshot.topic,
        taskStatement: r.snapshot.taskStatement,
      };
    }),
  };
}

export type AttemptSummary = {
  attemptId: string;
  mode: AttemptMode;
  title: string;
  status: "IN_PROGRESS" | "SUBMITTED" | "EXPIRED";
  startedAt: string;
  deadline: string | null;
  scaledScore: number | null;
  rawScore: number | null;
  questionCount: number;
  passed: boolean | null;
};

export async function listAttempts(db: Db, options: { userId: string; modes?: AttemptMode[]; take?: number }): Promise<AttemptSummary[]> {
  const rows = await db.attempt.findMany({
    where: { userId: options.userId, ...(options.modes ? { mode: { in: options.modes } } : {}) },
    select: {
      id: true,
      mode: true,
      status: true,
      startedAt: true,
      deadline: true,
      scaledScore: true,
      rawScore: true,
      questionCount: true,
      passed: true,
      config: true,
    },
    orderBy: { startedAt: "desc" },
    take: options.take ?? 50,
  });
  return rows.map((a) => ({
    attemptId: a.id,
    mode: a.mode,
    title: attemptTitle(a.mode, a.config, a.questionCount),
    status: a.status,
    startedAt: a.startedAt.toISOString(),
    deadline: a.deadline?.toISOString() ?? null,
    scaledScore: a.scaledScore,
    rawScore: a.rawScore,
    questionCount: a.questionCount,
    passed: a.passed,
  }));
}
