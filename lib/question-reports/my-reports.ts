// A student's own question reports: what they reported, its status and the
// staff's note. Only ever the caller's own rows.
import "server-only";
import type { Db } from "@/lib/db";
import type { ReportReason, ReportStatus } from "./reasons";
import { stemPreview } from "./stem-preview";

export type MyReport = {
  id: string;
  questionId: string;
  stemPreview: string;
  reason: ReportReason;
  comment: string;
  status: ReportStatus;
  resolutionNote: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
};

/** What the reporter sees of one report next to the question (plain data for client components). */
export type MyReportNote = { reason: ReportReason; status: ReportStatus; resolutionNote: string | null };

const SELECT = {
  id: true,
  questionId: true,
  reason: true,
  comment: true,
  status: true,
  resolutionNote: true,
  resolvedAt: true,
  createdAt: true,
  question: { select: { stem: true } },
} as const;

/** The student's reports, newest first (the latest 100). */
export async function myQuestionReports(db: Db, options: { userId: string; take?: number }): Promise<MyReport[]> {
  const rows = await db.questionReport.findMany({
    where: { reporterId: options.userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? 100,
    select: SELECT,
  });
  return rows.map(({ question, ...r }) => ({ ...r, stemPreview: stemPreview(question.stem) }));
}

/** The student's reports of these questions, by question, for showing beside each. */
export async function myReportNotes(db: Db, options: { userId: string; questionIds: readonly string[] }): Promise<Record<string, MyReportNote[]>> {
  if (options.questionIds.length === 0) return {};
  const rows = await db.questionReport.findMany({
    where: { reporterId: options.userId, questionId: { in: [...options.questionIds] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { questionId: true, reason: true, status: true, resolutionNote: true },
  });
  const notes: Record<string, MyReportNote[]> = {};
  for (const { questionId, ...note } of rows) (notes[questionId] ??= []).push(note);
  return notes;
}
