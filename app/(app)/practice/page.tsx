import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Practice" };

export default async function PracticePage() {
  await requireUser("/practice");
  return (
    <>
      <PageHeader title="Practice" description="Quizzes by domain or task statement, weak-topic drills and due reviews." />
      <EmptyState title="Practice is coming soon">Quizzes with instant explanations are being built.</EmptyState>
    </>
  );
}
