"use client";
// Shows the runner in the browser only: it restores unsent answers from
// localStorage before its first render, so the server renders a skeleton and
// the runner replaces it in the render right after hydration. The runner's code
// is part of the page's own JavaScript (a static import, not next/dynamic): a
// lazily loaded chunk was requested only after the page's scripts ran, one more
// round trip before the first question could show.
import { useSyncExternalStore } from "react";
import type { RunnerView } from "@/lib/exams/runner-view";
import ExamRunner from "./exam-runner";

const noSubscription = () => () => {};

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
  // false on the server and while hydrating, true in the browser's next render.
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return inBrowser ? <ExamRunner view={view} /> : <RunnerSkeleton />;
}
