import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/auth-forms";
import { Alert } from "@/components/ui/alert";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? safeCallbackPath(params.callbackUrl) : undefined;
  if (await currentUser()) redirect(callbackUrl ?? "/dashboard");
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Sign in</h1>
      <p className="mb-6 text-sm text-[var(--text-muted)]">Pick up where you left off.</p>
      {params.reset === "1" && (
        <Alert tone="success" className="mb-4">
          Your password has been changed. Sign in with the new one.
        </Alert>
      )}
      <SignInForm callbackUrl={callbackUrl} />
    </>
  );
}
