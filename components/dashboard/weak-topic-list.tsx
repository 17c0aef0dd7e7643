// The highest-impact topics: ranked by blueprint weight × what is left to
// learn (lib/learning/weak-topics.ts). Each row shows its weight and mastery,
// so a 40% topic above a 17% one makes sense on sight.
import { Link } from "@/components/ui/link";
import { DrillTopicButton } from "@/components/exam/start-forms";
import { plural } from "@/lib/format/plural";
import type { WeakTopic } from "@/lib/learning/weak-topics";

function percent(share: number): string {
  const p = share * 100;
  return `${p < 10 ? p.toFixed(1) : Math.round(p)}%`;
}

export function WeakTopicExplanation({ className = "mb-4" }: { className?: string }) {
  return (
    <p className={`text-sm text-[var(--text-muted)] ${className}`}>
      Ranked by <strong className="font-semibold text-[var(--text)]">blueprint weight × how much you have left to learn</strong>: a topic worth a
      lot of the exam can come before a weaker one worth little.
    </p>
  );
}

export function WeakTopicList({ topics }: { topics: WeakTopic[] }) {
  if (topics.length === 0) {
    return (
      <p className="text-sm text-[var(--text-muted)]">
        Answer a few questions first: a topic shows up here once it has at least three answers behind it.
      </p>
    );
  }
  return (
    <ol className="space-y-4">
      {topics.map((t) => (
        <li key={t.id} className="text-sm">
          <p className="font-medium wrap-anywhere">{t.title}</p>
          <p className="mt-1 text-[var(--text-muted)]">
            <span className="font-semibold tabular-nums text-[var(--text)]">{percent(t.blueprintWeight)}</span> of the exam ·{" "}
            <span className="font-semibold tabular-nums text-[var(--text)]">{Math.round(t.mastery * 100)}%</span> mastery from{" "}
            {plural(t.evidence, "answer")} · about <span className="tabular-nums">{t.questionsAtStake.toFixed(1)}</span> of 65 questions at stake
          </p>
          <div className="mt-1 flex gap-3">
            {t.lessonId && (
              <Link href={`/learn/${t.lessonId}`} className="font-medium text-brand-700 underline dark:text-brand-300">
                Study the lesson<span className="sr-only">: {t.title}</span>
              </Link>
            )}
            <DrillTopicButton topicId={t.id} title={t.title} />
          </div>
        </li>
      ))}
    </ol>
  );
}
