// How a graded attempt's learning job gets queued. The grade inserts a row in
// PendingLearning in its own statement, so the job exists exactly when the
// grade does; the job worker moves those rows into graphile-worker jobs in
// batches (movePendingLearning), every quarter second.
//
// Why not add the job in the grade: graphile-worker's add_job sends a NOTIFY
// for each new job, and a transaction that sent NOTIFY holds one lock, shared
// by the whole database, from its commit until its WAL is flushed. In a
// 1,000-submit storm the backends spent a fifth of their time waiting on it,
// and grades without the job's insert cut submit p99 by about a third
// (docs/benchmarks.md). add_jobs sends one NOTIFY per batch.
import "server-only";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { JOB } from "@/lib/jobs/queue";

/** The job's key: a second queueing of the same attempt replaces the waiting job, never twins it. */
export const LEARNING_JOB_KEY_PREFIX = "attempt-learning:";
const LEARNING_MAX_ATTEMPTS = 10;
/** Rows moved per statement. */
export const MOVE_BATCH = 500;

/**
 * The step a grade statement ends with: every attempt in the CTE `graded`
 * (a relation with an `id` column) waits for its learning, which may run
 * after `runAfterSeconds`. Keeps an earlier row of the same attempt.
 */
export function pendingLearningInsert(runAfterSeconds: number): Prisma.Sql {
  return Prisma.sql`INSERT INTO "PendingLearning" ("attemptId", "runAt")
      SELECT id, now() + make_interval(secs => ${runAfterSeconds}::int) FROM graded
      ON CONFLICT ("attemptId") DO NOTHING`;
}

/** Queues again the learning of attempts graded long ago and never learned (requeueMissedLearning). */
export async function markLearningPending(db: Pick<Db, "$executeRaw">, attemptIds: readonly string[]): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "PendingLearning" ("attemptId", "runAt")
    SELECT id, now() FROM unnest(${attemptIds as string[]}::text[]) AS graded(id)
    ON CONFLICT ("attemptId") DO NOTHING`;
}

/**
 * Moves up to MOVE_BATCH pending attempts into learning jobs, in one statement
 * (one NOTIFY), each job due at its row's time. Rows another mover holds are
 * skipped, so any number of workers may run this at once. Returns how many moved.
 */
export async function movePendingLearning(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ moved: number }>>`
    WITH moved AS (
      DELETE FROM "PendingLearning" p
      WHERE p."attemptId" IN (SELECT "attemptId" FROM "PendingLearning" ORDER BY "runAt" LIMIT ${MOVE_BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING p."attemptId", p."runAt"
    ), queued AS (
      SELECT 1 FROM graphile_worker.add_jobs(ARRAY(
        SELECT ROW(${JOB.recordAttemptLearning}::text, json_build_object('attemptId', m."attemptId"), NULL::text, m."runAt",
          ${LEARNING_MAX_ATTEMPTS}::smallint, ${LEARNING_JOB_KEY_PREFIX}::text || m."attemptId", NULL::smallint, NULL::text[])::graphile_worker.job_spec
        FROM moved m))
      WHERE EXISTS (SELECT 1 FROM moved)
    )
    SELECT (SELECT count(*) FROM moved)::int AS moved, (SELECT count(*) FROM queued)::int AS queued`;
  // `queued` must stay in that SELECT: a CTE without writes of its own runs only if
  // read, and it is the one that adds the jobs (`moved`, a DELETE, runs regardless).
  // EXISTS keeps an empty pass from calling add_jobs (and its NOTIFY) at all.
  return row?.moved ?? 0;
}

/** Moves every pending attempt now (the drain of tests: runDueJobs). */
export async function moveAllPendingLearning(db: Db): Promise<number> {
  let total = 0;
  for (;;) {
    const moved = await movePendingLearning(db);
    total += moved;
    if (moved < MOVE_BATCH) return total;
  }
}
