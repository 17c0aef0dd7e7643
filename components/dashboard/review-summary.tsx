// The dashboard's review card: what is due today and this week (the student's
// own days), and, when the new-cards-per-day limit moved cards to later days,
// what it did and where to change it.
import { NewCardNotice } from "@/components/review/new-card-notice";
import { ButtonLink } from "@/components/ui/button";
import { plural } from "@/lib/format/plural";
import type { DueCounts } from "@/lib/learning/review-queue";

export function ReviewSummary({ due, newCardNotice }: { due: DueCounts; newCardNotice: string | null }) {
  return (
    <>
      <dl className="mt-3 grid grid-cols-2 gap-3">
        <div>
          <dt className="text-sm text-[var(--text-muted)]">Due today</dt>
          <dd className="text-3xl font-bold tabular-nums">{due.today}</dd>
        </div>
        <div>
          <dt className="text-sm text-[var(--text-muted)]">This week</dt>
          <dd className="text-3xl font-bold tabular-nums">{due.week}</dd>
        </div>
      </dl>
      <p className="mt-2 text-sm text-[var(--text-muted)]">
        {due.total === 0
          ? "Questions you miss become review cards."
          : `${due.now} ready now${due.today > due.now ? `, ${due.today - due.now} more later today` : ""}; ${plural(due.total, "card")} in your deck.`}
      </p>
      {newCardNotice && <NewCardNotice notice={newCardNotice} />}
      <div className="mt-4">
        <ButtonLink href="/practice/review" variant={due.now > 0 ? "primary" : "secondary"}>
          {due.now > 0 ? "Start reviewing" : "Open reviews"}
        </ButtonLink>
      </div>
    </>
  );
}
