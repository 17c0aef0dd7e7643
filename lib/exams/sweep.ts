// The sweep: grades every attempt whose deadline (plus grace) has passed, even
// if the student never comes back; it leaves on-time requests still queued the
// queue allowance first (deadline.ts).
import "server-only";
import type { Db } from "@/lib/db";
import { QUEUE_ALLOWANCE_SECONDS } from "./deadline";
import { gradeAttemptNow } from "./grade-attempt";
import type { ExamSettings } from "./settings";

export async function gradeOverdueAttempts(db: Db, options: { now: Date; settings: ExamSettings; limit?: number }): Promise<number> {
  const cutoff = new Date(options.now.getTime() - (options.settings.graceSeconds + QUEUE_ALLOWANCE_SECONDS) * 1000);
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
