"use client";
// Loads the runner in the browser only: it restores unsent answers from
// localStorage before its first render.
import dynamic from "next/dynamic";
import type { RunnerView } from "@/lib/exams/runner-view";

const ExamRunner = dynamic(() => import("./exam-runner"), {
  ssr: false,
  loading: () => (
    <div role="status" className="space-y-4">
      <span className="sr-only">Loading your attempt…</span>
      <div className="h-10 animate-pulse rounded-lg bg-[var(--border)]" />
      <div className="h-72 animate-pulse rounded-2xl bg-[var(--border)]" />
    </div>
  ),
});

export function ExamRunnerLoader({ view }: { view: RunnerView }) {
  return <ExamRunner view={view} />;
}
