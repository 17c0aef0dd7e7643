// One assignment's report for its instructor: each student's status, score,
// scaled score, time used and accommodation; the score distribution; and the
// item analysis (docs/item-analysis.md) over each student's first graded
// attempt, or over every graded attempt.
import "server-only";
import type { SessionUser } from "@/lib/auth/guard";
import type { Db } from "@/lib/db";
import { assignmentForStaff } from "@/lib/classes/class-pages";
import type { QuestionSnapshot } from "@/lib/exams/item-model";
import { type AnalysedAttempt, type ItemInfo, type ItemStatistics, type TestStatistics, itemStatistics, testStatistics } from "./item-analysis";

export type ReportQuestion = ItemInfo & { position: number; stem: string; stats: ItemStatistics; choiceTexts: Record<string, string> };

export type AssignmentReport = Awaited<ReturnType<typeof assignmentForStaff>> & {
  which: "first" | "all";
  counted: number;
  test: TestStatistics;
  questions: ReportQuestion[];
  /** Percent correct of each counted attempt, for the distribution. */
  percents: number[];
  timeUsedMinutes: Map<string, number>;
};

export async function loadAssignmentReport(
  db: Db,
  caller: Pick<SessionUser, "id" | "role">,
  options: { assignmentId: string; now: Date; which: "first" | "all" },
): Promise<AssignmentReport> {
  const overview = await assignmentForStaff(db, caller, options.assignmentId, options.now);
  const graded = await db.attempt.findMany({
    where: { assignmentId: options.assignmentId, status: { not: "IN_PROGRESS" } },
    select: { id: true, userId: true, startedAt: true, submittedAt: true, gradedAt: true },
    orderBy: { startedAt: "asc" },
  });
  const seen = new Set<string>();
  const countedAttempts = options.which === "all" ? graded : graded.filter((a) => !seen.has(a.userId) && seen.add(a.userId));
  const analysis = await analyseCounted(db, countedAttempts);
  const timeUsedMinutes = new Map(
    graded.map((a) => [a.id, Math.round(((a.submittedAt ?? a.gradedAt ?? a.startedAt).getTime() - a.startedAt.getTime()) / 60_000)]),
  );
  return {
    ...overview,
    which: options.which,
    ...analysis,
    timeUsedMinutes,
  };
}

type Analysis = Pick<AssignmentReport, "counted" | "test" | "questions" | "percents">;

// A graded attempt never changes, so the analysis of a set of graded attempts
// is kept (per app instance, the last few sets) and reused until another
// attempt is graded: an instructor re-opening or re-sorting a report of 300
// attempts does not re-read 19,500 answers. Callers only read the result.
const ANALYSIS_CACHE_SIZE = 32;
const analysisCache = new Map<string, Promise<Analysis>>();

function analyseCounted(db: Db, countedAttempts: ReadonlyArray<{ id: string; gradedAt: Date | null }>): Promise<Analysis> {
  const key = countedAttempts.map((a) => `${a.id}@${a.gradedAt?.getTime() ?? ""}`).join(",");
  const hit = analysisCache.get(key);
  if (hit) return hit;
  const value = analyse(db, countedAttempts);
  analysisCache.set(key, value);
  value.catch(() => analysisCache.delete(key));
  if (analysisCache.size > ANALYSIS_CACHE_SIZE) analysisCache.delete(analysisCache.keys().next().value!);
  return value;
}

async function analyse(db: Db, countedAttempts: ReadonlyArray<{ id: string }>): Promise<Analysis> {
  // The counted attempts' answers by the items' primary key, one row per attempt
  // with its items as parallel arrays: 300 attempts of 65 items as 19,500 rows
  // (or through Prisma's nested reads) cost more in parsing and garbage collection than the query.
  type Packed = { attemptId: string; questionIds: string[]; versions: number[]; chosen: string[][]; correct: Array<boolean | null> };
  const packed = countedAttempts.length
    ? await db.$queryRaw<Packed[]>`
        SELECT "attemptId", array_agg("questionId" ORDER BY position) AS "questionIds", array_agg("questionVersion" ORDER BY position) AS versions,
               json_agg("chosenKeys" ORDER BY position) AS chosen, array_agg(correct ORDER BY position) AS correct
        FROM "AttemptItem" WHERE "attemptId" = ANY(${countedAttempts.map((a) => a.id)}::text[]) GROUP BY "attemptId"`
    : [];
  const itemsOf = new Map(
    packed.map((p) => [
      p.attemptId,
      p.questionIds.map((questionId, i) => ({
        questionId,
        questionVersion: p.versions[i]!,
        chosenKeys: p.chosen[i] ?? [],
        correct: p.correct[i] ?? null,
      })),
    ]),
  );
  const counted = countedAttempts.map((a) => ({ ...a, items: itemsOf.get(a.id) ?? [] }));

  // The questions in the order of the first counted attempt (every student has the same set).
  const order = [...new Set(counted.flatMap((a) => a.items.map((i) => i.questionId)))];
  const versions = new Map(counted.flatMap((a) => a.items.map((i) => [i.questionId, i.questionVersion] as const)));
  const snapshots = await db.questionVersion.findMany({
    where: { OR: [...versions].map(([questionId, version]) => ({ questionId, version })) },
    select: { questionId: true, snapshot: true },
  });
  const snapshotOf = new Map(snapshots.map((s) => [s.questionId, s.snapshot as unknown as QuestionSnapshot]));
  const infos: Array<ItemInfo & { stem: string; choiceTexts: Record<string, string> }> = order.map((questionId) => {
    const snap = snapshotOf.get(questionId);
    const choice = snap?.type === "single" || snap?.type === "multiple";
    return {
      questionId,
      kind: snap?.type ?? "single",
      stem: snap?.stem ?? "",
      choiceKeys: choice ? snap!.choices.map((c) => c.key) : [],
      correctKeys: choice ? snap!.choices.filter((c) => c.correct).map((c) => c.key) : [],
      choiceTexts: Object.fromEntries((snap?.choices ?? []).map((c) => [c.key, c.text])),
    };
  });
  const analysed: AnalysedAttempt[] = counted.map((a) => {
    const byQuestion = new Map(a.items.map((i) => [i.questionId, i]));
    return {
      responses: order.map((q) => {
        const item = byQuestion.get(q);
        return item ? { score: item.correct ? 1 : 0, chosenKeys: item.chosenKeys } : undefined;
      }),
    };
  });
  const stats = itemStatistics(analysed, infos);
  return {
    counted: counted.length,
    test: testStatistics(analysed, order.length),
    questions: infos.map((info, i) => ({ ...info, position: i + 1, stats: stats[i]! })),
    percents: analysed.map((a) => (order.length ? Math.round((100 * a.responses.filter((r) => r?.score === 1).length) / order.length) : 0)),
  };
}

/** Forgets the kept analyses (the benchmark measures a first view with it). */
export function forgetReportAnalyses(): void {
  analysisCache.clear();
}
