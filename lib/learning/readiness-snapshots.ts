// Readiness for many students at once (a class dashboard): each prediction is
// 2,000 Monte Carlo draws (about 3 ms), so a 300-student class would spend a
// second on them per view. A student's last prediction is kept with its stamp
// (readinessStamp) and reused while the stamp holds; only students whose
// evidence changed since are predicted again, and their snapshots written back
// in one statement.
import "server-only";
import type { Db } from "@/lib/db";
import type { MasteryState } from "./mastery";
import type { Readiness } from "./readiness";
import { type BlueprintDomain, type FinalMockResult, readinessStamp, studentReadiness } from "./student-readiness";

export type ReadinessInput = {
  userId: string;
  mastery: ReadonlyMap<string, MasteryState>;
  finalMocks: readonly FinalMockResult[];
  /** The stored snapshot, if any (read with the student's other rows). */
  snapshot: { stamp: string; readiness: unknown } | null;
};

export async function readinessOfStudents(db: Db, domains: readonly BlueprintDomain[], students: readonly ReadinessInput[]): Promise<Map<string, Readiness>> {
  const result = new Map<string, Readiness>();
  const fresh: Array<{ userId: string; stamp: string; readiness: Readiness }> = [];
  for (const s of students) {
    const stamp = readinessStamp(s.mastery, s.finalMocks);
    if (s.snapshot?.stamp === stamp) {
      result.set(s.userId, s.snapshot.readiness as Readiness);
      continue;
    }
    const readiness = studentReadiness({ userId: s.userId, domains, mastery: s.mastery, finalMocks: s.finalMocks });
    result.set(s.userId, readiness);
    fresh.push({ userId: s.userId, stamp, readiness });
  }
  if (fresh.length) {
    await db.$executeRaw`
      INSERT INTO "ReadinessSnapshot" ("userId", stamp, readiness, "computedAt")
      SELECT t.u, t.s, t.r::jsonb, now()
      FROM unnest(${fresh.map((f) => f.userId)}::text[], ${fresh.map((f) => f.stamp)}::text[], ${fresh.map((f) => JSON.stringify(f.readiness))}::text[]) AS t(u, s, r)
      ON CONFLICT ("userId") DO UPDATE SET stamp = EXCLUDED.stamp, readiness = EXCLUDED.readiness, "computedAt" = EXCLUDED."computedAt"`;
  }
  return result;
}
