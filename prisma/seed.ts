// npm run db:seed — syncs the content pack into DATABASE_URL (local databases
// only unless --allow-remote); with STRATUS_DEMO_DATA=1 also the demo accounts.
import { createPrismaClient } from "../lib/database/client";
import { SeedRefused, assertSeedable, seed } from "../lib/seed/seed";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
try {
  assertSeedable(url, process.argv.includes("--allow-remote") || process.env.STRATUS_ALLOW_REMOTE_SEED === "1");
} catch (error) {
  if (error instanceof SeedRefused) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
const db = createPrismaClient({ url, max: 1 });
const started = Date.now();
const demo = process.env.STRATUS_DEMO_DATA === "1";
const result = await seed(db, { demo });
await db.$disconnect();
const c = result.content;
console.log(
  `Seeded in ${Date.now() - started} ms — demo users: ${demo ? `${result.users.created} created` : "none (set STRATUS_DEMO_DATA=1 for a demo database)"}; ` +
    `questions: ${c.created.questions} new, ${c.updated.questions} changed, ${c.retired.questions} retired, ${c.unchanged.questions} unchanged; ` +
    `lessons: ${c.created.lessons} new, ${c.updated.lessons} changed, ${c.retired.lessons} retired, ${c.unchanged.lessons} unchanged.`,
);
