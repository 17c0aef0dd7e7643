"use client";
// Shows the runner in the browser only: it restores unsent answers from
// localStorage before its first render, so the server renders a skeleton and
// the runner replaces it right after hydration. The runner's code
// is part of the page's own JavaScript (a static import, not next/dynamic): a
// lazily loaded chunk was requested only after the page's scripts ran, one more
// round trip before the first question could show.
import { startTransition, useEffect, useState } from "react";
import type { RunnerView } from "@/lib/exams/runner-view";
import ExamRunner from "./exam-runner";

function RunnerSkeleton() {
  return (
    <div role="status" className="space-y-4">
      <span className="sr-only">Loading your attempt…</span>
      <div className="h-10 animate-pulse rounded-lg bg-[var(--border)]" />
      <div className="h-72 animate-pulse rounded-2xl bg-[var(--border)]" />
    </div>
  );
}

export function ExamRunnerLoader({ view }: { view: RunnerView }) {
  // The skeleton on the server and while hydrating; the runner once hydrated.
  // As a transition, React renders the runner (65 navigator cells, the
  // question) in slices that yield to the browser, not one long task on top of
  // hydration's.
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => startTransition(() => setInBrowser(true)), []);
  return inBrowser ? <ExamRunner view={view} /> : <RunnerSkeleton />;
}
