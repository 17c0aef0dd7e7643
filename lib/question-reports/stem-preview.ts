// A question's stem as one line of plain text, cut to a length, for lists. Pure.
import { questionTextBlocks } from "@/lib/exams/question-text";

export function stemPreview(stem: string, max = 200): string {
  const text = questionTextBlocks(stem)
    .map((b) => (b.kind === "code" ? b.text : b.runs.map((r) => r.text).join("")))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
