import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Exams" };

export default async function ExamsPage() {
  await requireUser("/exams");
  return (
    <>
      <PageHeader title="Mock exams" description="Timed 65-question exams graded like the real one." />
      <EmptyState title="Mock exams are coming soon">The exam engine is being built.</EmptyState>
    </>
  );
}
