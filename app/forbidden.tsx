import { ButtonLink } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <div className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-300">403</p>
      <h1 className="mt-2 text-3xl font-bold">You do not have access to this page</h1>
      <p className="mt-3 text-[var(--text-muted)]">Your account’s role (student, instructor or admin) does not include it.</p>
      <div className="mt-8">
        <ButtonLink href="/dashboard">Go to your dashboard</ButtonLink>
      </div>
    </div>
  );
}
