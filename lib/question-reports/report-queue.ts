// The staff queue: reported questions, grouped, a page at a time. Each shows
// its current stem, choices with the key marked and every explanation, how
// often it has been answered right, and the reports that match the filter
// (reason, comment, date: never who filed them). Questions with an open
// wrong-key report ("key disputed") come first, then the most recently reported.
import "server-only";
import type { Db } from "@/lib/db";
import type { ChoiceSnapshot, PracticeSnapshot } from "@/lib/exams/item-model";
import { loadStudyQuestions } from "@/lib/exams/study-item";
import { type AnswerCounts, questionAnswerCounts } from "./question-answer-counts";
import type { ReportReason, ReportStatus } from "./reasons";
import { type Caller, requireStaff } from "./staff";
import type { ReportQueueFilter } from "./validation";

export const REPORT_QUEUE_PAGE_SIZE = 20;

export type QueueReport = {
  id: string;
  reason: ReportReason;
  comment: string;
  status: ReportStatus;
  questionVersion: number;
  createdAt: Date;
  resolutionNote: string | null;
  resolvedAt: Date | null;
  resolvedByName: string | null;
};

export type QueueQuestion = {
  questionId: string;
  version: number;
  type: string;
  stem: string;
  choices: ChoiceSnapshot[];
  practice: PracticeSnapshot | null;
  retired: boolean;
  keyDisputed: boolean;
  openCount: number;
  counts: AnswerCounts;
  reports: QueueReport[];
};

export type ReportQueue = { questions: QueueQuestion[]; totalQuestions: number; page: number; pageCount: number };

export async function loadReportQueue(db: Db, caller: Caller, filter: ReportQueueFilter): Promise<ReportQueue> {
  requireStaff(caller);
  const { status, reason, page } = filter;
  const offset = (page - 1) * REPORT_QUEUE_PAGE_SIZE;
  const groups = await db.$queryRaw<Array<{ questionId: string; disputed: boolean; open: number; total: bigint }>>`
    SELECT r."questionId",
           EXISTS (SELECT 1 FROM "QuestionReport" w
                   WHERE w."questionId" = r."questionId" AND w.status = 'OPEN' AND w.reason = 'WRONG_KEY') AS disputed,
           (SELECT count(*)::int FROM "QuestionReport" o WHERE o."questionId" = r."questionId" AND o.status = 'OPEN') AS open,
           count(*) OVER () AS total
    FROM "QuestionReport" r
    WHERE r.status = CAST(${status} AS "QuestionReportStatus")
      AND (${reason ?? null}::text IS NULL OR r.reason = CAST(${reason ?? "OTHER"} AS "QuestionReportReason"))
    GROUP BY r."questionId"
    ORDER BY disputed DESC, max(r."createdAt") DESC, r."questionId"
    LIMIT ${REPORT_QUEUE_PAGE_SIZE} OFFSET ${offset}`;
  const ids = groups.map((g) => g.questionId);
  const totalQuestions = Number(groups[0]?.total ?? 0);
  const [questions, counts, reports] = await Promise.all([
    loadStudyQuestions(db, ids),
    questionAnswerCounts(db, ids),
    db.questionReport.findMany({
      where: { questionId: { in: ids }, status, ...(reason ? { reason } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        questionId: true,
        reason: true,
        comment: true,
        status: true,
        questionVersion: true,
        createdAt: true,
        resolutionNote: true,
        resolvedAt: true,
        resolvedBy: { select: { name: true } },
      },
    }),
  ]);
  return {
    page,
    totalQuestions,
    pageCount: Math.max(1, Math.ceil(totalQuestions / REPORT_QUEUE_PAGE_SIZE)),
    questions: groups.flatMap((g) => {
      const q = questions.get(g.questionId);
      if (!q) return [];
      return [
        {
          questionId: g.questionId,
          version: q.version,
          type: q.snapshot.type,
          stem: q.snapshot.stem,
          choices: q.snapshot.choices,
          practice: q.snapshot.practice,
          retired: q.retiredAt !== null,
          keyDisputed: g.disputed,
          openCount: g.open,
          counts: counts.get(g.questionId)!,
          reports: reports
            .filter((r) => r.questionId === g.questionId)
            .map(({ questionId: _q, resolvedBy, ...r }) => ({ ...r, resolvedByName: resolvedBy?.name ?? null })),
        },
      ];
    }),
  };
}
