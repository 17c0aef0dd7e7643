// The job worker: graphile-worker over its own small pool, running the tasks
// of lib/jobs/tasks.ts and the recurring schedule, and moving graded attempts'
// pending learning into jobs (lib/learning/pending-learning.ts). `npm start`
// runs one beside each app instance (scripts/worker.ts); any number may run at
// once, as jobs and pending rows are taken with FOR UPDATE SKIP LOCKED and cron
// runs once per period.
import "server-only";
import { run, runOnce } from "graphile-worker";
import type { Db } from "@/lib/db";
import type { ExamSettings } from "@/lib/exams/settings";
import { MOVE_BATCH, moveAllPendingLearning, movePendingLearning } from "@/lib/learning/pending-learning";
import { quietLogger } from "./schema";
import { JOB_SCHEDULE, jobTasks } from "./tasks";

export type JobWorkerOptions = {
  connectionString: string;
  db: Db;
  settings: ExamSettings;
  /** Jobs at once in this worker. Low: the web requests share the database. */
  concurrency?: number;
  /** Milliseconds between polls for delayed jobs and retries (new jobs arrive by LISTEN/NOTIFY). */
  pollInterval?: number;
  /** Milliseconds between looks for graded attempts whose learning is not queued yet. */
  moveInterval?: number;
  /** Without the recurring schedule (tests that drive the sweep themselves). */
  schedule?: boolean;
};

export type JobWorker = {
  /** Settles when the worker stops; rejects if graphile-worker failed. */
  promise: Promise<void>;
  stop(): Promise<void>;
};

/** Moves pending learning into jobs every `intervalMs`, in batches, until stopped. */
function movePendingLearningEvery(db: Db, intervalMs: number): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      while (!stopped && (await movePendingLearning(db)) === MOVE_BATCH);
    } catch (error) {
      // The database restarting, say: the rows wait for the next pass.
      console.error("[jobs] moving pending learning failed:", error instanceof Error ? error.message : error);
    }
    if (!stopped) timer = setTimeout(() => (pass = tick()), intervalMs);
  };
  pass = tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}

export async function startJobWorker(options: JobWorkerOptions): Promise<JobWorker> {
  const concurrency = options.concurrency ?? 2;
  const pollInterval = options.pollInterval ?? 2_000;
  const runner = await run({
    connectionString: options.connectionString,
    concurrency,
    // One connection per job plus the LISTEN connection.
    maxPoolSize: concurrency + 1,
    pollInterval,
    // Named prepared statements belong to a session: the embedded database serves
    // every client connection from one session (two workers' "get_job" collide),
    // and a pooler in transaction mode hands each transaction another session.
    noPreparedStatements: true,
    noHandleSignals: true,
    logger: quietLogger,
    taskList: jobTasks(options.db, { settings: options.settings }),
    crontab: options.schedule === false ? "" : JOB_SCHEDULE,
    // Every added job notifies the worker, and each notice makes it ask the
    // database for a job. In a submit storm whose learning is put off
    // (lib/learning/learning-delay.ts) that was a thousand "get job" queries
    // finding nothing, on the CPU the submits need: after a fetch that finds
    // nothing, wait a second (at most the poll interval) before asking again, whatever the notices say.
    preset: { worker: { localQueue: { size: concurrency + 1, refetchDelay: { durationMs: Math.min(1_000, pollInterval), maxAbortThreshold: Number.POSITIVE_INFINITY } } } },
  });
  const mover = movePendingLearningEvery(options.db, options.moveInterval ?? 250);
  return {
    promise: runner.promise,
    async stop() {
      await mover.stop();
      await runner.stop();
    },
  };
}

type DrainOptions = Pick<JobWorkerOptions, "connectionString" | "db" | "settings">;

/**
 * Queues all pending learning and runs every job that is due now, again while
 * the jobs graded attempts (the sweep), then returns (tests).
 */
export async function runDueJobs(options: DrainOptions): Promise<void> {
  await moveAllPendingLearning(options.db);
  do await runDueJobsOnce(options);
  while ((await moveAllPendingLearning(options.db)) > 0);
}

async function runDueJobsOnce(options: DrainOptions): Promise<void> {
  await runOnce({
    connectionString: options.connectionString,
    maxPoolSize: 2,
    noPreparedStatements: true,
    noHandleSignals: true,
    logger: quietLogger,
    taskList: jobTasks(options.db, { settings: options.settings }),
    // graphile-worker does not await a job's completion before its worker takes
    // the next one, and "run once" returned with the last job still locked. Batched
    // (here: per tick), completions and failures are flushed before it returns.
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
}
