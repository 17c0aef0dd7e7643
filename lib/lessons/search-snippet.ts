// Turning PostgreSQL's ts_headline output into text a reader can scan. The
// headline marks matches with two private-use characters (never in lesson
// text) instead of HTML, so nothing from a lesson body is ever rendered as
// markup; matches become <mark> elements in React. Pure: no framework or
// database imports.

export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";

/** ts_headline options: short fragments around the matches, marked with the characters above. */
export const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MaxWords=28, MinWords=12, ShortWord=3, FragmentDelimiter=" … "`;

export type SnippetSegment = { text: string; match: boolean };

/** Markdown syntax that means nothing out of context: fences, heading marks, bullets, emphasis, table pipes, link targets. */
function plainText(markdown: string): string {
  return markdown
    .replace(/(`{3,}|~{3,})[\w-]*/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(^|\s)#{1,6}(?=\s)/g, "$1")
    .replace(/(^|\n)[ \t]*[-*+][ \t]+/g, "$1")
    .replace(/\*\*|__|`/g, "")
    .replace(/\s*\|\s*/g, " · ")
    .replace(/(\s*·\s*)?(:?-{3,}:?\s*·\s*)+(:?-{3,}:?)?/g, " · ")
    .replace(/\s+/g, " ");
}

/** The snippet as plain segments, the matched words flagged. Unbalanced marks never leak into the text. */
export function snippetSegments(headline: string): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = segments.at(-1);
    if (last && last.match === match) last.text += text;
    else segments.push({ text, match });
  };
  let rest = plainText(headline);
  while (rest.length > 0) {
    const start = rest.indexOf(MATCH_START);
    if (start === -1) {
      push(rest.replaceAll(MATCH_END, ""), false);
      break;
    }
    push(rest.slice(0, start).replaceAll(MATCH_END, ""), false);
    const end = rest.indexOf(MATCH_END, start + 1);
    const matched = end === -1 ? rest.slice(start + 1) : rest.slice(start + 1, end);
    push(matched.replaceAll(MATCH_START, ""), true);
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  // Trim the outer whitespace left by removed markup.
  const first = segments[0];
  if (first) first.text = first.text.trimStart();
  const last = segments.at(-1);
  if (last) last.text = last.text.trimEnd();
  return segments.filter((segment) => segment.text.length > 0);
}
