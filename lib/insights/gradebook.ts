// A class's gradebook: one row per student (current and former students with
// attempts), one column per assignment, each the student's best graded
// attempt as "raw / questions" and its scaled score (the highest grade, as
// Moodle's default grading method). For the CSV download.
import "server-only";
import type { SessionUser } from "@/lib/auth/guard";
import { managedClass } from "@/lib/classes/class-access";
import type { Db } from "@/lib/db";
import type { Cell } from "./csv";

export async function gradebookRows(db: Db, caller: Pick<SessionUser, "id" | "role">, classId: string): Promise<{ name: string; rows: Cell[][] }> {
  const found = await managedClass(db, caller, classId);
  const [enrollments, assignments] = await Promise.all([
    db.enrollment.findMany({ where: { classId }, select: { userId: true } }),
    db.assignment.findMany({
      where: { classId },
      orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
      select: { id: true, title: true, questionCount: true, attempts: { where: { status: { not: "IN_PROGRESS" } }, select: { userId: true, rawScore: true, scaledScore: true } } },
    }),
  ]);
  const userIds = [...new Set([...enrollments.map((e) => e.userId), ...assignments.flatMap((a) => a.attempts.map((t) => t.userId))])];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true }, orderBy: { name: "asc" } });
  const enrolled = new Set(enrollments.map((e) => e.userId));
  const header: Cell[] = ["Student", "Email", "In class", ...assignments.flatMap((a) => [`${a.title} (of ${a.questionCount})`, `${a.title} scaled`])];
  const rows = users.map((u) => [
    u.name,
    u.email,
    enrolled.has(u.id) ? "yes" : "no",
    ...assignments.flatMap((a) => {
      const best = a.attempts.filter((t) => t.userId === u.id).sort((x, y) => (y.rawScore ?? 0) - (x.rawScore ?? 0))[0];
      return [best?.rawScore ?? null, best?.scaledScore ?? null];
    }),
  ]);
  return { name: found.name, rows: [header, ...rows] };
}
