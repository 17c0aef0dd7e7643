import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AssignmentForm } from "@/components/classes/assignment-form";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireRole } from "@/lib/auth/guard";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { drillAssignmentValues, newAssignmentValues } from "@/lib/classes/assignment-form-values";
import { managedClass } from "@/lib/classes/class-access";
import { drillPrefillSchema } from "@/lib/classes/inputs";
import { loadScopeCatalogue } from "@/lib/classes/scope-catalogue";
import { db } from "@/lib/db";
import { orNotFound } from "@/lib/exams/page-errors";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { loadStudySettings } from "@/lib/learning/study-settings";

export const metadata: Metadata = { title: "New assignment" };

export default async function NewAssignmentPage({ params, searchParams }: PageProps<"/classes/[classId]/assignments/new">) {
  const { classId } = await params;
  const user = await requireRole([...STAFF_ROLES], `/classes/${classId}/assignments/new`);
  const found = await orNotFound(managedClass(db, user, classId));
  if (found.archivedAt) notFound();
  const { timeZone } = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  const [catalogue, existing] = await Promise.all([loadScopeCatalogue(db), db.assignment.count({ where: { classId, config: { path: ["kind"], equals: "mock" } } })]);
  // "Assign a drill on this" from the class dashboard: a known task statement pre-fills a drill.
  const { taskStatement } = drillPrefillSchema.parse(await searchParams);
  const drillOn = catalogue.flatMap((d) => d.taskStatements).find((t) => t.code === taskStatement);
  const now = new Date();
  return (
    <>
      <PageHeader
        title={drillOn ? `New drill: ${drillOn.code}` : "New assignment"}
        description={`For ${found.name}. Every student of the class sees it on their dashboard, on their own terms (accommodations and overrides apply).`}
        actions={
          <ButtonLink href={`/classes/${classId}`} variant="secondary">
            Back to the class
          </ButtonLink>
        }
      />
      <Card className="max-w-3xl">
        <AssignmentForm target={{ classId }} values={drillOn ? drillAssignmentValues(now, timeZone, drillOn) : newAssignmentValues(now, timeZone, existing)} catalogue={catalogue} timeZone={timeZone} />
      </Card>
    </>
  );
}
