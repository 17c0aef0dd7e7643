import type { ReactNode } from "react";
import { Logo } from "@/components/shell/logo";

// The exam runner's focused layout: no app navigation to invite a student out
// of a timed attempt mid-exam; the runner's own "Leave" asks first. Each page
// still checks the session itself.
export default function ExamLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="border-b border-[var(--border)] bg-[var(--surface)]">
        <div className="mx-auto flex h-12 max-w-6xl items-center px-4">
          <Logo href={null} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-4 focus:outline-none sm:py-6">
        {children}
      </main>
    </>
  );
}
