import { describe, expect, test } from "vitest";
import { loadBlueprint } from "@/lib/content/blueprint";
import { findNearDuplicateStems } from "@/lib/content/near-duplicates";
import { type ContentPack, type LoadedItem, type LoadedLesson, loadContentPack } from "@/lib/content/pack";
import { type ContentItem, contentItemSchema } from "@/lib/content/schema";
import { validateContentPack } from "@/lib/content/validate";

const blueprint = loadBlueprint();

const lesson: LoadedLesson = {
  file: "content/dva-c02/lessons/d1/03-sqs-queues.md",
  frontmatter: {
    id: "sqs-queues",
    title: "SQS",
    domain: 1,
    taskStatement: "1.1",
    topics: ["sqs"],
    order: 3,
    readingMinutes: 5,
    objectives: ["x"],
    related: [],
    examGuide: [],
  },
  body: "Intro\n\n## Worked example\n\n```ts\nx\n```\n\n## Exam tips\n\n- a\n\n## Common traps\n\n- b\n",
};

function single(overrides: Partial<Extract<ContentItem, { type: "single" }>> = {}): ContentItem {
  return {
    id: "q-sqs-001",
    type: "single",
    taskStatement: "1.1",
    topic: "sqs",
    lesson: "sqs-queues",
    difficulty: 2,
    pool: "main",
    examGuide: [],
    references: ["https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html"],
    stem: "A developer needs a queue that keeps strict ordering of messages for each customer account in a payment system.",
    choices: [
      { key: "a", text: "FIFO queue with a message group per account", correct: true, explanation: "Right because." },
      { key: "b", text: "Standard queue", correct: false, explanation: "Wrong because." },
      { key: "c", text: "SNS topic", correct: false, explanation: "Wrong because." },
      { key: "d", text: "Kinesis with one shard", correct: false, explanation: "Wrong because." },
    ],
    ...overrides,
  } as ContentItem;
}

function pack(items: ContentItem[], lessons: LoadedLesson[] = [lesson]): ContentPack {
  return {
    root: "content/dva-c02",
    blueprint,
    lessons,
    items: items.map((item, index): LoadedItem => ({ file: `content/dva-c02/questions/d1/${item.topic}.yaml`, index, item })),
    references: [{ url: "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues.html", title: "Amazon SQS FIFO queues" }],
    issues: [],
  };
}

/** Issues about the given files, leaving out pack-wide coverage (a one-question pack never meets it). */
const fileIssues = (p: ContentPack) =>
  validateContentPack(p).issues.filter((i) => i.file !== "coverage" && i.field !== "questions");
const singleChoices = () => (single() as Extract<ContentItem, { type: "single" }>).choices;

describe("question rules", () => {
  test("a well-formed single question has no file issues", () => {
    expect(fileIssues(pack([single()]))).toEqual([]);
  });

  test.each([
    {
      name: "single with two correct choices",
      item: single({ choices: singleChoices().map((c) => ({ ...c, correct: c.key === "a" || c.key === "b" })) }),
      message: "exactly 1 correct",
    },
    {
      name: "single with five choices",
      item: single({ choices: [...singleChoices(), { key: "e", text: "Extra", correct: false, explanation: "No." }] }),
      message: "4 choices",
    },
    { name: "unknown lesson", item: single({ lesson: "no-such-lesson" }), message: "unknown lesson" },
    { name: "topic from another task statement", item: single({ topic: "cognito" }), message: "belongs to 2.1" },
    { name: "id not matching the topic", item: single({ id: "q-sns-eventbridge-001" }), message: "ids look like" },
    {
      name: "a cited page nobody checked",
      item: single({ references: ["https://docs.aws.amazon.com/lambda/latest/dg/made-up-page.html"] }),
      message: "not in content/dva-c02/references/",
    },
    { name: "an unknown exam guide tag", item: single({ examGuide: ["quantum-ledger"] }), message: "unknown exam guide addition" },
  ])("$name is reported by file and field", ({ item, message }) => {
    const issues = fileIssues(pack([item]));
    expect(issues.some((i) => i.level === "error" && i.message.includes(message) && i.field.startsWith(item.id))).toBe(true);
  });

  test("multiple response: the stem must announce how many to choose", () => {
    const choices = [
      { key: "a", text: "A", correct: true, explanation: "x" },
      { key: "b", text: "B", correct: true, explanation: "x" },
      { key: "c", text: "C", correct: false, explanation: "x" },
      { key: "d", text: "D", correct: false, explanation: "x" },
      { key: "e", text: "E", correct: false, explanation: "x" },
    ];
    const base = { ...single(), id: "q-sqs-002", type: "multiple", choices } as ContentItem;
    const unannounced = fileIssues(pack([{ ...base, stem: "Which two settings apply to the queue in this design?" } as ContentItem]));
    expect(unannounced.map((i) => i.message)).toContainEqual(expect.stringContaining('"(Choose TWO.)"'));
    const announced = fileIssues(pack([{ ...base, stem: "Which settings apply to the queue in this design? (Choose TWO.)" } as ContentItem]));
    expect(announced).toEqual([]);
    const wrongCount = fileIssues(pack([{ ...base, stem: "Which settings apply to the queue in this design? (Choose THREE.)" } as ContentItem]));
    expect(wrongCount.map((i) => i.message)).toContainEqual(expect.stringContaining('"(Choose TWO.)"'));
  });

  test("a cited address must be an AWS documentation page", () => {
    const raw = { ...JSON.parse(JSON.stringify(single())), references: ["https://example.com/aws-lambda.html"] };
    const parsed = contentItemSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["references", 0]);
  });

  test("a choice without an explanation is rejected by the schema", () => {
    const raw = JSON.parse(JSON.stringify(single()));
    raw.choices[1].explanation = "";
    const parsed = contentItemSchema.safeParse(raw);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.path).toEqual(["choices", 1, "explanation"]);
  });

  test("duplicate ids and near-duplicate stems are both caught", () => {
    const a = single();
    const b = single({ stem: `${a.stem} ` });
    const messages = fileIssues(pack([a, b])).map((i) => i.message);
    expect(messages).toContainEqual(expect.stringContaining("duplicate id"));
    expect(messages).toContainEqual(expect.stringContaining("near-duplicate"));
  });
});

