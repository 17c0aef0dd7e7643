// One student's terms for one assignment, read from the database and worked
// out by the pure rules in assignment-terms.ts.
import "server-only";
import type { Db, Prisma } from "@/lib/db";
import { type AssignmentBase, type AssignmentOverride, type ClassAccommodation, type StudentTerms, studentTerms } from "./assignment-terms";

type Reader = Db | Prisma.TransactionClient;

export type AssignmentRow = Pick<
  Prisma.AssignmentGetPayload<object>,
  "id" | "classId" | "opensAt" | "dueAt" | "timeLimitMinutes" | "attemptsAllowed" | "reviewContent" | "reviewTiming"
>;

export const baseOf = (a: AssignmentRow): AssignmentBase => ({
  opensAt: a.opensAt,
  dueAt: a.dueAt,
  timeLimitMinutes: a.timeLimitMinutes,
  attemptsAllowed: a.attemptsAllowed,
  reviewContent: a.reviewContent,
  reviewTiming: a.reviewTiming,
});

export const accommodationOf = (row: { timeMultiplier: number | null; extraAttempts: number }): ClassAccommodation => ({
  timeMultiplier: row.timeMultiplier,
  extraAttempts: row.extraAttempts,
});

export const overrideOf = (row: { dueAt: Date | null; timeLimitMinutes: number | null; untimed: boolean; attemptsAllowed: number | null } | null): AssignmentOverride | null =>
  row && { dueAt: row.dueAt, timeLimitMinutes: row.untimed ? "untimed" : row.timeLimitMinutes, attemptsAllowed: row.attemptsAllowed };

export async function termsFor(db: Reader, assignment: AssignmentRow, userId: string): Promise<StudentTerms> {
  const [accommodation, override] = await Promise.all([
    db.accommodation.findUnique({ where: { classId_userId: { classId: assignment.classId, userId } } }),
    db.assignmentOverride.findUnique({ where: { assignmentId_userId: { assignmentId: assignment.id, userId } } }),
  ]);
  return studentTerms(baseOf(assignment), accommodation ? [accommodationOf(accommodation)] : [], overrideOf(override));
}
