// Who may see and change a class, in one place (DESIGN §10): the instructor who
// owns it and admins manage it; its students see it. Anything else is a 404:
// a foreign id must not tell the caller that it exists.
import "server-only";
import { AppError } from "@/lib/app-error";
import type { SessionUser } from "@/lib/auth/guard";
import type { Db, Prisma } from "@/lib/db";

type Reader = Db | Prisma.TransactionClient;
type Caller = Pick<SessionUser, "id" | "role">;

export const CLASS_NOT_FOUND = "That class does not exist, or it is not one of yours.";
export const ASSIGNMENT_NOT_FOUND = "That assignment does not exist, or it is not one of yours.";

const classFields = { id: true, name: true, description: true, instructorId: true, joinCode: true, archivedAt: true, createdAt: true } as const;

/** True when `caller` manages classes owned by `instructorId`. */
export const manages = (caller: Caller, instructorId: string) => caller.role === "ADMIN" || (caller.role === "INSTRUCTOR" && caller.id === instructorId);

/** The class, if the caller manages it; else NOT_FOUND. */
export async function managedClass(db: Reader, caller: Caller, classId: string) {
  const found = await db.class.findUnique({ where: { id: classId }, select: classFields });
  if (!found || !manages(caller, found.instructorId)) throw new AppError("NOT_FOUND", CLASS_NOT_FOUND);
  return found;
}

/** The class as the caller sees it: as its manager, or as one of its students; else NOT_FOUND. */
export async function visibleClass(db: Reader, caller: Caller, classId: string) {
  const found = await db.class.findUnique({ where: { id: classId }, select: classFields });
  if (!found) throw new AppError("NOT_FOUND", CLASS_NOT_FOUND);
  if (manages(caller, found.instructorId)) return { ...found, viewer: "staff" as const };
  const enrolled = await db.enrollment.findUnique({ where: { classId_userId: { classId, userId: caller.id } }, select: { joinedAt: true } });
  if (!enrolled) throw new AppError("NOT_FOUND", CLASS_NOT_FOUND);
  return { ...found, viewer: "student" as const };
}

/** An assignment with its class, if the caller manages the class; else NOT_FOUND. */
export async function managedAssignment(db: Reader, caller: Caller, assignmentId: string) {
  const found = await db.assignment.findUnique({ where: { id: assignmentId }, include: { class: { select: classFields } } });
  if (!found || !manages(caller, found.class.instructorId)) throw new AppError("NOT_FOUND", ASSIGNMENT_NOT_FOUND);
  return found;
}

/** An assignment of a class the student belongs to; else NOT_FOUND. */
export async function studentAssignment(db: Reader, caller: Caller, assignmentId: string) {
  const found = await db.assignment.findUnique({ where: { id: assignmentId }, include: { class: { select: classFields } } });
  if (!found) throw new AppError("NOT_FOUND", ASSIGNMENT_NOT_FOUND);
  const enrolled = await db.enrollment.findUnique({ where: { classId_userId: { classId: found.classId, userId: caller.id } }, select: { joinedAt: true } });
  if (!enrolled) throw new AppError("NOT_FOUND", ASSIGNMENT_NOT_FOUND);
  return found;
}

/** A student on the class's roster; else NOT_FOUND. */
export async function rosterStudent(db: Reader, classId: string, userId: string) {
  const row = await db.enrollment.findUnique({ where: { classId_userId: { classId, userId } }, select: { userId: true } });
  if (!row) throw new AppError("NOT_FOUND", "That student is not in this class.");
  return row;
}
