// Runs the real job worker (graphile-worker, the app's tasks) on a test
// database until no job is due: what the worker beside the app does after a
// grade (it moves the pending learning into jobs, then runs them), done at
// once so a test can look at the result.
import type { ExamSettings } from "@/lib/exams/settings";
import { runDueJobs } from "@/lib/jobs/worker";
import type { TestDatabase } from "./database";

export async function runJobs(t: TestDatabase, settings: ExamSettings = { mockMinutes: 130, graceSeconds: 10 }): Promise<void> {
  await runDueJobs({ connectionString: t.url, db: t.db, settings });
}

/** Jobs waiting in the queue, by task name. */
export async function queuedJobs(t: TestDatabase): Promise<Array<{ task: string; key: string | null; attempts: number }>> {
  return t.db.$queryRaw`
    SELECT task_identifier AS task, key, attempts FROM graphile_worker.jobs ORDER BY id`;
}

/** Graded attempts whose learning job is not queued yet, with seconds until it may run (lib/learning/pending-learning.ts). */
export async function pendingLearning(t: TestDatabase): Promise<Array<{ attemptId: string; dueIn: number }>> {
  return t.db.$queryRaw`
    SELECT "attemptId", extract(epoch FROM "runAt" - now())::float8 AS "dueIn" FROM "PendingLearning" ORDER BY "runAt", "attemptId"`;
}

/** What became of the jobs still queued (their last error, lock and time), for a failing assertion's message. */
export async function jobErrors(t: TestDatabase): Promise<string> {
  const rows = await t.db.$queryRaw<Array<{ key: string | null; last_error: string | null; locked: boolean; due_in: number }>>`
    SELECT key, last_error, locked_at IS NOT NULL AS locked, extract(epoch FROM run_at - now())::float8 AS due_in FROM graphile_worker.jobs ORDER BY id`;
  return rows.map((row) => `${row.key}: ${row.last_error ?? "no error"}, ${row.locked ? "locked" : "not locked"}, due in ${row.due_in} s`).join("\n") || "no job queued";
}
