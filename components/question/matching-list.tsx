"use client";
// A matching item: one labelled select per prompt (keyboard and screen-reader
// friendly by nature), answered as "prompt:answer" tokens.
import { parseMatchingToken } from "@/lib/exams/answer-rules";
import { cn } from "@/components/ui/cn";

export function MatchingList({
  name,
  prompts,
  answers,
  response,
  onChange,
  correct,
  disabled = false,
}: {
  name: string;
  prompts: Array<{ key: string; text: string }>;
  answers: Array<{ key: string; text: string }>;
  response: readonly string[];
  onChange?: (response: string[]) => void;
  /** After a reveal: the right tokens. */
  correct?: readonly string[] | null;
  disabled?: boolean;
}) {
  const chosen = new Map(response.flatMap((t) => {
    const pair = parseMatchingToken(t);
    return pair ? [[pair.prompt, pair.answer] as const] : [];
  }));
  const right = new Map((correct ?? []).flatMap((t) => {
    const pair = parseMatchingToken(t);
    return pair ? [[pair.prompt, pair.answer] as const] : [];
  }));
  const answerText = new Map(answers.map((a) => [a.key, a.text]));
  const locked = disabled || !onChange || Boolean(correct);
  const set = (prompt: string, answer: string) => {
    const next = new Map(chosen);
    if (answer) next.set(prompt, answer);
    else next.delete(prompt);
    onChange!(prompts.filter((p) => next.has(p.key)).map((p) => `${p.key}:${next.get(p.key)}`));
  };
  return (
    <ul className="space-y-3">
      {prompts.map((prompt) => {
        const mine = chosen.get(prompt.key) ?? "";
        const good = correct ? right.get(prompt.key) === mine : null;
        return (
          <li
            key={prompt.key}
            className={cn(
              "grid gap-2 rounded-xl border p-3 sm:grid-cols-[1fr_minmax(12rem,1fr)] sm:items-center",
              good === true && "border-green-600 bg-green-50 dark:bg-green-950",
              good === false && "border-red-500 bg-red-50 dark:bg-red-950",
              good === null && "border-[var(--border)]",
            )}
          >
            <label htmlFor={`${name}-${prompt.key}`} className="[overflow-wrap:anywhere]">
              {prompt.text}
            </label>
            {locked ? (
              <span className="text-sm">
                {mine ? answerText.get(mine) : <em>not matched</em>}
                {good === false && <span className="block font-semibold">Right: {answerText.get(right.get(prompt.key) ?? "")}</span>}
              </span>
            ) : (
              <select
                id={`${name}-${prompt.key}`}
                value={mine}
                onChange={(e) => set(prompt.key, e.target.value)}
                className="w-full rounded-lg border border-[var(--border)] bg-[var(--surface)] px-3 py-2 text-base"
              >
                <option value="">Choose…</option>
                {answers.map((a) => (
                  <option key={a.key} value={a.key}>
                    {a.text}
                  </option>
                ))}
              </select>
            )}
          </li>
        );
      })}
    </ul>
  );
}
