import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ResetPasswordForm } from "@/components/account/auth-forms";
import { resetLinkIsLive } from "@/lib/auth/password-reset";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: PageProps<"/reset-password">) {
  const token = (await searchParams).token;
  const live = typeof token === "string" && token.length >= 20 && token.length <= 200 && (await resetLinkIsLive(db, { token, now: new Date() }));
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Choose a new password</h1>
      {live ? (
        <>
          <p className="mb-6 text-sm text-[var(--text-muted)]">Setting it signs you in here and signs you out everywhere else.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <p className="mt-4 text-sm">
          This reset link has expired or has already been used.{" "}
          <Link href="/forgot-password" className="font-medium text-brand-700 underline dark:text-brand-300">
            Ask for a new link
          </Link>
          .
        </p>
      )}
    </>
  );
}
