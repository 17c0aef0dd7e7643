import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import { describe, expect, test } from "vitest";
import { loadContentPack } from "@/lib/content/pack";
import { extractTableOfContents, headingText } from "@/lib/lessons/table-of-contents";

const fence = "```";

describe("extractTableOfContents", () => {
  test.each([
    { name: "empty lesson", markdown: "", toc: [] },
    { name: "no headings", markdown: "Just a paragraph.\n\nAnother one.", toc: [] },
    {
      name: "h2 and h3 in order, h1 and h4 left out",
      markdown: "# Title\n\n## Amazon SNS\n\ntext\n\n### Filter policies\n\n#### Deep detail\n\n## Exam tips",
      toc: [
        { depth: 2, text: "Amazon SNS", id: "amazon-sns" },
        { depth: 3, text: "Filter policies", id: "filter-policies" },
        { depth: 2, text: "Exam tips", id: "exam-tips" },
      ],
    },
    {
      name: "a '#' comment inside a fenced code block is not a heading",
      markdown: `## Worked example\n\n${fence}bash\n# ~/.aws/credentials\n## not a heading\n${fence}\n\n## Exam tips`,
      toc: [
        { depth: 2, text: "Worked example", id: "worked-example" },
        { depth: 2, text: "Exam tips", id: "exam-tips" },
      ],
    },
    {
      name: "a longer fence is only closed by a fence at least as long",
      markdown: "````md\n```\n## inside\n```\n````\n\n## After",
      toc: [{ depth: 2, text: "After", id: "after" }],
    },
    {
      name: "tilde fences",
      markdown: "~~~yaml\n## inside\n~~~\n## After",
      toc: [{ depth: 2, text: "After", id: "after" }],
    },
    {
      name: "repeated headings get numbered ids, counted across every level",
      markdown: "## Example\n\n### Example\n\n#### Example\n\n## Example",
      toc: [
        { depth: 2, text: "Example", id: "example" },
        { depth: 3, text: "Example", id: "example-1" },
        { depth: 2, text: "Example", id: "example-3" },
      ],
    },
    {
      name: "inline markup is removed from the text and the id",
      markdown: "## The `Publish` call with **message attributes** and [filters](lesson:sns)",
      toc: [
        {
          depth: 2,
          text: "The Publish call with message attributes and filters",
          id: "the-publish-call-with-message-attributes-and-filters",
        },
      ],
    },
    {
      name: "punctuation, a closing hash sequence and an underscore inside a word",
      markdown: "## SQS vs. SNS: which one? ##\n\n### snake_case_names",
      toc: [
        { depth: 2, text: "SQS vs. SNS: which one?", id: "sqs-vs-sns-which-one" },
        { depth: 3, text: "snake_case_names", id: "snake_case_names" },
      ],
    },
    {
      name: "'#5' without a space is not a heading",
      markdown: "#5 is a paragraph\n\n## Real",
      toc: [{ depth: 2, text: "Real", id: "real" }],
    },
    {
      name: "a setext h2 under a paragraph counts; a thematic break after a list does not",
      markdown: "Setext title\n---\n\n- item\n---\n\nText\n\n---\n\n## After",
      toc: [
        { depth: 2, text: "Setext title", id: "setext-title" },
        { depth: 2, text: "After", id: "after" },
      ],
    },
    {
      name: "headings indented four spaces are code, not headings",
      markdown: "    ## code\n\n## Real",
      toc: [{ depth: 2, text: "Real", id: "real" }],
    },
  ])("$name", ({ markdown, toc }) => {
    expect(extractTableOfContents(markdown)).toEqual(toc);
  });

  test.each([
    { name: "escapes", inline: "Use \\*literal\\* stars", text: "Use *literal* stars" },
    { name: "entities", inline: "Q&amp;A &lt;tips&gt;", text: "Q&A <tips>" },
    { name: "raw html", inline: "Hello <em>world</em>", text: "Hello world" },
    { name: "image alt text", inline: "![diagram](x.png) flow", text: "diagram flow" },
    { name: "underscore emphasis", inline: "_important_ point", text: "important point" },
  ])("heading text: $name", ({ inline, text }) => {
    expect(headingText(inline)).toBe(text);
  });

  // The ids must be the ones rehype-slug writes into the page, or the contents links go nowhere.
  test("every lesson's contents ids match the ids rehype-slug renders", () => {
    const pack = loadContentPack();
    expect(pack.lessons.length).toBeGreaterThan(50);
    for (const { frontmatter, body } of pack.lessons) {
      const html = renderToStaticMarkup(
        createElement(Markdown, { remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug] }, body),
      );
      const rendered = [...html.matchAll(/<h([23]) id="([^"]+)"/g)].map((m) => ({ depth: Number(m[1]), id: m[2] }));
      const toc = extractTableOfContents(body).map(({ depth, id }) => ({ depth, id }));
      expect(toc, frontmatter.id).toEqual(rendered);
      expect(toc.length, `${frontmatter.id} has headings`).toBeGreaterThan(1);
    }
  }, 60_000);
});
