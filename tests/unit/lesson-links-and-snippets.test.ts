import { describe, expect, test } from "vitest";
import { describeDiagram } from "@/lib/lessons/diagram-description";
import { lessonUrlTransform } from "@/lib/lessons/lesson-links";
import { MATCH_END, MATCH_START, snippetSegments } from "@/lib/lessons/search-snippet";
import { lessonCheckAnswerSchema, lessonSearchQuerySchema } from "@/lib/lessons/validation";

describe("lessonUrlTransform", () => {
  test.each([
    { name: "lesson link", url: "lesson:sqs-queues", href: "/learn/sqs-queues" },
    { name: "lesson link with a section", url: "lesson:sqs-queues#exam-tips", href: "/learn/sqs-queues#exam-tips" },
    { name: "lesson protocol in capitals", url: "LESSON:sqs-queues", href: "/learn/sqs-queues" },
    { name: "lesson link with a path trick", url: "lesson:../../api/health", href: "" },
    { name: "lesson link with an empty id", url: "lesson:", href: "" },
    { name: "https link", url: "https://docs.aws.amazon.com/sqs/", href: "https://docs.aws.amazon.com/sqs/" },
    { name: "mailto link", url: "mailto:team@example.com", href: "mailto:team@example.com" },
    { name: "in-page anchor", url: "#exam-tips", href: "#exam-tips" },
    { name: "relative path", url: "/learn", href: "/learn" },
    { name: "colon after the path is still relative", url: "/learn?at=10:30", href: "/learn?at=10:30" },
    { name: "javascript is dropped", url: "javascript:alert(1)", href: "" },
    { name: "javascript with odd case and spaces is dropped", url: "  JavaScript:alert(1)", href: "" },
    { name: "data URL is dropped", url: "data:text/html,<script>alert(1)</script>", href: "" },
    { name: "vbscript is dropped", url: "vbscript:msgbox", href: "" },
  ])("$name", ({ url, href }) => {
    expect(lessonUrlTransform(url)).toBe(href);
  });
});

const m = (text: string) => `${MATCH_START}${text}${MATCH_END}`;

describe("snippetSegments", () => {
  test.each([
    { name: "no match marks", headline: "plain text", segments: [{ text: "plain text", match: false }] },
    {
      name: "one match in the middle",
      headline: `the ${m("visibility")} timeout`,
      segments: [
        { text: "the ", match: false },
        { text: "visibility", match: true },
        { text: " timeout", match: false },
      ],
    },
    {
      name: "adjacent matches merge",
      headline: `${m("visibility")} ${m("timeout")} value`,
      segments: [
        { text: "visibility", match: true },
        { text: " ", match: false },
        { text: "timeout", match: true },
        { text: " value", match: false },
      ],
    },
    {
      name: "markdown syntax is removed",
      headline: `## Exam tips\n- **Raise** the \`${m("VisibilityTimeout")}\` in [the queue](lesson:sqs-queues)`,
      segments: [
        { text: "Exam tips Raise the ", match: false },
        { text: "VisibilityTimeout", match: true },
        { text: " in the queue", match: false },
      ],
    },
    {
      name: "a bullet in the middle of a line is text, not a list marker",
      headline: `costs 5 - 3 = 2 ${m("units")}`,
      segments: [
        { text: "costs 5 - 3 = 2 ", match: false },
        { text: "units", match: true },
      ],
    },
    {
      name: "table pipes become separators",
      headline: `| Model | ${m("Queue")} | Topic |`,
      segments: [
        { text: "· Model · ", match: false },
        { text: "Queue", match: true },
        { text: " · Topic ·", match: false },
      ],
    },
    {
      name: "html in the body stays text, never markup",
      headline: `<script>alert(1)</script> ${m("bucket")}`,
      segments: [
        { text: "<script>alert(1)</script> ", match: false },
        { text: "bucket", match: true },
      ],
    },
    {
      name: "an unclosed mark runs to the end and leaves no marker behind",
      headline: `start ${MATCH_START}open`,
      segments: [
        { text: "start ", match: false },
        { text: "open", match: true },
      ],
    },
    {
      name: "a stray end mark is dropped",
      headline: `odd${MATCH_END} text`,
      segments: [{ text: "odd text", match: false }],
    },
    { name: "empty headline", headline: "", segments: [] },
  ])("$name", ({ headline, segments }) => {
    expect(snippetSegments(headline)).toEqual(segments);
  });
});

