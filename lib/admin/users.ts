// The admin console's operations on accounts: find users, change a role (never
// leaving the site without an active admin), disable and re-enable an account
// (a disabled account's sessions end at once), start a password reset for a
// user. Each writes one audit entry (who, what, to whom, before, after) in the
// same transaction as the change.
import "server-only";
import { AppError } from "@/lib/app-error";
import type { SessionUser } from "@/lib/auth/guard";
import { startPasswordReset } from "@/lib/auth/password-reset";
import type { Role } from "@/lib/auth/roles";
import { revokeAllSessions } from "@/lib/auth/session-store";
import type { Db, Prisma } from "@/lib/db";

type Tx = Prisma.TransactionClient;
type Admin = Pick<SessionUser, "id" | "email" | "role">;

export type AuditAction = "ROLE_CHANGED" | "ACCOUNT_DISABLED" | "ACCOUNT_ENABLED" | "PASSWORD_RESET_STARTED";

function requireAdmin(caller: Admin): void {
  if (caller.role !== "ADMIN") throw new AppError("FORBIDDEN", "Only admins manage accounts.");
}

async function target(db: Db | Tx, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabledAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "No such user.");
  return user;
}

async function audit(tx: Db | Tx, caller: Admin, entry: { action: AuditAction; target: { id: string; email: string }; before?: object; after?: object; now: Date }) {
  await tx.auditLog.create({
    data: {
      actorId: caller.id,
      actorEmail: caller.email,
      action: entry.action,
      targetUserId: entry.target.id,
      targetEmail: entry.target.email,
      before: entry.before,
      after: entry.after,
      createdAt: entry.now,
    },
  });
}

/** One lock for every change that could leave no active admin. */
const lockAdmins = (tx: Tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('admins', 0))`;
const activeAdmins = (tx: Tx) => tx.user.count({ where: { role: "ADMIN", disabledAt: null } });

export async function findUsers(db: Db, caller: Admin, options: { query: string; take?: number }) {
  requireAdmin(caller);
  const q = options.query.trim();
  return db.user.findMany({
    where: q ? { OR: [{ email: { contains: q, mode: "insensitive" } }, { name: { contains: q, mode: "insensitive" } }] } : {},
    select: { id: true, name: true, email: true, role: true, disabledAt: true, createdAt: true, _count: { select: { classesTaught: true, enrollments: true } } },
    orderBy: [{ role: "desc" }, { name: "asc" }],
    take: options.take ?? 100,
  });
}

export async function changeRole(db: Db, caller: Admin, userId: string, role: Role, now: Date): Promise<void> {
  requireAdmin(caller);
  await db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await target(tx, userId);
    if (user.role === role) return;
    if (user.role === "ADMIN" && !user.disabledAt && (await activeAdmins(tx)) <= 1) {
      throw new AppError("CONFLICT", "This is the last active admin: make someone else an admin first.");
    }
    // Every request reads the role from the session's row (session-store.ts), so it applies at once.
    await tx.user.update({ where: { id: userId }, data: { role }, select: { id: true } });
    await audit(tx, caller, { action: "ROLE_CHANGED", target: user, before: { role: user.role }, after: { role }, now });
  });
}

export async function setDisabled(db: Db, caller: Admin, userId: string, disabled: boolean, now: Date): Promise<void> {
  requireAdmin(caller);
  if (disabled && userId === caller.id) throw new AppError("CONFLICT", "You cannot disable your own account.");
  await db.$transaction(async (tx) => {
    await lockAdmins(tx);
    const user = await target(tx, userId);
    if (Boolean(user.disabledAt) === disabled) return;
    if (disabled && user.role === "ADMIN" && (await activeAdmins(tx)) <= 1) {
      throw new AppError("CONFLICT", "This is the last active admin.");
    }
    await tx.user.update({ where: { id: userId }, data: { disabledAt: disabled ? now : null }, select: { id: true } });
    if (disabled) await revokeAllSessions(tx, userId, now);
    await audit(tx, caller, {
      action: disabled ? "ACCOUNT_DISABLED" : "ACCOUNT_ENABLED",
      target: user,
      before: { disabledAt: user.disabledAt },
      after: { disabledAt: disabled ? now : null },
      now,
    });
  });
}

export async function adminStartReset(db: Db, caller: Admin, userId: string, options: { now: Date; publicUrl: string }): Promise<void> {
  requireAdmin(caller);
  const user = await target(db, userId);
  if (user.disabledAt) throw new AppError("CONFLICT", "Enable the account first: a disabled account cannot reset its password.");
  await startPasswordReset(db, { email: user.email, now: options.now, publicUrl: options.publicUrl, requestedBy: caller.id });
  await audit(db, caller, { action: "PASSWORD_RESET_STARTED", target: user, now: options.now });
}

export async function auditEntries(db: Db, caller: Admin, options: { take?: number } = {}) {
  requireAdmin(caller);
  // Entries of one instant in the order written (cuids grow within a process).
  return db.auditLog.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.take ?? 50 });
}
