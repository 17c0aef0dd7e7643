// What the class pages show: an instructor's class cards, a student's classes,
// one class's roster and assignments, and one assignment's students. Every
// loader checks the caller's right to what it reads (class-access.ts).
import "server-only";
import type { SessionUser } from "@/lib/auth/guard";
import type { Db, Prisma } from "@/lib/db";
import { type AssignmentStatus, assignmentStatus, attemptsLeft, studentTerms } from "./assignment-terms";
import { describeScope, scopeOf } from "./assignment-scope";
import { managedAssignment, visibleClass } from "./class-access";
import { accommodationOf, baseOf, overrideOf } from "./student-terms";

type Caller = Pick<SessionUser, "id" | "role">;

export type ClassCard = {
  id: string;
  name: string;
  description: string;
  instructorName: string;
  archived: boolean;
  students: number;
  nextDue: { title: string; dueAt: Date } | null;
};

const cardFields = (now: Date) =>
  ({
    id: true,
    name: true,
    description: true,
    archivedAt: true,
    instructor: { select: { name: true } },
    _count: { select: { enrollments: true } },
    assignments: { where: { dueAt: { gt: now } }, orderBy: { dueAt: "asc" }, take: 1, select: { title: true, dueAt: true } },
  }) as const;

function toCard(c: Prisma.ClassGetPayload<{ select: ReturnType<typeof cardFields> }>): ClassCard {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    instructorName: c.instructor.name,
    archived: c.archivedAt !== null,
    students: c._count.enrollments,
    nextDue: c.assignments[0] ?? null,
  };
}

