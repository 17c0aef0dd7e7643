// The seed: the content pack, plus demo data on a demo database. Idempotent and deterministic.
import { formatIssue } from "@/lib/content/issues";
import { loadContentPack } from "@/lib/content/pack";
import { type SyncReport, syncContent } from "@/lib/content/sync";
import { validateContentPack } from "@/lib/content/validate";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isLocalDatabaseUrl } from "@/lib/database/client";
import { DEFAULT_GRACE_SECONDS, EXAM_FORMAT } from "@/lib/exams/exam-format";
import { seedDemoUsers } from "./demo-users";

export class SeedRefused extends Error {}

export function assertSeedable(url: string, allowRemote: boolean): void {
  if (!allowRemote && !isLocalDatabaseUrl(url)) {
    throw new SeedRefused(
      `Refusing to seed ${new URL(url).host}: it is not a local database. Pass --allow-remote (or STRATUS_ALLOW_REMOTE_SEED=1) if you mean it.`,
    );
  }
}

/**
 * Syncs the content pack; with `demo`, also creates the demo accounts and the
 * demo instructor's class. `demo` is for the embedded default and for a
 * database the operator marked with STRATUS_DEMO_DATA=1, nothing else.
 */
export async function seed(
  db: PrismaClient,
  options: { demo: boolean; now?: Date },
): Promise<{ users: { created: number }; content: SyncReport; demoClass: { created: boolean } }> {
  const pack = loadContentPack();
  const { issues } = validateContentPack(pack);
  const errors = issues.filter((i) => i.level === "error");
  if (errors.length) {
    throw new Error(`The content pack has ${errors.length} errors; fix them first:\n${errors.slice(0, 20).map(formatIssue).join("\n")}`);
  }
  const content = await syncContent(db, pack);
  const users = options.demo ? await seedDemoUsers(db) : { created: 0 };
  // Loaded only for a demo database: it runs the app's server modules (start, grade),
  // which need the react-server condition that npm start and npm run db:seed set.
  const demoClass = options.demo
    ? await (await import("./demo-class")).seedDemoClass(db, { now: options.now ?? new Date(), settings: { mockMinutes: EXAM_FORMAT.minutes, graceSeconds: DEFAULT_GRACE_SECONDS } })
    : { created: false };
  // The demo class's graded mocks show on the question statistics page at once
  // (the worker would otherwise refresh them a minute after it starts).
  if (demoClass.created) await (await import("@/lib/insights/question-stat-refresh")).refreshQuestionStats(db);
  return { users, content, demoClass };
}
