// The lesson's table of contents, read from its markdown: every h2 and h3
// with the id rehype-slug gives it. Pure: no framework or database imports.
//
// The ids must match what rehype-slug writes into the rendered page, so this
// follows the same rules: github-slugger over the heading's text content, one
// slugger for the whole document, counting every heading level (a repeated
// "Example" becomes example, example-1, … whatever its depth).
import GithubSlugger from "github-slugger";

export type TocEntry = { depth: 2 | 3; text: string; id: string };

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const INDENTED = /^ {4,}|^\t/;
// A line that starts a block which is not a paragraph: list item, quote, table row, thematic break.
const BLOCK_START = /^ {0,3}(([-+*]|\d{1,9}[.)])([ \t]|$)|>|\||([-*_][ \t]*){3,}$)|\|.*\|/;

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** The text a reader sees for a heading's inline markdown: markup removed, content kept. */
export function headingText(inline: string): string {
  // Code spans and backslash escapes are literal text: set them aside so the
  // markup rules below cannot touch them, then put them back.
  const literals: string[] = [];
  const keep = (text: string) => `\uE000${literals.push(text) - 1}\uE001`;
  const text = inline
    // An ATX closing sequence ("## Title ##") is not part of the text.
    .replace(/(^|[ \t]+)#+[ \t]*$/, "")
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) =>
      keep(/^ .* $/.test(code) && code.trim() !== "" ? code.slice(1, -1) : code),
    )
    .replace(/\\([!-/:-@[-`{-~])/g, (_m, char: string) => keep(char))
    // Images keep their alt text, links their text.
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    // Raw HTML tags are not rendered as text.
    .replace(/<\/?[A-Za-z][^>]*>/g, "")
    // Emphasis and strikethrough markers; an underscore inside a word is literal.
    .replace(/(\*{1,3}|~{1,2})(\S(?:[\s\S]*?\S)?)\1/g, "$2")
    .replace(/(^|[^\w])(_{1,3})(\S(?:[\s\S]*?\S)?)\2(?=[^\w]|$)/g, "$1$3")
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? "")
    .trim();
  return text.replace(/\uE000(\d+)\uE001/g, (_m, index: string) => literals[Number(index)] ?? "");
}

/** The h2/h3 headings of a lesson body, in order, with rehype-slug's ids. */
export function extractTableOfContents(markdown: string): TocEntry[] {
  const slugger = new GithubSlugger();
  const entries: TocEntry[] = [];
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  let fence: { char: string; length: number } | null = null;
  // Lines of the paragraph being read, which a setext underline would turn into a heading;
  // `eligible` is false inside a list, quote or table, whose lines cannot become one.
  let paragraph: string[] = [];
  let eligible = true;

  const add = (depth: number, text: string) => {
    const id = slugger.slug(text);
    if (depth === 2 || depth === 3) entries.push({ depth, text, id });
  };
  const startBlock = (canHoldParagraph: boolean) => {
    paragraph = [];
    eligible = canHoldParagraph;
  };

  for (const line of lines) {
    if (fence) {
      const close = line.match(/^ {0,3}(`{3,}|~{3,})[ \t]*$/);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) {
        fence = null;
        startBlock(true);
      }
      continue;
    }
    const open = line.match(FENCE_OPEN);
    if (open) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      continue;
    }
    const atx = line.match(ATX_HEADING);
    if (atx) {
      add(atx[1]!.length, headingText(atx[2] ?? ""));
      startBlock(true);
      continue;
    }
    const underline = line.match(SETEXT_UNDERLINE);
    if (underline && eligible && paragraph.length > 0) {
      add(underline[1]![0] === "=" ? 1 : 2, headingText(paragraph.join("\n")));
      startBlock(true);
      continue;
    }
    if (line.trim() === "") startBlock(true);
    else if (INDENTED.test(line)) {
      // Indented: a paragraph's continuation, or else indented code / list content.
      if (eligible && paragraph.length > 0) paragraph.push(line.trim());
      else startBlock(false);
    } else if (BLOCK_START.test(line)) startBlock(false);
    else if (eligible) paragraph.push(line.trim());
  }
  return entries;
}
