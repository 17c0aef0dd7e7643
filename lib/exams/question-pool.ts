// The live question pool with what sampling and item creation need. Content
// only changes when the pack is synced, so each app instance keeps it for a
// short while (read-only data; nothing another instance would need).
import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ItemKind } from "./answer-rules";
import type { QuestionSnapshot } from "./item-model";

export type PoolQuestion = {
  id: string;
  type: ItemKind;
  version: number;
  domain: number;
  taskStatement: string;
  topic: string;
  lessonId: string;
  difficulty: number;
  /** What newItemLayout needs: the choices (keys and flags) or the practice payload. */
  layout: Pick<QuestionSnapshot, "type" | "choices" | "practice">;
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
      where: { retiredAt: null },
      select: {
        id: true,
        type: true,
        version: true,
        topicId: true,
        lessonId: true,
        difficulty: true,
        pool: true,
        scored: true,
        practice: true,
        taskStatementId: true,
        taskStatement: { select: { domain: { select: { number: true } } } },
        choices: { select: { key: true, correct: true }, orderBy: { position: "asc" } },
      },
      orderBy: { id: "asc" },
    }),
    db.domain.findMany({ select: { number: true, weight: true } }),
  ]);
  const questions = rows.map((q): PoolQuestion => {
    const type = q.type.toLowerCase() as ItemKind;
    return {
      id: q.id,
      type,
      version: q.version,
      domain: q.taskStatement.domain.number,
      taskStatement: q.taskStatementId,
      topic: q.topicId,
      lessonId: q.lessonId,
      difficulty: q.difficulty,
      layout: {
        type,
        choices: q.choices.map((c) => ({ key: c.key, correct: c.correct, text: "", explanation: "" })),
        practice: (q.practice as QuestionSnapshot["practice"]) ?? null,
      },
      pool: q.pool,
      scored: q.scored,
    };
  });
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
