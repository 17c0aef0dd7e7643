// The job queue's schema (graphile-worker's own migrations), run by
// `npm run db:migrate` after Prisma's.
import { migrateJobQueue } from "../lib/jobs/schema";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
await migrateJobQueue(url);
console.log("Job queue schema is up to date.");
