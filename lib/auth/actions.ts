"use server";
// Account actions: sign up, sign in, sign out, profile and password. Each
// validates its input with the shared schemas and returns form state for
// useActionState; sign-in and sign-up are the only actions without a session.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { db } from "@/lib/db";
import { signIn, signOut, updateSession } from "./auth";
import { clientIpFrom } from "./client-ip";
import { actionUser } from "./guard";
import { hashPassword, verifyPassword } from "./password";
import { describeRetryAfter, evaluateRateLimit } from "./rate-limit-policy";
import {
  type FieldErrors,
  type FormState,
  changePasswordSchema,
  profileSchema,
  signInSchema,
  signUpSchema,
} from "./validation";

function fieldErrorsOf(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) (errors[String(issue.path[0] ?? "_")] ??= []).push(issue.message);
  return errors;
}

/** Only same-site relative paths are followed after sign-in. */
function safeReturnPath(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/dashboard";
}

async function signInWithCredentials(email: string, password: string): Promise<FormState | null> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return null;
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      const code = (error as AuthError & { code?: string }).code ?? "";
      if (code.startsWith("rate_limited:")) {
        const seconds = Number(code.split(":")[1]) || 900;
        return {
          message: `Too many sign-in attempts. For your security, wait ${describeRetryAfter(seconds)} and try again.`,
        };
      }
      return { message: "That email and password do not match an account. Check them and try again." };
    }
    throw error;
  }
}

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = { email: formData.get("email"), password: formData.get("password") };
  const parsed = signInSchema.safeParse(raw);
  const values = { email: typeof raw.email === "string" ? raw.email : "" };
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), values };

  const failure = await signInWithCredentials(parsed.data.email, parsed.data.password);
  if (failure) return { ...failure, values };
  redirect(safeReturnPath(formData.get("callbackUrl")));
}

const SIGN_UP_LIMIT = { max: 10, windowMs: 60 * 60_000, resetOnSuccess: false };

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const raw = { name: formData.get("name"), email: formData.get("email"), password: formData.get("password") };
  const values = {
    name: typeof raw.name === "string" ? raw.name : "",
    email: typeof raw.email === "string" ? raw.email : "",
  };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), values };
  const { name, email, password } = parsed.data;

  // Sign-ups per IP are limited so the form cannot be used to sweep for accounts.
  const ip = clientIpFrom(await headers());
  const recent = await db.signInAttempt.findMany({
    where: { key: `signup:${ip}`, createdAt: { gt: new Date(Date.now() - SIGN_UP_LIMIT.windowMs) } },
    select: { createdAt: true, succeeded: true },
  });
  const limit = evaluateRateLimit(recent, new Date(), SIGN_UP_LIMIT);
  if (limit.limited) {
    return { message: `Too many sign-ups from your network. Try again in ${describeRetryAfter(limit.retryAfterSeconds)}.`, values };
  }
  await db.signInAttempt.create({ data: { key: `signup:${ip}`, succeeded: false } });

  const passwordHash = await hashPassword(password); // hashed on both paths so timing does not tell them apart
  const existing = await db.user.findUnique({ where: { email }, select: { passwordHash: true } });
  if (existing) {
    // Someone who already has this account and typed its password is simply signed in.
    if (await verifyPassword(existing.passwordHash, password)) {
      const failure = await signInWithCredentials(email, password);
      if (!failure) redirect("/dashboard");
    }
    // Otherwise say nothing about whether the email is registered.
    return {
      message:
        "We could not create an account with these details. If you already have an account, sign in instead; otherwise use a different email address.",
      values,
    };
  }

  try {
    await db.user.create({ data: { name, email, passwordHash, role: "STUDENT" } });
  } catch (error) {
    // A concurrent sign-up took the email between our check and insert.
    if ((error as { code?: string }).code === "P2002") {
      return {
        message:
          "We could not create an account with these details. If you already have an account, sign in instead; otherwise use a different email address.",
        values,
      };
    }
    throw error;
  }
  const failure = await signInWithCredentials(email, password);
  if (failure) return { ...failure, values };
  redirect("/dashboard?welcome=1");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export async function updateProfileAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await actionUser();
  const parsed = profileSchema.safeParse({ name: formData.get("name") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues), values: { name: String(formData.get("name") ?? "") } };
  await db.user.update({ where: { id: user.id }, data: { name: parsed.data.name } });
  await updateSession({});
  // The refreshed session cookie re-renders the page from the server, so the
  // confirmation travels in the URL rather than in this form's state.
  redirect("/profile?updated=name");
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await actionUser();
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword"),
    newPassword: formData.get("newPassword"),
    confirmPassword: formData.get("confirmPassword"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues) };

  const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(stored.passwordHash, parsed.data.currentPassword))) {
    return { fieldErrors: { currentPassword: ["That is not your current password."] } };
  }
  // Bumping the session version signs out every other session of this account;
  // this one is re-issued with the new version.
  await db.user.update({
    where: { id: user.id },
    data: { passwordHash: await hashPassword(parsed.data.newPassword), sessionVersion: { increment: 1 } },
  });
  await updateSession({});
  redirect("/profile?updated=password");
}
