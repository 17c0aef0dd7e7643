// Grading off the critical path, on the real queue: submitting commits the
// score and marks the learning pending in the same statement; the worker moves
// pending learning into jobs in batches (one NOTIFY each); the real worker
// (graphile-worker with the app's tasks) records mastery, review cards and
// activity once, however often the job runs; a failed job is retried; the
// overdue sweep and rate-limit cleanup are jobs of the same queue.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { submitAttempt } from "@/lib/exams/submit-attempt";
import { forgetQuestionPool } from "@/lib/exams/question-pool";
import { saveAnswers } from "@/lib/exams/save-answers";
import { startAttempt } from "@/lib/exams/start-attempt";
import { recordAttemptLearning } from "@/lib/learning/attempt-learning";
import { loadDashboard } from "@/lib/learning/dashboard";
import { JOB } from "@/lib/jobs/queue";
import { reportServerLoad } from "@/lib/edge/server-load";
import { BUSY_REQUESTS, BUSY_WAIT_MS, LEARNING_DEFER_SECONDS } from "@/lib/learning/learning-delay";
import { startJobWorker } from "@/lib/jobs/worker";
import { MOVE_BATCH, moveAllPendingLearning } from "@/lib/learning/pending-learning";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { jobErrors, pendingLearning, queuedJobs, runJobs } from "../support/jobs";
import { responsesFor } from "@/lib/seed/scripted-responses";
import { createTestSession } from "../support/sessions";

