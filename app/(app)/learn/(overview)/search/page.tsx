import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { LessonSearchForm } from "@/components/lessons/lesson-search-form";
import { LessonSearchResults } from "@/components/lessons/lesson-search-results";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { searchLessons } from "@/lib/lessons/lesson-search";
import { lessonSearchQuerySchema } from "@/lib/lessons/validation";

export const metadata: Metadata = { title: "Search lessons" };

export default async function LessonSearchPage(props: PageProps<"/learn/search">) {
  const { q } = await props.searchParams;
  const raw = Array.isArray(q) ? q[0] : q;
  await requireUser(raw ? `/learn/search?q=${encodeURIComponent(raw)}` : "/learn/search");

  const parsed = raw === undefined || raw.trim() === "" ? null : lessonSearchQuerySchema.safeParse(raw);
  const query = parsed?.success ? parsed.data : null;
  const hits = query ? await searchLessons(db, { query }) : [];

  return (
    <>
      <PageHeader
        title="Search lessons"
        description={
          <>
            Search every lesson&apos;s title, objectives and text. <Link href="/learn" className="underline">Back to Learn</Link>
          </>
        }
      />
      <div className="mb-8 max-w-xl">
        <LessonSearchForm defaultQuery={raw ?? ""} errors={parsed && !parsed.success ? parsed.error.issues.map((i) => i.message) : undefined} />
      </div>
      {parsed === null ? (
        <EmptyState title="What do you want to learn about?">
          Type a service, a feature or an error, for example <em>visibility timeout</em>, <em>GSI</em> or{" "}
          <em>ThrottlingException</em>. Put words in quotes to find an exact phrase.
        </EmptyState>
      ) : !parsed.success ? null : hits.length === 0 ? (
        <EmptyState title={`No lessons match “${query}”`}>
          Check the spelling, use fewer words, or try the name of the AWS service. You can also{" "}
          <Link href="/learn" className="underline">
            browse the lessons by domain
          </Link>
          .
        </EmptyState>
      ) : (
        <LessonSearchResults query={query!} hits={hits} />
      )}
    </>
  );
}
