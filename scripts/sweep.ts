// npm run sweep — grades every attempt past its deadline (plus grace) once.
// The job worker runs the same sweep every minute (lib/jobs/tasks.ts); this
// command is for a one-off run (or an outside scheduler, as is the route
// POST /api/cron/grade-expired). The learning of what it grades is queued for the worker.
import { createPrismaClient } from "../lib/database/client";
import { gradeOverdueAttempts } from "../lib/exams/sweep";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
const db = createPrismaClient({ url, max: 2 });
const graded = await gradeOverdueAttempts(db, {
  now: new Date(),
  settings: { mockMinutes: 0, graceSeconds: Number(process.env.STRATUS_SAVE_GRACE_SECONDS ?? 10) },
});
await db.$disconnect();
console.log(`Graded ${graded} attempt${graded === 1 ? "" : "s"} whose time had run out.`);
