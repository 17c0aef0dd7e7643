import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ForgotPasswordForm } from "@/components/account/auth-forms";
import { localOutboxFolder } from "@/lib/mail/local-outbox";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  const local = localOutboxFolder() !== null;
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Forgot your password?</h1>
      <p className="mb-6 text-sm text-[var(--text-muted)]">
        Enter the email you signed up with and we will send you a link to choose a new password.
      </p>
      <ForgotPasswordForm />
      {local && (
        <p className="mt-6 rounded-lg bg-[var(--surface-muted)] p-3 text-sm text-[var(--text-muted)]">
          This copy of Stratus has no mail server: messages go to a local outbox.{" "}
          <Link href="/outbox" className="font-medium text-brand-700 underline dark:text-brand-300">
            Open the outbox
          </Link>
          .
        </p>
      )}
    </>
  );
}
