// What each job does, and the schedule of the recurring ones. Every task is
// safe to run twice: the queue retries a task that threw (exponential backoff,
// up to its max attempts) and a crashed worker's job is picked up again.
import "server-only";
import type { Task, TaskList } from "graphile-worker";
import { z } from "zod";
import type { Db } from "@/lib/db";
import { deleteExpiredLimits } from "@/lib/auth/rate-limits";
import { gradeOverdueAttempts } from "@/lib/exams/sweep";
import type { ExamSettings } from "@/lib/exams/settings";
import { questionsToRefresh, refreshQuestionStats } from "@/lib/insights/question-stat-refresh";
import { recordAttemptLearning, requeueMissedLearning } from "@/lib/learning/attempt-learning";
import { JOB } from "./queue";

const attemptLearningPayload = z.object({ attemptId: z.string().min(1).max(64) });
/** Question ids gathered from graded attempts, or the crontab's `{ _cron }` object: the whole bank. */
const questionStatsPayload = z.union([z.array(z.string().min(1).max(64)), z.looseObject({})]);

/**
 * The recurring jobs, in crontab form. graphile-worker runs each once per
 * period across all workers of a cluster; `max=1` means one try (the next
 * minute is the retry), and the job key keeps a slow run from piling up.
 */
export const JOB_SCHEDULE = [
  `* * * * * ${JOB.gradeOverdueAttempts} ?max=1&jobKey=${JOB.gradeOverdueAttempts}&jobKeyMode=preserve_run_at`,
  `*/15 * * * * ${JOB.deleteExpiredRateLimits} ?max=1&jobKey=${JOB.deleteExpiredRateLimits}&jobKeyMode=preserve_run_at`,
  // Nightly, the whole bank (catches anything a lost job missed, and questions new to the bank).
  `17 3 * * * ${JOB.refreshQuestionStats} ?max=3&jobKey=question-stats-nightly&jobKeyMode=preserve_run_at`,
].join("\n");

export function jobTasks(db: Db, options: { settings: ExamSettings; now?: () => Date }): TaskList {
  const now = options.now ?? (() => new Date());
  const recordLearning: Task = async (payload) => {
    await recordAttemptLearning(db, attemptLearningPayload.parse(payload));
  };
  const sweep: Task = async (_payload, helpers) => {
    const at = now();
    const graded = await gradeOverdueAttempts(db, { now: at, settings: options.settings });
    const requeued = await requeueMissedLearning(db, { now: at });
    if (graded || requeued) helpers.logger.info(`graded ${graded} overdue attempts, requeued learning of ${requeued}`);
  };
  const refreshStats: Task = async (payload, helpers) => {
    const parsed = questionStatsPayload.parse(payload);
    const { refreshed } = await refreshQuestionStats(db, Array.isArray(parsed) ? { questionIds: await questionsToRefresh(db, parsed) } : {});
    helpers.logger.info(`refreshed the statistics of ${refreshed} questions`);
  };
  const cleanLimits: Task = async () => {
    await deleteExpiredLimits(db, now().getTime());
  };
  return {
    [JOB.recordAttemptLearning]: recordLearning,
    [JOB.gradeOverdueAttempts]: sweep,
    [JOB.refreshQuestionStats]: refreshStats,
    [JOB.deleteExpiredRateLimits]: cleanLimits,
  };
}
