// The job worker: graphile-worker over its own small pool, running the tasks
// of lib/jobs/tasks.ts and the recurring schedule. `npm start` runs one beside
// each app instance (scripts/worker.ts); any number may run at once, as jobs
// are taken with FOR UPDATE SKIP LOCKED and cron runs once per period.
import "server-only";
import { type Runner, run, runOnce } from "graphile-worker";
import type { Db } from "@/lib/db";
import type { ExamSettings } from "@/lib/exams/settings";
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
  /** Without the recurring schedule (tests that drive the sweep themselves). */
  schedule?: boolean;
};

export function startJobWorker(options: JobWorkerOptions): Promise<Runner> {
  const concurrency = options.concurrency ?? 2;
  const pollInterval = options.pollInterval ?? 2_000;
  return run({
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
}

/** Runs every job that is due now, then returns (tests, and `npm run jobs:drain`). */
export async function runDueJobs(options: Omit<JobWorkerOptions, "concurrency" | "pollInterval" | "schedule">): Promise<void> {
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
