// npm run sweep — grades every attempt past its deadline (plus grace) once.
// Schedule it (cron, EventBridge Scheduler…) or call POST /api/cron/grade-expired.
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
