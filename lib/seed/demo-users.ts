// Demo accounts, one per role, with fixed ids and documented passwords (README).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

export const DEMO_USERS = [
  { id: "demo-student", email: "student@stratus.dev", name: "Sam Student", role: "STUDENT", password: "stratus-student-1" },
  { id: "demo-instructor", email: "instructor@stratus.dev", name: "Ines Instructor", role: "INSTRUCTOR", password: "stratus-instructor-1" },
  { id: "demo-admin", email: "admin@stratus.dev", name: "Ada Admin", role: "ADMIN", password: "stratus-admin-1" },
] as const;

/** Creates the demo users or puts them back as documented; writes nothing when they already are. */
export async function seedDemoUsers(db: PrismaClient): Promise<{ created: number; repaired: number }> {
  let created = 0;
  let repaired = 0;
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({
      where: { id: demo.id },
      select: { email: true, name: true, role: true, passwordHash: true },
    });
    if (!existing) {
      await db.user.create({
        data: { id: demo.id, email: demo.email, name: demo.name, role: demo.role, passwordHash: await hashPassword(demo.password) },
      });
      created++;
      continue;
    }
    const passwordOk = await verifyPassword(existing.passwordHash, demo.password);
    if (existing.email !== demo.email || existing.name !== demo.name || existing.role !== demo.role || !passwordOk) {
      await db.user.update({
        where: { id: demo.id },
        data: {
          email: demo.email,
          name: demo.name,
          role: demo.role,
          ...(passwordOk ? {} : { passwordHash: await hashPassword(demo.password), sessionVersion: { increment: 1 } }),
        },
      });
      repaired++;
    }
  }
  return { created, repaired };
}
