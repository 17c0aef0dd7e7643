import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ExamRunnerLoader } from "@/components/exam/exam-runner-loader";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { loadRunnerView } from "@/lib/exams/runner-view";
import { orNotFound } from "@/lib/exams/page-errors";
import { examSettings } from "@/lib/exams/settings";

export const metadata: Metadata = { title: "Attempt" };

export default async function AttemptPage({ params }: PageProps<"/attempts/[attemptId]">) {
  const { attemptId } = await params;
  const user = await requireUser(`/attempts/${attemptId}`);
  const view = await orNotFound(loadRunnerView(db, { userId: user.id, attemptId, now: new Date(), settings: examSettings() }));
  if ("graded" in view) redirect(`/attempts/${attemptId}/results`);
  return <ExamRunnerLoader view={view} />;
}
