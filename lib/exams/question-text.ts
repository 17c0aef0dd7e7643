// One way to show question text everywhere (runner, results, reviews, lesson
// checks). Stems come from YAML and carry their source file's line wraps: a
// single newline is a space, a blank line starts a new paragraph, a fenced
// block keeps its lines, and `backticks` mark code. Pure.

export type TextRun = { code: boolean; text: string };
export type TextBlock = { kind: "paragraph"; runs: TextRun[] } | { kind: "code"; text: string };

function runs(text: string): TextRun[] {
  return text
    .split(/(`[^`]+`)/)
    .filter(Boolean)
    .map((part) => (part.length > 2 && part.startsWith("`") && part.endsWith("`") ? { code: true, text: part.slice(1, -1) } : { code: false, text: part }));
}

export function questionTextBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const fence = /```[a-z]*\n([\s\S]*?)```/g;
  let last = 0;
  const prose = (chunk: string) => {
    for (const paragraph of chunk.split(/\n\s*\n/)) {
      const joined = paragraph.replace(/\s*\n\s*/g, " ").trim();
      if (joined) blocks.push({ kind: "paragraph", runs: runs(joined) });
    }
  };
  for (const match of text.matchAll(fence)) {
    prose(text.slice(last, match.index));
    blocks.push({ kind: "code", text: match[1]!.replace(/\n$/, "") });
    last = match.index! + match[0].length;
  }
  prose(text.slice(last));
  return blocks;
}

/** A question's text as one line of plain text, for a list or a CSV cell. */
export function plainQuestionText(text: string): string {
  return questionTextBlocks(text)
    .map((b) => (b.kind === "code" ? b.text : b.runs.map((r) => r.text).join("")))
    .join(" ");
}