let t: TestDatabase;
const settings = { mockMinutes: 130, graceSeconds: 10 };
const T0 = new Date("2026-04-10T09:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const UTC = { timeZone: "UTC", newCardsPerDay: 20 };

beforeAll(async () => {
  // Two connections: the worker's task and the test's own reads.
  t = await createTestDatabase({ poolMax: 2 });
  await seed(t.db, { demo: false });
  forgetQuestionPool(t.db);
});
afterAll(async () => t?.close());

async function newStudent(name: string, data: { timeZone?: string } = {}) {
  return (await t.db.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", ...data } })).id;
}

/** A quiz of six on task statement 2.2: four right, two wrong, submitted at `when`. */
async function submittedQuiz(userId: string, when: Date) {
  const { attemptId } = await startAttempt(t.db, {
    userId,
    input: { mode: "QUIZ", scope: { kind: "taskStatement", taskStatement: "2.2" }, count: 6 },
    now: when,
    settings,
  });
  const saves = await responsesFor(t.db, attemptId, ["right", "wrong", "right", "right", "wrong", "right"], { timeSpentMs: 30_000 });
  await saveAnswers(t.db, { userId, sessionId: await createTestSession(t.db, userId), attemptId, saves, now: when, settings });
  await submitAttempt(t.db, { userId, attemptId, now: when, settings });
  return attemptId;
}

/** Everything the learning job writes for a student, summed so a double count shows. */
async function learningOf(userId: string) {
  const [mastery, cards, activity] = await Promise.all([
    t.db.mastery.aggregate({ where: { userId }, _sum: { evidence: true, correct: true }, _count: true }),
    t.db.reviewCard.findMany({ where: { userId }, select: { questionId: true, reps: true, due: true }, orderBy: { questionId: "asc" } }),
    t.db.dailyActivity.findMany({ where: { userId }, select: { day: true, answered: true, correct: true, timeSpentMs: true } }),
  ]);
  return { evidence: mastery._sum.evidence ?? 0, correct: mastery._sum.correct ?? 0, scopes: mastery._count, cards, activity };
}

describe("the learning job", () => {
  test("submit commits the grade and marks the learning pending; the worker queues the job and records the learning once, however often it runs", async () => {
    const user = await newStudent("jobs-ada");
    const attemptId = await submittedQuiz(user, at(0));

    // The grade is there at once; the learning is not, and the dashboard says it is coming.
    const graded = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, rawScore: true, learningRecordedAt: true } });
    expect(graded).toMatchObject({ status: "SUBMITTED", rawScore: 4, learningRecordedAt: null });
    expect(await t.db.attemptItem.count({ where: { attemptId, correct: null } })).toBe(0);
    expect(await learningOf(user)).toMatchObject({ evidence: 0, scopes: 0, cards: [], activity: [] });
    expect(await pendingLearning(t)).toEqual([{ attemptId, dueIn: expect.closeTo(0, 0) }]);
    expect(await queuedJobs(t)).toEqual([]);
    expect((await loadDashboard(t.db, { userId: user, now: at(1), settings: UTC })).learningPending).toBe(true);

    await runJobs(t);
    const once = await learningOf(user);
    // Two scopes (topic, task statement) per answer; six answers, four right.
    expect(once.evidence).toBe(2 * 6);
    expect(once.correct).toBe(2 * 4);
    expect(once.cards).toHaveLength(2); // the two misses
    expect(once.activity).toEqual([expect.objectContaining({ answered: 6, correct: 4 })]);
    const stamped = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { learningRecordedAt: true, gradedAt: true } });
    expect(stamped.learningRecordedAt).toEqual(stamped.gradedAt);
    expect((await loadDashboard(t.db, { userId: user, now: at(1), settings: UTC })).learningPending).toBe(false);
    expect(await queuedJobs(t)).toEqual([]);
    expect(await pendingLearning(t)).toEqual([]);

    // The same job again (a retry after a lost acknowledgement, a requeue) and a direct call: nothing counted twice.
    await t.db.$executeRaw`SELECT graphile_worker.add_job(${JOB.recordAttemptLearning}, json_build_object('attemptId', ${attemptId}::text))`;
    await runJobs(t);
    expect(await recordAttemptLearning(t.db, { attemptId })).toBe("already-recorded");
    expect(await learningOf(user)).toEqual(once);
  });

  test("while the server's request gate is full, or requests lately waited long for their turn, the learning of a grade waits for the storm to pass; otherwise it runs at once", async () => {
    // Seconds until the learning may run, read as soon as the grade has committed.
    const delayOf = async (attemptId: string) => (await pendingLearning(t)).find((p) => p.attemptId === attemptId)!.dueIn;
    try {
      reportServerLoad(() => ({ requests: BUSY_REQUESTS + 5, recentWaitMs: 0 }));
      const inStorm = await submittedQuiz(await newStudent("jobs-storm"), at(2));
      expect(await delayOf(inStorm)).toBeCloseTo(LEARNING_DEFER_SECONDS, 0);
      // The backlog outside the gate: few requests inside, but the last ones waited long since they arrived.
      reportServerLoad(() => ({ requests: 2, recentWaitMs: BUSY_WAIT_MS + 1 }));
      const backlogged = await submittedQuiz(await newStudent("jobs-backlog"), at(2));
      expect(await delayOf(backlogged)).toBeCloseTo(LEARNING_DEFER_SECONDS, 0);
      reportServerLoad(() => ({ requests: 0, recentWaitMs: 0 }));
      const quiet = await submittedQuiz(await newStudent("jobs-quiet"), at(3));
      expect(await delayOf(quiet)).toBeCloseTo(0, 0);
      const [pendingRunAt] = await t.db.pendingLearning.findMany({ where: { attemptId: inStorm }, select: { runAt: true } });
      // The put-off jobs are queued at once, due when their rows said, and not run before their time; once due, they record as any other.
      await runJobs(t);
      expect(await pendingLearning(t)).toEqual([]);
      expect(await queuedJobs(t)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: `attempt-learning:${inStorm}`, attempts: 0 }),
          expect.objectContaining({ key: `attempt-learning:${backlogged}`, attempts: 0 }),
        ]),
      );
      expect(await queuedJobs(t)).toHaveLength(2);
      const [job] = await t.db.$queryRaw<Array<{ run_at: Date }>>`SELECT run_at FROM graphile_worker._private_jobs WHERE key = ${`attempt-learning:${inStorm}`}`;
      expect(job!.run_at).toEqual(pendingRunAt!.runAt);
      await t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key IN (${`attempt-learning:${inStorm}`}, ${`attempt-learning:${backlogged}`})`;
      await runJobs(t);
      expect(await queuedJobs(t), await jobErrors(t)).toEqual([]);
    } finally {
      reportServerLoad(() => ({ requests: 0, recentWaitMs: 0 }));
    }
  });

  test("a job that fails is retried later and then records once", async () => {
    // An unknown time zone makes the student's day impossible to work out: the job throws.
    const user = await newStudent("jobs-bo", { timeZone: "Mars/Olympus_Mons" });
    const attemptId = await submittedQuiz(user, at(5));
    await runJobs(t);
    const [failed] = await queuedJobs(t);
    expect(failed).toMatchObject({ task: JOB.recordAttemptLearning, attempts: 1 });
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).learningRecordedAt).toBeNull();
    expect((await learningOf(user)).evidence).toBe(0); // the failed run wrote nothing (one transaction)

    // The cause is fixed and the backoff has passed: the retry records it.
    await t.db.user.update({ where: { id: user }, data: { timeZone: "UTC" } });
    await t.db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE key = ${`attempt-learning:${attemptId}`}`;
    await runJobs(t);
    expect(await queuedJobs(t)).toEqual([]);
    expect((await learningOf(user)).evidence).toBe(2 * 6);
  });

  test("a running worker picks up the job a submit queued, within seconds", async () => {
    const user = await newStudent("jobs-cy");
    const worker = await startJobWorker({ connectionString: t.url, db: t.db, settings, schedule: false, pollInterval: 500 });
    try {
      const attemptId = await submittedQuiz(user, at(10));
      const until = Date.now() + 15_000;
      let recorded: Date | null = null;
      while (!recorded && Date.now() < until) {
        recorded = (await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).learningRecordedAt;
        if (!recorded) await new Promise((r) => setTimeout(r, 100));
      }
      expect(recorded).not.toBeNull();
      expect((await learningOf(user)).evidence).toBe(2 * 6);
    } finally {
      await worker.stop();
    }
  });
});

