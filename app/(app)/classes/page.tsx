import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Classes" };

export default async function ClassesPage() {
  await requireRole([...STAFF_ROLES], "/classes");
  return (
    <>
      <PageHeader title="Classes" description="Run classes, assign mock exams and review progress." />
      <EmptyState title="Classes are coming soon">Class management for instructors is being built.</EmptyState>
    </>
  );
}
