// Starting an attempt: a mock, the final mock, a review exam, a quiz or a drill.
// Exam-length modes draw 65 questions balanced to the blueprint, unseen first;
// an open one is resumed rather than started twice (a double click, two tabs).
import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/app-error";
import type { Db, Prisma } from "@/lib/db";
import { computeDeadline, isOverdue } from "./deadline";
import { drillTopicWeights } from "./drill-weights";
import { EXAM_FORMAT, FINAL_MOCKS_PER_STUDENT } from "./exam-format";
import { gradeAttemptNow } from "./grade-attempt";
import { insertAttempt } from "./insert-attempt";
import { lockedQuestionIds } from "./key-lock";
import { masteryLevel } from "@/lib/learning/mastery";
import type { StartAttemptInput } from "./inputs";
import { type AttemptMode, drawsFrom, isExamLength, revealsAsYouGo } from "./modes";
import { type PoolQuestion, questionPool } from "./question-pool";
import { seededRandom } from "./random";
import { type Candidate, selectMockQuestions, selectScopedQuestions } from "./sampling";
import type { ExamSettings } from "./settings";
import type { AttemptConfig } from "./attempt-title";

type Tx = Prisma.TransactionClient;

export type StartedAttempt = { attemptId: string; resumed: boolean; short: boolean };

/**
 * What a start needs to know about the student, in one statement: their open
 * exam of this mode (an exam-length mode resumes it), how many final mocks they
 * have taken, the time multiplier of their own timed mocks (their largest class
 * accommodation: "unlimited" is for class assignments, which run until the due
 * time; a self-started mock has no due time, so it counts as the largest timed
 * option, ×2), and how often and how lately they have seen each question.
 *
 * The seen counts are driven from the student's attempts, then each attempt's
 * items by its index on ("attemptId", …): LATERAL with OFFSET 0 (which keeps
 * PostgreSQL from flattening it into a plain join) fixes that order, so a plan
 * made from stale statistics (AttemptItem grows by 65 rows a start, faster than
 * autoanalyze in a class's first storm) cannot scan every attempt item for
 * every start: the bench saw that plan take 5 s a start.
 */
async function studentState(db: Tx, userId: string, mode: AttemptMode) {
  const [state] = await db.$queryRaw<
    Array<{ openId: string | null; openDeadline: Date | null; finalMocks: number; multiplier: number; seen: Array<[string, number, number]> }>
  >`
    SELECT o.id AS "openId", o.deadline AS "openDeadline",
           CASE WHEN ${mode}::text = 'FINAL_MOCK'
                THEN (SELECT count(*)::int FROM "Attempt" f WHERE f."userId" = ${userId} AND f.mode = 'FINAL_MOCK') ELSE 0 END AS "finalMocks",
           (SELECT GREATEST(1, COALESCE(max(COALESCE(ac."timeMultiplier", 2)), 1))::float8 FROM "Accommodation" ac WHERE ac."userId" = ${userId}) AS multiplier,
           (SELECT COALESCE(json_agg(json_build_array(s."questionId", s.times, s.last)), '[]'::json) FROM (
              SELECT ai."questionId", count(*)::int AS times, (extract(epoch FROM max(a."startedAt")) * 1000)::float8 AS last
              FROM "Attempt" a
              CROSS JOIN LATERAL (SELECT i."questionId" FROM "AttemptItem" i WHERE i."attemptId" = a.id OFFSET 0) ai
              WHERE a."userId" = ${userId}
              GROUP BY ai."questionId") s) AS seen
    FROM (VALUES (1)) AS one(x)
    LEFT JOIN LATERAL (
      SELECT a.id, a.deadline FROM "Attempt" a
      WHERE ${isExamLength(mode)} AND a."userId" = ${userId} AND a.mode = ${mode}::"AttemptMode" AND a.status = 'IN_PROGRESS' AND a."assignmentId" IS NULL
      ORDER BY a."startedAt" DESC LIMIT 1
    ) o ON true`;
  return {
    open: state!.openId ? { id: state!.openId, deadline: state!.openDeadline } : null,
    finalMocks: state!.finalMocks,
    multiplier: state!.multiplier,
    seen: new Map(state!.seen.map(([questionId, times, last]) => [questionId, { times, last }])),
  };
}

function inQuizScope(q: PoolQuestion, input: StartAttemptInput): boolean {
  if (input.mode !== "QUIZ") return true;
  const scope = input.scope;
  if (scope.kind === "domain") return q.domain === scope.domain;
  if (scope.kind === "taskStatement") return q.taskStatement === scope.taskStatement;
  return q.topic === scope.topic;
}

async function quizLabel(db: Tx, input: StartAttemptInput): Promise<string | undefined> {
  if (input.mode !== "QUIZ") return undefined;
  const scope = input.scope;
  if (scope.kind === "topic") return (await db.topic.findUnique({ where: { id: scope.topic }, select: { title: true } }))?.title;
  if (scope.kind === "taskStatement") return `Task statement ${scope.taskStatement}`;
  return `Domain ${scope.domain}`;
}