describe("describeDiagram", () => {
  test.each([
    {
      name: "flowchart with labels, in order of appearance",
      source: "flowchart LR\n  A[Order service] --> T[SNS topic]\n  T --> Q1[SQS queue]\n  Q1 --> A",
      name_: "Flowchart: Order service, SNS topic, SQS queue",
    },
    {
      name: "flowchart with quoted labels, decisions and edge labels",
      source: 'flowchart TD\n  A["sam sync --watch (dev)"] --> B{Ready?}\n  B -->|"yes, go"| C[Deploy]',
      name_: "Flowchart: sam sync --watch (dev), Ready?, Deploy",
    },
    {
      name: "sequence diagram participants with aliases",
      source: "sequenceDiagram\n  participant B as Browser\n  participant A as API\n  B->>A: OPTIONS\n  A-->>B: 204",
      name_: "Sequence diagram: Browser, API",
    },
    {
      name: "sequence diagram without declarations",
      source: "sequenceDiagram\n  App->>Cache: GET\n  Cache-->>App: miss",
      name_: "Sequence diagram: App, Cache",
    },
    {
      name: "state diagram without the start and end markers",
      source: "stateDiagram-v2\n  [*] --> Init\n  Init --> Invoke\n  Invoke --> [*]",
      name_: "State diagram: Init, Invoke",
    },
    { name: "unknown diagram kind", source: "pie\n  \"a\": 1", name_: "Diagram" },
    { name: "empty source", source: "", name_: "Diagram" },
    {
      name: "long diagrams are cut after twelve names",
      source: `flowchart LR\n${Array.from({ length: 14 }, (_, i) => `  N${i}[Step ${i}] --> N${i + 1}[Step ${i + 1}]`).join("\n")}`,
      name_: "Flowchart: Step 0, Step 1, Step 2, Step 3, Step 4, Step 5, Step 6, Step 7, Step 8, Step 9, Step 10, Step 11 and 3 more",
    },
  ])("$name", ({ source, name_ }) => {
    expect(describeDiagram(source)).toBe(name_);
  });
});

// Inputs for the "Check yourself" action schema: a response of any item kind, in its tokens.
const valid = { lessonId: "sqs-queues", questionId: "q-sqs-001", version: 1, response: ["a"] };

const checkAnswerFixtures = [
  { name: "one key", input: valid, ok: true },
  { name: "three keys", input: { ...valid, response: ["a", "c", "e"] }, ok: true },
  { name: "a practice item's id", input: { ...valid, questionId: "p-kms-envelope-encryption-002" }, ok: true },
  { name: "an ordering of six steps", input: { ...valid, response: ["c", "a", "f", "b", "e", "d"] }, ok: true },
  { name: "matching pairs", input: { ...valid, response: ["a:c", "b:a", "c:b"] }, ok: true },
  { name: "a number", input: { ...valid, response: ["2.5"] }, ok: true },
  { name: "no keys", input: { ...valid, response: [] }, ok: false },
  { name: "the same key twice", input: { ...valid, response: ["a", "a"] }, ok: false },
  { name: "a key outside a–j", input: { ...valid, response: ["k"] }, ok: false },
  { name: "an upper-case key", input: { ...valid, response: ["A"] }, ok: false },
  { name: "a pair with a foreign token", input: { ...valid, response: ["a:z"] }, ok: false },
  { name: "a number with a unit", input: { ...valid, response: ["40 RCU"] }, ok: false },
  { name: "eleven tokens", input: { ...valid, response: [..."abcdefghij", "a:b"] }, ok: false },
  { name: "response not an array", input: { ...valid, response: "a" }, ok: false },
  { name: "no version", input: { lessonId: "sqs-queues", questionId: "q-sqs-001", response: ["a"] }, ok: false },
  { name: "version zero", input: { ...valid, version: 0 }, ok: false },
  { name: "question id with SQL", input: { ...valid, questionId: "q-1'; DROP TABLE \"Question\"; --" }, ok: false },
  { name: "lesson id with a path", input: { ...valid, lessonId: "../admin" }, ok: false },
  { name: "missing question id", input: { lessonId: "sqs-queues", version: 1, response: ["a"] }, ok: false },
];

describe("lesson input schemas", () => {
  test.each([
    { name: "a word", q: "visibility", ok: true, value: "visibility" },
    { name: "surrounding spaces are trimmed", q: "  dead letter  ", ok: true, value: "dead letter" },
    { name: "exactly 100 characters", q: "a".repeat(100), ok: true, value: "a".repeat(100) },
    { name: "101 characters", q: "a".repeat(101), ok: false, value: undefined },
    { name: "only spaces", q: "   ", ok: false, value: undefined },
    { name: "empty", q: "", ok: false, value: undefined },
    { name: "not a string", q: ["a", "b"], ok: false, value: undefined },
  ])("search query: $name", ({ q, ok, value }) => {
    const parsed = lessonSearchQuerySchema.safeParse(q);
    expect(parsed.success).toBe(ok);
    expect(parsed.data).toBe(value);
  });

  test.each(checkAnswerFixtures)("check answer input: $name", ({ input, ok }) => {
    expect(lessonCheckAnswerSchema.safeParse(input).success).toBe(ok);
  });
});
