// The exam-question pool (single/multiple, not retired) with what sampling and
// item creation need. Content only changes when the pack is synced, so each
// app instance keeps it for a short while (read-only data; nothing another
// instance would need).
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type PoolQuestion = {
  id: string;
  type: "SINGLE" | "MULTIPLE";
  version: number;
  domain: number;
  taskStatement: string;
  topic: string;
  lessonId: string;
  difficulty: number;
  keys: string[];
  correctCount: number;
  /** FINAL: held back for the final mock; no other mode draws it. */
  pool: "MAIN" | "FINAL";
  /** False for content asked only unscored on the real exam: never in a mock. */
  scored: boolean;
};

export type QuestionPool = { questions: PoolQuestion[]; byId: Map<string, PoolQuestion>; domainWeights: Map<number, number> };

const TTL_MS = 30_000;
const cache = new WeakMap<object, { at: number; pool: Promise<QuestionPool> }>();

async function loadPool(db: PrismaClient): Promise<QuestionPool> {
  const [rows, domains] = await Promise.all([
    db.question.findMany({
      where: { retiredAt: null, type: { in: ["SINGLE", "MULTIPLE"] } },
      select: {
        id: true,
        type: true,
        version: true,
        topicId: true,
        lessonId: true,
        difficulty: true,
        pool: true,
        scored: true,
        taskStatementId: true,
        taskStatement: { select: { domain: { select: { number: true } } } },
        choices: { select: { key: true, correct: true }, orderBy: { position: "asc" } },
      },
      orderBy: { id: "asc" },
    }),
    db.domain.findMany({ select: { number: true, weight: true } }),
  ]);
  const questions = rows.map((q) => ({
    id: q.id,
    type: q.type as "SINGLE" | "MULTIPLE",
    version: q.version,
    domain: q.taskStatement.domain.number,
    taskStatement: q.taskStatementId,
    topic: q.topicId,
    lessonId: q.lessonId,
    difficulty: q.difficulty,
    keys: q.choices.map((c) => c.key),
    correctCount: q.choices.filter((c) => c.correct).length,
    pool: q.pool,
    scored: q.scored,
  }));
  return {
    questions,
    byId: new Map(questions.map((q) => [q.id, q])),
    domainWeights: new Map(domains.map((d) => [d.number, d.weight])),
  };
}

export function questionPool(db: PrismaClient, now = Date.now()): Promise<QuestionPool> {
  const hit = cache.get(db);
  if (hit && now - hit.at < TTL_MS) return hit.pool;
  const pool = loadPool(db);
  cache.set(db, { at: now, pool });
  pool.catch(() => cache.delete(db));
  return pool;
}

/** Forget the cached pool (after a content sync in the same process, and in tests). */
export function forgetQuestionPool(db: PrismaClient): void {
  cache.delete(db);
}
