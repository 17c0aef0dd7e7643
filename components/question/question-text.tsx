// Question text, shown the same way everywhere (runner, results, reviews,
// lesson checks): lib/exams/question-text.ts decides paragraphs and code.
import { questionTextBlocks } from "@/lib/exams/question-text";
import { cn } from "@/components/ui/cn";

export function QuestionText({ text, id, className }: { text: string; id?: string; className?: string }) {
  return (
    <div id={id} className={cn("space-y-3 leading-relaxed [overflow-wrap:anywhere]", className)}>
      {questionTextBlocks(text).map((block, i) =>
        block.kind === "code" ? (
          <pre key={i} className="overflow-x-auto rounded-lg bg-[var(--surface-muted)] p-3 text-sm">
            <code>{block.text}</code>
          </pre>
        ) : (
          <p key={i}>
            {block.runs.map((run, j) =>
              run.code ? (
                <code key={j} className="rounded bg-[var(--surface-muted)] px-1 py-0.5 text-[0.9em]">
                  {run.text}
                </code>
              ) : (
                <span key={j}>{run.text}</span>
              ),
            )}
          </p>
        ),
      )}
    </div>
  );
}
