// Demo accounts, one per role, with fixed ids and documented passwords (README).
// Only for a demo database: the embedded default, or one the operator marked
// with STRATUS_DEMO_DATA=1. Created when missing, never changed afterwards, so
// a password someone set on a demo account is not reset by the next start.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";

export const DEMO_USERS = [
  { id: "demo-student", email: "student@stratus.dev", name: "Sam Student", role: "STUDENT", password: "stratus-student-1" },
  { id: "demo-instructor", email: "instructor@stratus.dev", name: "Ines Instructor", role: "INSTRUCTOR", password: "stratus-instructor-1" },
  { id: "demo-admin", email: "admin@stratus.dev", name: "Ada Admin", role: "ADMIN", password: "stratus-admin-1" },
] as const;

/** Creates the demo users that do not exist yet (by id or email); leaves existing accounts alone. */
export async function seedDemoUsers(db: PrismaClient): Promise<{ created: number }> {
  let created = 0;
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findFirst({ where: { OR: [{ id: demo.id }, { email: demo.email }] }, select: { id: true } });
    if (existing) continue;
    await db.user.create({
      data: { id: demo.id, email: demo.email, name: demo.name, role: demo.role, passwordHash: await hashPassword(demo.password) },
    });
    created++;
  }
  return { created };
}
