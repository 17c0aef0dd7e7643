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
  // The counted attempts' answers by the items' primary key, as plain rows: 300
  // attempts of 65 items through Prisma's nested reads cost seconds of garbage collection.
  const itemRows = countedAttempts.length
    ? await db.$queryRaw<Array<{ attemptId: string; questionId: string; questionVersion: number; chosenKeys: string[]; correct: boolean | null }>>`
        SELECT "attemptId", "questionId", "questionVersion", "chosenKeys", correct FROM "AttemptItem"
        WHERE "attemptId" = ANY(${countedAttempts.map((a) => a.id)}::text[]) ORDER BY "attemptId", position`
    : [];
  const itemsOf = new Map<string, typeof itemRows>();
  for (const row of itemRows) (itemsOf.get(row.attemptId) ?? itemsOf.set(row.attemptId, []).get(row.attemptId)!).push(row);
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
  const timeUsedMinutes = new Map(
    graded.map((a) => [a.id, Math.round(((a.submittedAt ?? a.gradedAt ?? a.startedAt).getTime() - a.startedAt.getTime()) / 60_000)]),
  );
  return {
    ...overview,
    which: options.which,
    counted: counted.length,
    test: testStatistics(analysed, order.length),
    questions: infos.map((info, i) => ({ ...info, position: i + 1, stats: stats[i]! })),
    percents: analysed.map((a) => (order.length ? Math.round((100 * a.responses.filter((r) => r?.score === 1).length) / order.length) : 0)),
    timeUsedMinutes,
  };
}
