// One student of a class as its instructor sees them: the student's own
// dashboard (read-only) and their attempts at this class's assignments (not
// their personal practice history). Only for the class's manager, and only for
// a student on its roster.
import "server-only";
import type { SessionUser } from "@/lib/auth/guard";
import type { Db } from "@/lib/db";
import { loadDashboard } from "@/lib/learning/dashboard";
import { managedClass, rosterStudent } from "./class-access";

export type ClassAttemptRow = {
  attemptId: string;
  assignmentId: string;
  assignmentTitle: string;
  status: "IN_PROGRESS" | "SUBMITTED" | "EXPIRED";
  startedAt: Date;
  submittedAt: Date | null;
  rawScore: number | null;
  questionCount: number;
  scaledScore: number | null;
};

/** Throws NOT_FOUND unless the caller manages the class and the student is on its roster. */
export async function loadClassStudent(db: Db, caller: Pick<SessionUser, "id" | "role">, classId: string, userId: string, now: Date) {
  const found = await managedClass(db, caller, classId);
  await rosterStudent(db, classId, userId);
  const student = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, timeZone: true, newCardsPerDay: true } });
  const [dashboard, attempts] = await Promise.all([
    // The student's own settings: their days, their review limit (nothing is written).
    loadDashboard(db, { userId, now, settings: { timeZone: student.timeZone, newCardsPerDay: student.newCardsPerDay } }),
    db.attempt.findMany({
      where: { userId, assignment: { classId } },
      select: { id: true, status: true, startedAt: true, submittedAt: true, rawScore: true, questionCount: true, scaledScore: true, assignment: { select: { id: true, title: true } } },
      orderBy: { startedAt: "desc" },
    }),
  ]);
  const rows: ClassAttemptRow[] = attempts.map((a) => ({
    attemptId: a.id,
    assignmentId: a.assignment!.id,
    assignmentTitle: a.assignment!.title,
    status: a.status,
    startedAt: a.startedAt,
    submittedAt: a.submittedAt,
    rawScore: a.rawScore,
    questionCount: a.questionCount,
    scaledScore: a.scaledScore,
  }));
  return { className: found.name, student: { id: student.id, name: student.name, email: student.email, timeZone: student.timeZone }, dashboard, attempts: rows };
}
