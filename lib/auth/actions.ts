"use server";
// Account actions: sign up, sign in, sign out, profile, password, password
// recovery. Every one is built with defineFormAction (session → zod input →
// handler); sign in, sign up and the two recovery forms are the only ones a
// signed-out person may use.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { deliverPendingMail } from "@/lib/mail/outbox";
import { signIn, signOut } from "./auth";
import { safeCallbackPath } from "./callback-url";
import { clientIpFrom } from "./client-ip";
import { defineFormAction } from "./define-action";
import { hashPassword, verifyPassword } from "./password";
import { completePasswordReset, startPasswordReset } from "./password-reset";
import { describeRetryAfter } from "./rate-limit-policy";
import { clearLimit, consumeLimit } from "./rate-limits";
import { revokeAllSessions } from "./session-store";
import {
  type FormState,
  changePasswordSchema,
  emailSchema,
  profileSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from "./validation";

const NOT_CREATED =
  "We could not create an account with these details. If you already have an account, sign in instead (or reset your password); otherwise use a different email address.";

/** Signs in through Auth.js (which counts the attempt); returns a form error or null. */
async function signInWithCredentials(email: string, password: string): Promise<FormState | null> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const code = (error as AuthError & { code?: string }).code ?? "";
      if (code.startsWith("rate_limited:")) {
        const seconds = Number(code.split(":")[1]) || 900;
        return { message: `Too many sign-in attempts. For your security, wait ${describeRetryAfter(seconds)} and try again.` };
      }
      return { message: "That email and password do not match an account. Check them and try again." };
    }
    throw error;
  }
}

export const signInAction = defineFormAction(
  { input: signInSchema.extend({ callbackUrl: z.string().max(2048).optional() }), session: "none", keepValues: ["email"] },
  async ({ input }) => {
    const failure = await signInWithCredentials(input.email, input.password);
    if (failure) return failure;
    redirect(safeCallbackPath(input.callbackUrl));
  },
);

export const signUpAction = defineFormAction(
  { input: signUpSchema.extend({ callbackUrl: z.string().max(2048).optional() }), session: "none", keepValues: ["name", "email"] },
  async ({ input }) => {
    const limit = await consumeLimit(db, "signUpPerAddress", clientIpFrom(await headers()));
    if (!limit.allowed) return { message: `Too many sign-ups from your network. Try again in ${describeRetryAfter(limit.retryAfterSeconds)}.` };
    const passwordHash = await hashPassword(input.password); // on both paths, so timing does not tell them apart
    // Sign-up never signs anyone into an existing account, whatever password was typed.
    const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) return { message: NOT_CREATED };
    try {
      await db.user.create({ data: { name: input.name, email: input.email, passwordHash, role: "STUDENT" } });
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") return { message: NOT_CREATED }; // a concurrent sign-up took the email
      throw error;
    }
    const failure = await signInWithCredentials(input.email, input.password);
    if (failure) return failure;
    // Back where they came from (a class's join link), else the welcome dashboard.
    redirect(safeCallbackPath(input.callbackUrl || undefined, "/dashboard?welcome=1"));
  },
);

/** Signing out ends this session on the server too (auth.ts events.signOut). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export const updateProfileAction = defineFormAction(
  { input: profileSchema, session: "user", keepValues: ["name"] },
  async ({ user, input }) => {
    await db.user.update({ where: { id: user!.id }, data: { name: input.name } });
    // Session reads take the name from the database, so nothing else to refresh.
    redirect("/profile?updated=name");
  },
);

export const changePasswordAction = defineFormAction({ input: changePasswordSchema, session: "user" }, async ({ user, input }) => {
  const me = user!;
  // The current password is checked under the same per-account limit as sign-in,
  // so a stolen session cannot be used to guess it.
  const limit = await consumeLimit(db, "signInPerAccount", me.email);
  if (!limit.allowed) return { message: `Too many attempts. Wait ${describeRetryAfter(limit.retryAfterSeconds)} and try again.` };
  const stored = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    return { fieldErrors: { currentPassword: ["That is not your current password."] } };
  }
  await clearLimit(db, "signInPerAccount", me.email);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: me.id }, data: { passwordHash } });
    await revokeAllSessions(tx, me.id); // every session, this one included…
  });
  const failure = await signInWithCredentials(me.email, input.newPassword); // …then a fresh one for this browser
  if (failure) redirect("/sign-in");
  redirect("/profile?updated=password");
});

const FORGOT_SENT =
  "If an account uses that email, we have sent it a link to choose a new password. It works once, for 30 minutes. Check your inbox (and spam folder).";

export const requestPasswordResetAction = defineFormAction(
  { input: z.object({ email: emailSchema }), session: "none", keepValues: ["email"] },
  async ({ input }) => {
    const address = await consumeLimit(db, "passwordResetPerAddress", clientIpFrom(await headers()));
    if (!address.allowed) return { message: `Too many requests from your network. Try again in ${describeRetryAfter(address.retryAfterSeconds)}.` };
    // Over the per-account limit we still answer the same, without sending more mail.
    const account = await consumeLimit(db, "passwordResetPerAccount", input.email);
    if (account.allowed) {
      const { queued } = await startPasswordReset(db, { email: input.email, now: new Date(), publicUrl: serverEnv().STRATUS_PUBLIC_URL });
      if (queued) await deliverPendingMail(db).catch(() => 0); // best effort now; the scheduled job retries
    }
    return { ok: true, message: FORGOT_SENT };
  },
);

export const resetPasswordAction = defineFormAction({ input: resetPasswordSchema, session: "none" }, async ({ input }) => {
  try {
    const { email } = await completePasswordReset(db, { token: input.token, newPassword: input.newPassword, now: new Date() });
    await clearLimit(db, "signInPerAccount", email);
    const failure = await signInWithCredentials(email, input.newPassword);
    if (failure) redirect("/sign-in?reset=1");
  } catch (error) {
    if (error instanceof AppError && error.code === "EXPIRED") return { message: error.message };
    throw error;
  }
  redirect("/dashboard?reset=1");
});
