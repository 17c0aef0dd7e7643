// A class's life: created, edited, archived and restored by its instructor,
// joined by code or link, left by a student, a student removed (their attempts
// are kept), and each student's accommodation. Every operation takes the
// caller and checks their right to the class first (class-access.ts).
import "server-only";
import { AppError } from "@/lib/app-error";
import type { SessionUser } from "@/lib/auth/guard";
import type { Db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { CLASS_NOT_FOUND, managedClass, rosterStudent } from "./class-access";
import { newJoinCode } from "./join-code";
import { refreshRunningDeadlines } from "./start-assignment";

type Caller = Pick<SessionUser, "id" | "role">;

export type ClassFields = { name: string; description: string };

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";

/** Retries on the (rare) join code collision. */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await write(newJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 4) throw error;
    }
  }
}

export async function createClass(db: Db, caller: Caller, fields: ClassFields): Promise<{ classId: string }> {
  if (caller.role === "STUDENT") throw new AppError("FORBIDDEN", "Only instructors create classes.");
  const created = await withFreshCode((joinCode) =>
    db.class.create({ data: { instructorId: caller.id, name: fields.name, description: fields.description, joinCode }, select: { id: true } }),
  );
  return { classId: created.id };
}

export async function updateClass(db: Db, caller: Caller, classId: string, fields: ClassFields): Promise<void> {
  await managedClass(db, caller, classId);
  await db.class.update({ where: { id: classId }, data: fields, select: { id: true } });
}

export async function setClassArchived(db: Db, caller: Caller, classId: string, archived: boolean, now: Date): Promise<void> {
  await managedClass(db, caller, classId);
  await db.class.update({ where: { id: classId }, data: { archivedAt: archived ? now : null }, select: { id: true } });
}

/** A new join code: the old code and link stop working at once. */
export async function rotateJoinCode(db: Db, caller: Caller, classId: string): Promise<{ joinCode: string }> {
  await managedClass(db, caller, classId);
  return withFreshCode((joinCode) => db.class.update({ where: { id: classId }, data: { joinCode }, select: { joinCode: true } }));
}

/** The class a code names, for the join confirmation; null when no open class has it. */
export async function classForCode(db: Db, joinCode: string) {
  const found = await db.class.findUnique({
    where: { joinCode },
    select: { id: true, name: true, description: true, archivedAt: true, instructor: { select: { name: true } }, _count: { select: { enrollments: true } } },
  });
  return found && !found.archivedAt ? found : null;
}

/** Joins the class the code names (idempotent). Staff may join too, to see a class as a student would. */
export async function joinClass(db: Db, caller: Caller, joinCode: string, now: Date): Promise<{ classId: string; alreadyMember: boolean }> {
  const found = await classForCode(db, joinCode);
  if (!found) throw new AppError("NOT_FOUND", "No open class has that code. Check it with your instructor: codes change when they are rotated.");
  const existing = await db.enrollment.findUnique({ where: { classId_userId: { classId: found.id, userId: caller.id } }, select: { userId: true } });
  if (existing) return { classId: found.id, alreadyMember: true };
  await db.enrollment.upsert({
    where: { classId_userId: { classId: found.id, userId: caller.id } },
    create: { classId: found.id, userId: caller.id, joinedAt: now },
    update: {},
  });
  return { classId: found.id, alreadyMember: false };
}

/** A student leaves a class. Their attempts stay; the instructor keeps their results. */
export async function leaveClass(db: Db, caller: Caller, classId: string): Promise<void> {
  const removed = await db.enrollment.deleteMany({ where: { classId, userId: caller.id } });
  if (removed.count === 0) throw new AppError("NOT_FOUND", CLASS_NOT_FOUND);
}

/** The instructor removes a student. Their attempts are kept, and so are their results on past assignments. */
export async function removeStudent(db: Db, caller: Caller, classId: string, userId: string): Promise<void> {
  await managedClass(db, caller, classId);
  await rosterStudent(db, classId, userId);
  await db.enrollment.delete({ where: { classId_userId: { classId, userId } } });
}

export type AccommodationFields = { timeMultiplier: number | null; extraAttempts: number; note: string };

/** Sets (or, at ×1 with no extra attempts and no note, clears) a student's accommodation in the class. */
export async function setAccommodation(db: Db, caller: Caller, classId: string, userId: string, fields: AccommodationFields): Promise<void> {
  await managedClass(db, caller, classId);
  await rosterStudent(db, classId, userId);
  const neutral = fields.timeMultiplier === 1 && fields.extraAttempts === 0 && fields.note === "";
  if (neutral) {
    await db.accommodation.deleteMany({ where: { classId, userId } });
  } else {
    await db.accommodation.upsert({
      where: { classId_userId: { classId, userId } },
      create: { classId, userId, ...fields },
      update: fields,
    });
  }
  await refreshRunningDeadlines(db, { classId, userId });
}