const finalMocksTaken = () =>
  new AppError("CONFLICT", `You have taken both final mocks. Their questions are held back so each measures what you can do on questions you have never seen.`);

/**
 * Starts an attempt, or resumes the student's open exam of that mode. No
 * transaction and no lock: the insert itself refuses a second open exam of the
 * mode and a final mock beyond the allowance (insert-attempt.ts), so of two
 * starts racing one inserts and the other resumes it. A start takes two
 * statements: the student's state, then the insert.
 */
export async function startAttempt(
  db: Db,
  options: { userId: string; input: StartAttemptInput; now: Date; settings: ExamSettings },
): Promise<StartedAttempt> {
  // A start that lost the insert to another start of the same exam resumes it;
  // if that one was already finished, or a final mock was refused, look again.
  for (let tries = 0; tries < 3; tries++) {
    const started = await tryStart(db, options);
    if (started) return started;
  }
  throw new AppError("CONFLICT", "Another start of this exam got in the way. Try again.");
}

async function tryStart(
  db: Db,
  options: { userId: string; input: StartAttemptInput; now: Date; settings: ExamSettings },
): Promise<StartedAttempt | null> {
  const { userId, input, now, settings } = options;
  const mode: AttemptMode = input.mode;
  const [pool, state] = await Promise.all([questionPool(db, now.getTime()), studentState(db, userId, mode)]);
  const open = state.open;
  if (open && !isOverdue(now, open.deadline, settings.graceSeconds)) return { attemptId: open.id, resumed: true, short: false };
  if (open) await gradeAttemptNow(db, { attemptId: open.id, now, expired: true });
  if (mode === "FINAL_MOCK" && state.finalMocks >= FINAL_MOCKS_PER_STUDENT) throw finalMocksTaken();

  // Practice reveals answers as it goes: it does not draw a question of an open timed attempt.
  // A practice start racing a mock's start (two tabs, the same instant) may still draw one; the
  // key stays locked all the same, since every reveal asks key-lock.ts again.
  const locked = revealsAsYouGo(mode) ? await lockedQuestionIds(db, { userId }) : new Set<string>();
  const candidates: Candidate[] = pool.questions
    .filter((q) => drawsFrom(mode, q) && inQuizScope(q, input) && !locked.has(q.id))
    .map((q) => ({
      id: q.id,
      domain: q.domain,
      taskStatement: q.taskStatement,
      topic: q.topic,
      timesSeen: state.seen.get(q.id)?.times ?? 0,
      lastSeenAt: state.seen.get(q.id)?.last ?? 0,
    }));
  const attemptId = randomUUID();
  const random = seededRandom(attemptId);
  let selection;
  if (isExamLength(mode)) {
    selection = selectMockQuestions(candidates, { total: EXAM_FORMAT.questionCount, domainWeights: pool.domainWeights, random });
  } else {
    const count = "count" in input ? input.count : 10;
    let topicWeights: Map<string, number> | undefined;
    if (mode === "DRILL") {
      const rows = await db.mastery.findMany({ where: { userId, scope: "TOPIC" }, select: { scopeId: true, rating: true } });
      topicWeights = drillTopicWeights(
        [...new Set(candidates.map((c) => c.topic))],
        new Map(rows.map((r) => [r.scopeId, masteryLevel({ rating: r.rating })])),
      );
    }
    selection = selectScopedQuestions(candidates, { total: count, random, topicWeights });
  }
  if (selection.ids.length === 0) throw new AppError("INVALID", "There are no questions for that choice yet.");

  const timed = mode === "MOCK" || mode === "FINAL_MOCK" || (mode === "REVIEW_EXAM" && input.mode === "REVIEW_EXAM" && input.timed);
  const config: AttemptConfig = {
    ...(input.mode === "QUIZ" ? { scope: input.scope, label: await quizLabel(db, input) } : {}),
    ...("count" in input ? { requested: input.count } : {}),
    ...(input.mode === "REVIEW_EXAM" ? { timed: input.timed } : {}),
  };
  const multiplier = timed ? state.multiplier : 1;
  const inserted = await insertAttempt(
    db,
    {
      id: attemptId,
      userId,
      examId: "dva-c02",
      mode,
      config,
      startedAt: now,
      deadline: timed ? computeDeadline(now, settings.mockMinutes, multiplier) : null,
      timeMultiplier: multiplier,
    },
    selection.ids.map((id) => pool.byId.get(id)!),
    random,
  );
  if (inserted) return { attemptId, resumed: false, short: selection.short };
  // Another start of this exam inserted first (it is resumed on the next try), or
  // a racing final mock used up the allowance (refused on the next try).
  return null;
}
