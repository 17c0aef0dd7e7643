"use client";
// Before submitting: what is unanswered, partly answered and flagged, each a
// button straight to the question.
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type ReviewGroups = { unanswered: number[]; incomplete: Array<{ position: number; label: string }>; flagged: number[] };

export function ReviewScreen({
  total,
  groups,
  practice,
  submitError,
  busy,
  onGoTo,
  onBack,
  onSubmit,
}: {
  total: number;
  groups: ReviewGroups;
  practice: boolean;
  submitError: string | null;
  busy: boolean;
  onGoTo: (position: number) => void;
  onBack: () => void;
  onSubmit: () => void;
}) {
  const complete = total - groups.unanswered.length - groups.incomplete.length;
  const sections = [
    { title: "Not answered", items: groups.unanswered.map((p) => ({ position: p, label: "" })), empty: "Every question has an answer." },
    { title: "Partly answered (they score as wrong unless completed)", items: groups.incomplete, empty: "No question is partly answered." },
    { title: "Flagged for review", items: groups.flagged.map((p) => ({ position: p, label: "" })), empty: "Nothing flagged." },
  ];
  return (
    <section aria-labelledby="review-heading" className="rounded-2xl border border-[var(--border)] bg-[var(--surface)] p-6">
      <h2 id="review-heading" tabIndex={-1} className="text-xl font-bold focus:outline-none">
        Review before you submit
      </h2>
      <p className="mt-2 text-[var(--text-muted)]">
        {complete} of {total} answered · {groups.incomplete.length} partly answered · {groups.unanswered.length} not answered · {groups.flagged.length} flagged
      </p>
      {sections.map((section) => (
        <div key={section.title} className="mt-5">
          <h3 className="font-semibold">{section.title}</h3>
          {section.items.length === 0 ? (
            <p className="mt-1 text-sm text-[var(--text-muted)]">{section.empty}</p>
          ) : (
            <ul className="mt-2 flex flex-wrap gap-2">
              {section.items.map(({ position, label }) => (
                <li key={position}>
                  <Button variant="secondary" size="sm" onClick={() => onGoTo(position)}>
                    Question {position + 1}
                    {label && <span className="text-[var(--text-muted)]">({label})</span>}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {submitError && (
        <Alert tone="error" className="mt-5">
          {submitError}
        </Alert>
      )}
      <div className="mt-6 flex flex-wrap gap-3">
        <Button variant="secondary" onClick={onBack}>
          Back to the questions
        </Button>
        <Button onClick={onSubmit} disabled={busy}>
          {practice ? "Finish and see results" : "Submit exam"}
        </Button>
      </div>
    </section>
  );
}
