// The seed: demo users plus the content pack. Idempotent and deterministic.
import { formatIssue } from "@/lib/content/issues";
import { loadContentPack } from "@/lib/content/pack";
import { type SyncReport, syncContent } from "@/lib/content/sync";
import { validateContentPack } from "@/lib/content/validate";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isLocalDatabaseUrl } from "@/lib/database/client";
import { seedDemoUsers } from "./demo-users";

export class SeedRefused extends Error {}

export function assertSeedable(url: string, allowRemote: boolean): void {
  if (!allowRemote && !isLocalDatabaseUrl(url)) {
    throw new SeedRefused(
      `Refusing to seed ${new URL(url).host}: it is not a local database. Pass --allow-remote (or STRATUS_ALLOW_REMOTE_SEED=1) if you mean it.`,
    );
  }
}

export async function seed(db: PrismaClient): Promise<{ users: { created: number; repaired: number }; content: SyncReport }> {
  const pack = loadContentPack();
  const { issues } = validateContentPack(pack);
  const errors = issues.filter((i) => i.level === "error");
  if (errors.length) {
    throw new Error(`The content pack has ${errors.length} errors; fix them first:\n${errors.slice(0, 20).map(formatIssue).join("\n")}`);
  }
  const content = await syncContent(db, pack);
  const users = await seedDemoUsers(db);
  return { users, content };
}
