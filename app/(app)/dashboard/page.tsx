import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  return (
    <>
      <PageHeader title={`Welcome, ${user.name.split(" ")[0]}`} description="Your readiness, weak topics and reviews will appear here." />
      <EmptyState
        title="Your dashboard is coming soon"
        action={<ButtonLink href="/learn">Start with the first lesson</ButtonLink>}
      >
        Readiness, mastery by domain and your review queue are being built. Until then, start learning domain by
        domain.
      </EmptyState>
    </>
  );
}
