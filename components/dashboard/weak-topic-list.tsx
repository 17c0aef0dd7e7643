import Link from "next/link";
import { DrillTopicButton } from "@/components/exam/start-forms";
import type { WeakTopic } from "@/lib/learning/weak-topics";

export function WeakTopicList({ topics }: { topics: WeakTopic[] }) {
  if (topics.length === 0) {
    return (
      <p className="text-sm text-[var(--text-muted)]">
        Answer a few questions first: a topic shows up here once it has at least three answers behind it.
      </p>
    );
  }
  return (
    <ol className="space-y-3">
      {topics.map((t) => (
        <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
          <span>
            <span className="font-medium">{t.title}</span>{" "}
            <span className="text-[var(--text-muted)]">
              · {Math.round(t.mastery * 100)}% mastery from {t.evidence} answers
            </span>
          </span>
          <span className="flex gap-3">
            {t.lessonId && (
              <Link href={`/learn/${t.lessonId}`} className="font-medium text-brand-700 underline dark:text-brand-300">
                Study the lesson
              </Link>
            )}
            <DrillTopicButton topicId={t.id} title={t.title} />
          </span>
        </li>
      ))}
    </ol>
  );
}