describe("lesson rules", () => {
  test("missing sections and unknown links are errors", () => {
    const broken: LoadedLesson = { ...lesson, body: "Text with a [link](lesson:nowhere)." };
    const messages = fileIssues(pack([single()], [broken])).map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringContaining("## Exam tips"),
        expect.stringContaining("## Common traps"),
        expect.stringContaining("unknown lesson nowhere"),
      ]),
    );
  });
});

describe("lesson tables", () => {
  const withTable = (table: string): LoadedLesson => ({ ...lesson, body: `${lesson.body}\n${table}\n` });
  test.each([
    { name: "a comparison table with an empty corner cell", table: "| | Standard | FIFO |\n| --- | --- | --- |\n| Order | Best effort | Strict |", errors: ["table header cell 1 is empty: give the column a heading"] },
    { name: "an empty header in the middle", table: "| Feature | | FIFO |\n|---|---|---|\n| a | b | c |", errors: ["table header cell 2 is empty: give the column a heading"] },
    { name: "every header named", table: "| Feature | Standard | FIFO |\n| :--- | :---: | ---: |\n| Order | Best effort | Strict |", errors: [] },
    { name: "a pipe inside code does not split a header", table: "| `a|b` | x |\n| --- | --- |\n| 1 | 2 |", errors: [] },
    { name: "a table-looking block inside a code fence is not a table", table: "```text\n| | a |\n| --- | --- |\n```", errors: [] },
  ])("$name", ({ table, errors }) => {
    const messages = fileIssues(pack([single()], [withTable(table)])).filter((i) => i.field.startsWith("body line")).map((i) => i.message);
    expect(messages.filter((m) => m.includes("table"))).toEqual(errors);
  });
});

describe("near-duplicate detection", () => {
  test.each([
    ["identical", "A developer must store session state for a fleet of web servers behind a load balancer.", "A developer must store session state for a fleet of web servers behind a load balancer.", true],
    ["numbers swapped", "A table receives 80 reads per second of 6 KB items with strong consistency.", "A table receives 120 reads per second of 9 KB items with strong consistency.", true],
    ["different questions", "Which Lambda setting stops one function from using all account concurrency?", "How should an application store database credentials that rotate every 30 days?", false],
  ])("%s", (_name, a, b, duplicate) => {
    expect(findNearDuplicateStems([{ id: "a", stem: a }, { id: "b", stem: b }]).length > 0).toBe(duplicate);
  });
});

describe("the DVA-C02 pack", () => {
  test("passes every rule and meets the coverage the blueprint asks for", () => {
    const { issues, coverage } = validateContentPack(loadContentPack());
    expect(issues.filter((i) => i.level === "error")).toEqual([]);
    expect(coverage!.lessons).toBeGreaterThanOrEqual(40);
    expect(coverage!.examQuestions).toBeGreaterThanOrEqual(1000);
    expect(coverage!.finalPool.total).toBeGreaterThanOrEqual(130);
    for (const d of coverage!.domains) expect(Math.abs(d.share - d.weight)).toBeLessThanOrEqual(2);
    for (const ts of coverage!.taskStatements) expect(ts.examQuestions).toBeGreaterThanOrEqual(15);
    expect(coverage!.multiple / coverage!.examQuestions).toBeGreaterThanOrEqual(0.25);
    for (const t of coverage!.topics) {
      expect(t.lessons.length, t.id).toBeGreaterThan(0);
      expect(t.examQuestions, t.id).toBeGreaterThanOrEqual(12);
    }
    for (const cue of coverage!.cues) expect(cue.hitRate, `${cue.type} ${cue.strategy}`).toBeLessThanOrEqual(cue.limit);
  }, 60_000);
});
