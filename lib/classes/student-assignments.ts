// "Assigned to you": every assignment of the student's classes, on their own
// terms (accommodation and override applied), with its status, attempts left
// and, while it is open, how long they would have if they started now.
import "server-only";
import type { Db } from "@/lib/db";
import { type AssignmentStatus, assignmentStatus, attemptsLeft, startCheck, studentTerms } from "./assignment-terms";
import { describeScope, scopeOf } from "./assignment-scope";
import { accommodationOf, baseOf, overrideOf } from "./student-terms";

export type AssignedToStudent = {
  id: string;
  title: string;
  classId: string;
  className: string;
  what: string;
  questionCount: number;
  opensAt: Date;
  dueAt: Date;
  /** The student's minutes (accommodation applied); null: untimed. */
  timeLimitMinutes: number | null;
  adjustments: string[];
  attemptsAllowed: number;
  attemptsLeft: number;
  status: AssignmentStatus;
  /** The attempt to resume, while one is in progress. */
  openAttemptId: string | null;
  /** The latest graded attempt, for its results. */
  lastGradedAttemptId: string | null;
  /** If they started now: minutes they would get and whether the due time cuts the limit short. */
  ifStartedNow: { minutes: number; cutShort: boolean } | null;
};

export async function assignedToStudent(db: Db, options: { userId: string; now: Date; assignmentId?: string }): Promise<AssignedToStudent[]> {
  const { userId, now } = options;
  const rows = await db.assignment.findMany({
    where: {
      ...(options.assignmentId ? { id: options.assignmentId } : {}),
      class: { archivedAt: null, enrollments: { some: { userId } } },
    },
    include: {
      class: { select: { id: true, name: true, accommodations: { where: { userId } } } },
      overrides: { where: { userId } },
      attempts: { where: { userId }, select: { id: true, status: true, startedAt: true }, orderBy: { startedAt: "asc" } },
    },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((a) => {
    const terms = studentTerms(baseOf(a), a.class.accommodations.map(accommodationOf), overrideOf(a.overrides[0] ?? null));
    const status = assignmentStatus(terms, a.attempts, now);
    const check = status === "OPEN" ? startCheck(terms, a.attempts.length, now) : null;
    const graded = a.attempts.filter((t) => t.status !== "IN_PROGRESS");
    return {
      id: a.id,
      title: a.title,
      classId: a.class.id,
      className: a.class.name,
      what: describeScope(scopeOf(a.config)),
      questionCount: a.questionCount,
      opensAt: terms.opensAt,
      dueAt: terms.dueAt,
      timeLimitMinutes: terms.timeLimitMinutes,
      adjustments: terms.adjustments,
      attemptsAllowed: terms.attemptsAllowed,
      attemptsLeft: attemptsLeft(terms, a.attempts.length),
      status,
      openAttemptId: a.attempts.find((t) => t.status === "IN_PROGRESS")?.id ?? null,
      lastGradedAttemptId: graded.at(-1)?.id ?? null,
      ifStartedNow: check?.ok ? { minutes: check.minutes, cutShort: check.cutShort } : null,
    };
  });
}

/** What needs the student now: in progress, open or opening soon, and anything finished in the last week. */
export function needsAttention(list: AssignedToStudent[], now: Date): AssignedToStudent[] {
  const weekAgo = now.getTime() - 7 * 86_400_000;
  return list.filter((a) => a.status === "IN_PROGRESS" || a.status === "OPEN" || a.status === "NOT_OPEN" || a.dueAt.getTime() >= weekAgo);
}
