// The job queue: graphile-worker on the app's own PostgreSQL (the embedded
// PGlite too), so a job is written in the same transaction as the change that
// needs it and is never lost between a commit and a send. Its tables live in
// the graphile_worker schema, created by migrateJobQueue (./schema.ts).
import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

export const JOB = {
  /** Mastery, review cards and daily activity from one graded attempt, moved from PendingLearning (lib/learning/pending-learning.ts). Payload { attemptId }. */
  recordAttemptLearning: "record-attempt-learning",
  /** The overdue sweep: grades attempts past their deadline; every minute. */
  gradeOverdueAttempts: "grade-overdue-attempts",
  /**
   * Bank-wide question statistics (lib/insights/question-stat-refresh.ts).
   * Payload: an array of "attempt:<id>" references and question ids (the
   * waiting job's array grows by one reference per graded attempt), or the
   * crontab's object for the nightly full refresh.
   */
  refreshQuestionStats: "refresh-question-stats",
  /** Drops expired rate-limit counters; every quarter hour. */
  deleteExpiredRateLimits: "delete-expired-rate-limits",
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

type JobOptions = {
  jobKey: string;
  maxAttempts?: number;
  /** Gathering: the job runs this long after the first add under its key, with every add's array payload. */
  delaySeconds?: number;
};

/** The call that adds a job, as an SQL expression. */
function addJobCall(job: JobName, payload: Record<string, unknown> | unknown[], options: JobOptions): Prisma.Sql {
  if (options.delaySeconds) {
    // Gathering: a job already waiting under this key keeps its run time, and
    // graphile-worker appends an array payload to the waiting job's array.
    return Prisma.sql`graphile_worker.add_job(${job}, ${JSON.stringify(payload)}::json,
        run_at => now() + make_interval(secs => ${options.delaySeconds}::int),
        job_key => ${options.jobKey}, max_attempts => ${options.maxAttempts ?? 10}::int, job_key_mode => 'preserve_run_at')`;
  }
  return Prisma.sql`graphile_worker.add_job(${job}, ${JSON.stringify(payload)}::json,
      job_key => ${options.jobKey}, max_attempts => ${options.maxAttempts ?? 10}::int)`;
}

/**
 * Adds a job inside the caller's transaction: it exists if and only if the
 * transaction commits. A job key makes a second add of the same work replace
 * the waiting one instead of queueing a twin.
 */
export async function enqueueJob(tx: Prisma.TransactionClient, job: JobName, payload: Record<string, unknown> | unknown[], options: JobOptions): Promise<void> {
  await tx.$executeRaw`SELECT 1 FROM ${addJobCall(job, payload, options)}`;
}