/** The classes a caller manages (an admin: every class), newest first, archived last. */
export async function managedClassCards(db: Db, caller: Caller, now: Date): Promise<ClassCard[]> {
  const rows = await db.class.findMany({
    where: caller.role === "ADMIN" ? {} : { instructorId: caller.id },
    select: cardFields(now),
    orderBy: [{ archivedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return rows.map(toCard);
}

/** The classes a student belongs to. */
export async function studentClassCards(db: Db, userId: string, now: Date): Promise<ClassCard[]> {
  const rows = await db.class.findMany({ where: { enrollments: { some: { userId } } }, select: cardFields(now), orderBy: { createdAt: "desc" } });
  return rows.map(toCard);
}

export type RosterRow = {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  lastActivity: Date | null;
  accommodation: { timeMultiplier: number | null; extraAttempts: number; note: string } | null;
};

export type ClassAssignmentRow = {
  id: string;
  title: string;
  what: string;
  opensAt: Date;
  dueAt: Date;
  timeLimitMinutes: number | null;
  submitted: number;
  inProgress: number;
  overrides: number;
};

/** One class as its manager sees it. Throws NOT_FOUND unless the caller manages it. */
export async function classForStaff(db: Db, caller: Caller, classId: string) {
  const found = await visibleClass(db, caller, classId);
  if (found.viewer !== "staff") return { ...found, roster: [], assignments: [] };
  const [enrollments, activity, assignments] = await Promise.all([
    db.enrollment.findMany({
      where: { classId },
      select: { joinedAt: true, user: { select: { id: true, name: true, email: true, accommodations: { where: { classId } } } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.$queryRaw<Array<{ userId: string; last: Date | null }>>`
      SELECT e."userId", GREATEST(
        (SELECT max(GREATEST(a."startedAt", coalesce(a."submittedAt", a."startedAt"))) FROM "Attempt" a WHERE a."userId" = e."userId"),
        (SELECT max(d.day)::timestamp FROM "DailyActivity" d WHERE d."userId" = e."userId")) AS last
      FROM "Enrollment" e WHERE e."classId" = ${classId}`,
    db.assignment.findMany({
      where: { classId },
      select: {
        id: true,
        title: true,
        config: true,
        opensAt: true,
        dueAt: true,
        timeLimitMinutes: true,
        _count: { select: { overrides: true } },
        attempts: { select: { userId: true, status: true } },
      },
      orderBy: { dueAt: "desc" },
    }),
  ]);
  const lastOf = new Map(activity.map((r) => [r.userId, r.last]));
  const roster: RosterRow[] = enrollments.map((e) => {
    const acc = e.user.accommodations[0];
    return {
      userId: e.user.id,
      name: e.user.name,
      email: e.user.email,
      joinedAt: e.joinedAt,
      lastActivity: lastOf.get(e.user.id) ?? null,
      accommodation: acc ? { timeMultiplier: acc.timeMultiplier, extraAttempts: acc.extraAttempts, note: acc.note } : null,
    };
  });
  const rows: ClassAssignmentRow[] = assignments.map((a) => ({
    id: a.id,
    title: a.title,
    what: describeScope(scopeOf(a.config)),
    opensAt: a.opensAt,
    dueAt: a.dueAt,
    timeLimitMinutes: a.timeLimitMinutes,
    submitted: new Set(a.attempts.filter((t) => t.status !== "IN_PROGRESS").map((t) => t.userId)).size,
    inProgress: new Set(a.attempts.filter((t) => t.status === "IN_PROGRESS").map((t) => t.userId)).size,
    overrides: a._count.overrides,
  }));
  return { ...found, roster, assignments: rows };
}

export type AssignmentStudentRow = {
  userId: string;
  name: string;
  email: string;
  /** False for a student who has left or been removed but has attempts. */
  enrolled: boolean;
  status: AssignmentStatus;
  dueAt: Date;
  timeLimitMinutes: number | null;
  attemptsAllowed: number;
  attemptsLeft: number;
  adjustments: string[];
  override: { dueAt: Date | null; timeLimitMinutes: number | null; untimed: boolean; attemptsAllowed: number | null } | null;
  attempts: Array<{ id: string; status: "IN_PROGRESS" | "SUBMITTED" | "EXPIRED"; startedAt: Date; deadline: Date | null; rawScore: number | null; scaledScore: number | null }>;
};

/** One assignment and every student's standing on it. Throws NOT_FOUND unless the caller manages its class. */
export async function assignmentForStaff(db: Db, caller: Caller, assignmentId: string, now: Date) {
  const assignment = await managedAssignment(db, caller, assignmentId);
  const [enrollments, accommodations, overrides, attempts] = await Promise.all([
    db.enrollment.findMany({ where: { classId: assignment.classId }, select: { userId: true } }),
    db.accommodation.findMany({ where: { classId: assignment.classId } }),
    db.assignmentOverride.findMany({ where: { assignmentId } }),
    db.attempt.findMany({
      where: { assignmentId },
      select: { id: true, userId: true, status: true, startedAt: true, deadline: true, rawScore: true, scaledScore: true },
      orderBy: { startedAt: "asc" },
    }),
  ]);
  const enrolled = new Set(enrollments.map((e) => e.userId));
  const userIds = [...new Set([...enrolled, ...attempts.map((a) => a.userId)])];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
  const students: AssignmentStudentRow[] = users.map((u) => {
    const acc = accommodations.find((a) => a.userId === u.id);
    const ov = overrides.find((o) => o.userId === u.id) ?? null;
    const mine = attempts.filter((a) => a.userId === u.id);
    const terms = studentTerms(baseOf(assignment), acc ? [accommodationOf(acc)] : [], overrideOf(ov));
    return {
      userId: u.id,
      name: u.name,
      email: u.email,
      enrolled: enrolled.has(u.id),
      status: assignmentStatus(terms, mine, now),
      dueAt: terms.dueAt,
      timeLimitMinutes: terms.timeLimitMinutes,
      attemptsAllowed: terms.attemptsAllowed,
      attemptsLeft: attemptsLeft(terms, mine.length),
      adjustments: terms.adjustments,
      override: ov && { dueAt: ov.dueAt, timeLimitMinutes: ov.timeLimitMinutes, untimed: ov.untimed, attemptsAllowed: ov.attemptsAllowed },
      attempts: mine.map(({ userId: _u, ...a }) => a),
    };
  });
  return { assignment, scope: scopeOf(assignment.config), students };
}
