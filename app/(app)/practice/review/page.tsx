import type { Metadata } from "next";
import { NewCardNotice } from "@/components/review/new-card-notice";
import { ReviewSession } from "@/components/review/review-session";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { plural } from "@/lib/format/plural";
import { browserTimeZone } from "@/lib/learning/browser-time-zone";
import { countDueCards, deferredNewCards, nextDueCard } from "@/lib/learning/review-queue";
import { loadStudySettings } from "@/lib/learning/study-settings";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requireUser("/practice/review");
  const now = new Date();
  const settings = await loadStudySettings(db, { userId: user.id, browser: await browserTimeZone() });
  const [question, counts, notice] = await Promise.all([
    nextDueCard(db, { userId: user.id, now }),
    countDueCards(db, { userId: user.id, now, timeZone: settings.timeZone }),
    deferredNewCards(db, { userId: user.id, now, settings }),
  ]);
  return (
    <>
      <PageHeader
        title="Review"
        description="Questions you missed or were unsure about come back on a spaced-repetition schedule (FSRS), just before you would forget them."
      />
      {notice && (
        <div className="-mt-3 mb-4">
          <NewCardNotice notice={notice} />
        </div>
      )}
      {question ? (
        <ReviewSession key={question.questionId} question={question} remaining={counts.now} />
      ) : (
        <EmptyState
          title={counts.total === 0 ? "No review cards yet" : "All caught up"}
          action={<ButtonLink href="/practice">Practise something new</ButtonLink>}
        >
          {counts.total === 0
            ? "Every question you miss (or mark “not sure”) in a quiz or mock exam becomes a card here."
            : `Nothing is due right now. ${plural(counts.week - counts.now, "card")} ${plural(counts.week - counts.now, "is", "are", { bare: true })} due in the next seven days.`}
        </EmptyState>
      )}
    </>
  );
}
