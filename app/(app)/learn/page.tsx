import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Learn" };

export default async function LearnPage() {
  await requireUser("/learn");
  return (
    <>
      <PageHeader title="Learn" description="Lessons for every DVA-C02 domain and task statement." />
      <EmptyState title="Lessons are coming soon">The Learn area is being built.</EmptyState>
    </>
  );
}
