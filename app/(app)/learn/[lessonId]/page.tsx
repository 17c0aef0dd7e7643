import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonCheck } from "@/components/lessons/lesson-check";
import { LessonCompletion } from "@/components/lessons/lesson-completion";
import { LessonHeader } from "@/components/lessons/lesson-header";
import { LessonMarkdown } from "@/components/lessons/lesson-markdown";
import { LessonPager, RelatedLessons } from "@/components/lessons/lesson-navigation";
import {
  LessonTableOfContentsCollapsible,
  LessonTableOfContentsSidebar,
} from "@/components/lessons/lesson-table-of-contents";
import { currentUser, requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { lessonPath } from "@/lib/lessons/lesson-links";
import { findLessonTitle, loadLessonPage } from "@/lib/lessons/lesson-page";
import { extractTableOfContents } from "@/lib/lessons/table-of-contents";
import { lessonIdSchema } from "@/lib/lessons/validation";
import { myReportNotes } from "@/lib/question-reports/my-reports";

export async function generateMetadata(props: PageProps<"/learn/[lessonId]">): Promise<Metadata> {
  const parsed = lessonIdSchema.safeParse((await props.params).lessonId);
  const title = parsed.success && (await currentUser()) ? await findLessonTitle(db, { lessonId: parsed.data }) : null;
  return { title: title ?? "Lesson" };
}

export default async function LessonPage(props: PageProps<"/learn/[lessonId]">) {
  const { lessonId: rawId } = await props.params;
  const parsed = lessonIdSchema.safeParse(rawId);
  if (!parsed.success) notFound();
  const user = await requireUser(lessonPath(parsed.data));
  const page = await loadLessonPage(db, { lessonId: parsed.data, userId: user.id });
  if (!page) notFound();

  const { lesson } = page;
  const reportNotes = await myReportNotes(db, { userId: user.id, questionIds: page.checkQuestions.map((q) => q.questionId) });
  const toc = extractTableOfContents(lesson.body);
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,48rem)_15rem] lg:justify-between lg:gap-12">
      <article className="min-w-0" aria-labelledby="lesson-title">
        <LessonHeader lesson={lesson} completed={page.completedAt !== null} />
        <div className="mt-6">
          <LessonTableOfContentsCollapsible entries={toc} />
        </div>
        <LessonMarkdown markdown={lesson.body} />
        <LessonCheck lessonId={lesson.id} questions={page.checkQuestions} reportNotes={reportNotes} />
        <LessonCompletion lessonId={lesson.id} completed={page.completedAt !== null} />
        <RelatedLessons lessons={page.related} />
        <LessonPager previous={page.previous} next={page.next} />
      </article>
      <div className="hidden lg:block">
        <LessonTableOfContentsSidebar entries={toc} />
      </div>
    </div>
  );
}
