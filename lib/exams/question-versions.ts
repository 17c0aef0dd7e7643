// The question versions that attempts were drawn from, kept in the process.
// A version never changes once written (the content sync adds version n + 1,
// lib/content/sync.ts), so each is read from PostgreSQL once per process, not
// with every runner view, grade, check, result and learning job: a 65-question
// attempt's snapshots are ~117 KB of JSON that PostgreSQL sent and Node.js
// parsed on each of those reads, and grading's SQL that cut the answer keys
// out of them took ~2.3 ms of the database's time per submit.
// Keyed by the version's content hash too, so two databases used by one
// process (the test suites) cannot share an entry for different content.
import "server-only";
import type { Db, Prisma } from "@/lib/db";
import type { QuestionSnapshot } from "./item-model";

type Reader = Db | Prisma.TransactionClient;

/** A question version as an attempt item refers to it. */
export type VersionRef = { questionId: string; version: number; contentHash: string };

/** More than every version of the content pack many times over (~1,200 in the bench database); past it the cache starts again. */
const LIMIT = 20_000;
const cache = new Map<string, QuestionSnapshot>();

const keyOf = (ref: VersionRef) => `${ref.questionId}\u0000${ref.version}\u0000${ref.contentHash}`;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * The snapshots of `refs`, in their order, read from the database only for
 * versions this process has not read before. Shared and frozen: callers build
 * their own objects from them.
 */
export async function questionSnapshots(db: Reader, refs: readonly VersionRef[]): Promise<QuestionSnapshot[]> {
  const keys = refs.map(keyOf);
  const missing = new Map<string, VersionRef>();
  refs.forEach((ref, i) => {
    if (!cache.has(keys[i]!)) missing.set(keys[i]!, ref);
  });
  if (missing.size) {
    const wanted = [...missing.values()];
    const rows = await db.$queryRaw<Array<VersionRef & { snapshot: QuestionSnapshot }>>`
      SELECT qv."questionId", qv.version, qv."contentHash", qv.snapshot
      FROM unnest(${wanted.map((r) => r.questionId)}::text[], ${wanted.map((r) => r.version)}::int[]) AS w("questionId", version)
      JOIN "QuestionVersion" qv ON qv."questionId" = w."questionId" AND qv.version = w.version`;
    if (cache.size + rows.length > LIMIT) cache.clear();
    for (const row of rows) cache.set(keyOf(row), deepFreeze(row.snapshot));
  }
  return refs.map((ref, i) => {
    const snapshot = cache.get(keys[i]!);
    if (!snapshot) throw new Error(`Question ${ref.questionId} has no version ${ref.version} with content ${ref.contentHash}.`);
    return snapshot;
  });
}
