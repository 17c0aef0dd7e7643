import type { Metadata } from "next";
import { ReviewSession } from "@/components/review/review-session";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/guard";
import { db } from "@/lib/db";
import { countDueCards, nextDueCard } from "@/lib/learning/review-queue";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const user = await requireUser("/practice/review");
  const now = new Date();
  const [question, counts] = await Promise.all([nextDueCard(db, { userId: user.id, now }), countDueCards(db, { userId: user.id, now })]);
  return (
    <>
      <PageHeader
        title="Review"
        description="Questions you missed or were unsure about come back on a spaced-repetition schedule (FSRS), just before you would forget them."
      />
      {question ? (
        <ReviewSession key={question.questionId} question={question} remaining={counts.now} />
      ) : (
        <EmptyState
          title={counts.total === 0 ? "No review cards yet" : "All caught up"}
          action={<ButtonLink href="/practice">Practise something new</ButtonLink>}
        >
          {counts.total === 0
            ? "Every question you miss (or mark “not sure”) in a quiz or mock exam becomes a card here."
            : `Nothing is due right now. ${counts.week - counts.now} card${counts.week - counts.now === 1 ? " is" : "s are"} due in the next seven days.`}
        </EmptyState>
      )}
    </>
  );
}
