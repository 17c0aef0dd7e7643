// Password recovery. A reset link carries 32 random bytes; the database keeps
// only their SHA-256, so a copy of the table opens no account. A link works
// once, for 30 minutes; using it sets the new password, spends every other
// open link of the account and ends every session.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@/lib/app-error";
import type { Db } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { hashPassword } from "./password";
import { revokeAllSessions } from "./session-store";

export const RESET_LINK_MINUTES = 30;

const digest = (token: string) => createHash("sha256").update(token).digest("hex");

/** The link in the mail, on the configured public address (never the request's Host header). */
export function resetLink(token: string, publicUrl: string): string {
  return new URL(`/reset-password?token=${encodeURIComponent(token)}`, publicUrl).toString();
}

/**
 * Creates a reset link for the account with this email, if there is one that
 * may sign in, and queues the mail. Says nothing about whether it existed.
 */
export async function startPasswordReset(
  db: Db,
  options: { email: string; now: Date; publicUrl: string; requestedBy?: string },
): Promise<{ queued: boolean }> {
  const user = await db.user.findUnique({ where: { email: options.email }, select: { id: true, name: true, email: true, disabledAt: true } });
  if (!user || user.disabledAt) return { queued: false };
  const token = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.passwordResetToken.create({
      data: {
        userId: user.id,
        tokenHash: digest(token),
        createdAt: options.now,
        expiresAt: new Date(options.now.getTime() + RESET_LINK_MINUTES * 60_000),
        requestedBy: options.requestedBy ?? null,
      },
    });
    await enqueueMail(tx, {
      to: user.email,
      subject: "Reset your Stratus password",
      text: [
        `Hello ${user.name},`,
        "",
        options.requestedBy
          ? "An administrator started a password reset for your Stratus account."
          : "Someone (we hope you) asked to reset the password of your Stratus account.",
        `Choose a new password here within ${RESET_LINK_MINUTES} minutes:`,
        "",
        resetLink(token, options.publicUrl),
        "",
        "The link works once. If you did not ask for it, ignore this message: your password stays as it is.",
      ].join("\n"),
    });
  });
  return { queued: true };
}

/** Whether a link can still be used (for the page, before the form is shown). */
export async function resetLinkIsLive(db: Db, options: { token: string; now: Date }): Promise<boolean> {
  const row = await db.passwordResetToken.findUnique({ where: { tokenHash: digest(options.token) }, select: { usedAt: true, expiresAt: true } });
  return Boolean(row && !row.usedAt && row.expiresAt > options.now);
}

/** Sets the new password through a live link; returns the account's email (to sign in with). */
export async function completePasswordReset(
  db: Db,
  options: { token: string; newPassword: string; now: Date },
): Promise<{ email: string }> {
  const passwordHash = await hashPassword(options.newPassword);
  return db.$transaction(async (tx) => {
    // Spend the link atomically: of two concurrent uses, one wins.
    const spent = await tx.passwordResetToken.updateManyAndReturn({
      where: { tokenHash: digest(options.token), usedAt: null, expiresAt: { gt: options.now } },
      data: { usedAt: options.now },
      select: { userId: true },
    });
    const userId = spent[0]?.userId;
    if (!userId) throw new AppError("EXPIRED", "This reset link has expired or has already been used. Ask for a new one.");
    const user = await tx.user.update({ where: { id: userId }, data: { passwordHash }, select: { email: true } });
    await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: options.now } });
    await revokeAllSessions(tx, userId, options.now);
    return { email: user.email };
  });
}
