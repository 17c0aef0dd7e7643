import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/account/auth-forms";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { currentUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: PageProps<"/sign-up">) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? safeCallbackPath(params.callbackUrl) : undefined;
  if (await currentUser()) redirect(callbackUrl ?? "/dashboard");
  return (
    <>
      <h1 className="mb-1 text-2xl font-bold">Create your account</h1>
      <p className="mb-6 text-sm text-[var(--text-muted)]">Free practice for the AWS Certified Developer – Associate.</p>
      <SignUpForm callbackUrl={callbackUrl} />
    </>
  );
}