describe("pending learning", () => {
  test("two workers move a storm's pending learning into jobs at once: each attempt queued once, due when its row said, with a NOTIFY per batch rather than per grade", async () => {
    const count = 2 * MOVE_BATCH + 100;
    const user = await newStudent("jobs-storm-move");
    const { id: examId } = await t.db.exam.findFirstOrThrow({ select: { id: true } });
    // Attempts as a storm leaves them: graded, each waiting for its learning (some put off a minute).
    await t.db.$executeRaw`
      INSERT INTO "Attempt" (id, "userId", "examId", mode, config, "questionCount", "gradedAt")
      SELECT 'move-' || g, ${user}, ${examId}, 'QUIZ', '{}'::jsonb, 0, now() FROM generate_series(1, ${count}) g`;
    await t.db.$executeRaw`
      INSERT INTO "PendingLearning" ("attemptId", "runAt") SELECT 'move-' || g, date_trunc('second', now()) + (g % 2) * interval '1 minute' FROM generate_series(1, ${count}) g`;
    const listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    let notices = 0;
    listener.on("notification", (n) => void (n.channel === "jobs:insert" && notices++));
    await listener.query('LISTEN "jobs:insert"');
    try {
      const moved = await Promise.all([moveAllPendingLearning(t.db), moveAllPendingLearning(t.db)]);
      expect(moved[0] + moved[1]).toBe(count);
      const jobs = await t.db.$queryRaw<Array<{ key: string; attemptId: string; late: boolean }>>`
        SELECT key, payload->>'attemptId' AS "attemptId", run_at > date_trunc('second', now()) AS late
        FROM graphile_worker._private_jobs WHERE key LIKE 'attempt-learning:move-%' ORDER BY key`;
      expect(jobs).toHaveLength(count);
      expect(new Set(jobs.map((j) => j.key)).size).toBe(count);
      for (const job of jobs) expect(job.key).toBe(`attempt-learning:${job.attemptId}`);
      expect(jobs.filter((j) => j.late)).toHaveLength(count / 2);
      expect(await pendingLearning(t)).toEqual([]);
      // The embedded database's socket server delivers no notices between connections (its worker polls).
      if (t.kind === "postgres") {
        await expect.poll(() => notices, { timeout: 5_000 }).toBeGreaterThan(0);
        expect(notices).toBeLessThanOrEqual(Math.ceil(count / MOVE_BATCH) + 2);
      }
    } finally {
      await listener.end();
      await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs WHERE key LIKE 'attempt-learning:move-%'`;
      await t.db.$executeRaw`DELETE FROM "Attempt" WHERE id LIKE 'move-%'`;
    }
  });
});

describe("scheduled jobs", () => {
  test("the overdue sweep runs as a job: an abandoned mock is graded as expired, and its learning follows", async () => {
    const user = await newStudent("jobs-di");
    const { attemptId } = await startAttempt(t.db, { userId: user, input: { mode: "MOCK" }, now: T0, settings: { ...settings, mockMinutes: 2 } });
    const saves = (await responsesFor(t.db, attemptId, () => "right")).slice(0, 3);
    await saveAnswers(t.db, { userId: user, sessionId: await createTestSession(t.db, user), attemptId, saves, now: at(1), settings });

    // What the every-minute schedule adds (its clock is the real one: T0 is long past).
    await t.db.$executeRaw`SELECT graphile_worker.add_job(${JOB.gradeOverdueAttempts}, '{}'::json)`;
    await runJobs(t);
    const swept = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId }, select: { status: true, rawScore: true, learningRecordedAt: true } });
    expect(swept.status).toBe("EXPIRED");
    expect(swept.rawScore).toBe(3);
    expect(swept.learningRecordedAt).not.toBeNull(); // the learning job the sweep's grade queued ran in the same drain
    expect((await learningOf(user)).evidence).toBe(2 * 3); // unanswered questions are not evidence
  });

  test("the sweep requeues learning that never ran, and expired rate-limit counters are deleted", async () => {
    const user = await newStudent("jobs-ed");
    const attemptId = await submittedQuiz(user, at(20));
    // As if the queue had lost the job (restored from an older backup).
    await t.db.$executeRaw`DELETE FROM "PendingLearning"`;
    await t.db.$executeRaw`DELETE FROM graphile_worker._private_jobs`;
    await t.db.$executeRaw`INSERT INTO rate_limit (key, points, expire) VALUES ('jobs-old', 3, ${Date.now() - 1_000}), ('jobs-live', 1, ${Date.now() + 600_000})`;
    await t.db.$executeRaw`SELECT graphile_worker.add_job(${JOB.gradeOverdueAttempts}, '{}'::json)`;
    await t.db.$executeRaw`SELECT graphile_worker.add_job(${JOB.deleteExpiredRateLimits}, '{}'::json)`;
    await runJobs(t);
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).learningRecordedAt).not.toBeNull();
    expect((await learningOf(user)).evidence).toBe(2 * 6);
    expect((await t.db.rateLimit.findMany({ where: { key: { startsWith: "jobs-" } }, select: { key: true } })).map((r) => r.key)).toEqual(["jobs-live"]);
  });

  test("the worker registers the schedule: the sweep every minute, the rate-limit cleanup every quarter hour, the question statistics nightly", async () => {
    const worker = await startJobWorker({ connectionString: t.url, db: t.db, settings, pollInterval: 60_000 });
    try {
      // The worker registers its schedule just after it starts.
      const known = async () =>
        (await t.db.$queryRaw<Array<{ identifier: string }>>`SELECT identifier FROM graphile_worker._private_known_crontabs ORDER BY identifier`).map((k) => k.identifier);
      await expect.poll(known, { timeout: 10_000 }).toEqual([JOB.deleteExpiredRateLimits, JOB.gradeOverdueAttempts, JOB.refreshQuestionStats]);
    } finally {
      await worker.stop();
    }
  });
});
