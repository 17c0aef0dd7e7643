// npm run worker — the job worker (lib/jobs/worker.ts) on DATABASE_URL: the
// learning job after each grade, the overdue sweep every minute, rate-limit
// cleanup. `npm start` runs one beside each app instance; in production it can
// also run as its own service (docs/deploy.md). Stops cleanly on SIGTERM.
import { setPriority } from "node:os";
import { createPrismaClient } from "../lib/database/client";
import { DEFAULT_GRACE_SECONDS } from "../lib/exams/exam-format";
import { migrateJobQueue } from "../lib/jobs/schema";
import { startJobWorker } from "../lib/jobs/worker";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
const concurrency = Number(process.env.STRATUS_JOB_CONCURRENCY ?? 2);
// Beside the app on the same machine, the worker yields the CPU to it: at a
// deadline the learning jobs pile up just as the submits do, and the submits
// are the ones a student waits for. Raising one's own niceness needs no privilege.
const nice = Number(process.env.STRATUS_JOB_NICE ?? 10);
try {
  setPriority(nice);
} catch (error) {
  console.warn(`[stratus] job worker: could not set niceness ${nice}:`, error);
}
await migrateJobQueue(url);
const db = createPrismaClient({ url, max: concurrency });
// The sweep needs only the grace (it grades from the stored deadline), so the worker needs no AUTH_SECRET.
const settings = { mockMinutes: 0, graceSeconds: Number(process.env.STRATUS_SAVE_GRACE_SECONDS ?? DEFAULT_GRACE_SECONDS) };
const runner = await startJobWorker({ connectionString: url, db, settings, concurrency });
console.log(`[stratus] job worker running (${concurrency} at once, niceness ${nice})`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await runner.stop().catch(() => {});
  await db.$disconnect();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
await runner.promise.catch((error: unknown) => {
  console.error("[stratus] job worker stopped:", error);
  process.exit(1);
});
