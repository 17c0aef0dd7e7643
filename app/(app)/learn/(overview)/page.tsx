import type { Metadata } from "next";
import { DomainLessons, DomainProgressCards } from "@/components/lessons/learn-overview";
import { LessonSearchForm } from "@/components/lessons/lesson-search-form";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { loadLearnCatalogue } from "@/lib/lessons/catalogue";
import { lessonPath } from "@/lib/lessons/lesson-links";

export const metadata: Metadata = { title: "Learn" };

export default async function LearnPage() {
  const user = await requireUser("/learn");
  const catalogue = await loadLearnCatalogue(db, { userId: user.id });

  if (catalogue.lessonCount === 0) {
    return (
      <>
        <PageHeader title="Learn" description="Lessons for every DVA-C02 domain and task statement." />
        <EmptyState title="No lessons yet">
          The lessons have not been loaded into this database. Run <code>npm run content:sync</code> and reload.
        </EmptyState>
      </>
    );
  }

  const { nextLesson } = catalogue;
  return (
    <>
      <PageHeader
        title="Learn"
        description={`${catalogue.lessonCount} lessons across the four DVA-C02 domains. You have completed ${catalogue.completedCount}.`}
        actions={
          nextLesson ? (
            <ButtonLink href={lessonPath(nextLesson.id)}>
              {catalogue.completedCount === 0 ? "Start" : "Continue"}: {nextLesson.title}
            </ButtonLink>
          ) : (
            <p className="text-sm font-medium text-green-800 dark:text-green-300">You have completed every lesson.</p>
          )
        }
      />
      <div className="mb-8 max-w-xl">
        <LessonSearchForm />
      </div>
      <DomainProgressCards domains={catalogue.domains} />
      <div className="mt-10 space-y-12">
        {catalogue.domains.map((domain) => (
          <DomainLessons key={domain.id} domain={domain} />
        ))}
      </div>
    </>
  );
}
