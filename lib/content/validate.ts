// Cross-file rules and coverage for a loaded content pack. Pure: takes the
// parsed pack, returns issues and a coverage summary; does no I/O.
import path from "node:path";
import { apportion } from "../exams/apportion";
import type { ContentIssue } from "./issues";
import { type CueFigure, measureAnswerCues } from "./answer-cues";
import { findNearDuplicateStems } from "./near-duplicates";
import type { ContentPack, LoadedItem, LoadedLesson } from "./pack";
import { type Blueprint, isExamQuestion } from "./schema";

export const COVERAGE_RULES = {
  minLessons: 40,
  minExamQuestions: 1000,
  minPerTaskStatement: 15,
  /** Exam questions per topic (main and final pool together). */
  minPerTopic: 12,
  maxDomainShareDeviation: 2,
  minMultipleShare: 0.25,
  maxMultipleShare: 0.35,
  minPracticeItems: 30,
  minQuestionsPerLesson: 3,
  nearDuplicateThreshold: 0.6,
  /** The final mock draws 65 from this pool; two mocks' worth, per domain too. */
  minFinalPool: 130,
  /** Questions per exam guide v2.1 addition, and a lesson that teaches it. */
  minPerGuideAddition: 6,
  /** Every question and practice item cites at least this many AWS pages. */
  minReferences: 1,
} as const;

const CHOOSE_WORDS: Record<number, string> = { 2: "TWO", 3: "THREE" };

export type TopicCoverage = {
  id: string;
  title: string;
  taskStatement: string;
  notes: string[];
  lessons: string[];
  examQuestions: number;
  finalPool: number;
  practiceItems: number;
};
export type TaskStatementCoverage = {
  code: string;
  title: string;
  examQuestions: number;
  multiple: number;
  lessons: number;
};
export type DomainCoverage = {
  number: number;
  title: string;
  weight: number;
  examQuestions: number;
  share: number;
};
export type Coverage = {
  lessons: number;
  examQuestions: number;
  multiple: number;
  practiceByType: Record<"ordering" | "matching" | "numeric", number>;
  difficulty: Record<1 | 2 | 3, number>;
  domains: DomainCoverage[];
  taskStatements: TaskStatementCoverage[];
  topics: TopicCoverage[];
  finalPool: { total: number; byDomain: Record<number, number>; neededByDomain: Record<number, number> };
  guideAdditions: { id: string; title: string; scored: boolean; lessons: string[]; examQuestions: number; practiceItems: number }[];
  references: { registered: number; cited: number; citations: number; itemsWithout: number };
  cues: CueFigure[];
};

type Index = {
  taskStatements: Map<string, { domain: number; topics: Set<string> }>;
  topics: Map<string, { taskStatement: string; title: string; notes: string[] }>;
  guideAdditions: Set<string>;
  references: Set<string>;
};

function indexBlueprint(blueprint: Blueprint, issues: ContentIssue[], file: string): Index {
  const taskStatements: Index["taskStatements"] = new Map();
  const topics: Index["topics"] = new Map();
  const weightTotal = blueprint.domains.reduce((sum, d) => sum + d.weight, 0);
  if (weightTotal !== 100) {
    issues.push({ level: "error", file, field: "domains.weight", message: `weights add up to ${weightTotal}, not 100` });
  }
  blueprint.domains.forEach((domain, d) => {
    domain.taskStatements.forEach((ts, t) => {
      const field = `domains.${d}.taskStatements.${t}`;
      if (!ts.code.startsWith(`${domain.number}.`)) {
        issues.push({ level: "error", file, field: `${field}.code`, message: `${ts.code} is not in domain ${domain.number}` });
      }
      if (taskStatements.has(ts.code)) {
        issues.push({ level: "error", file, field: `${field}.code`, message: `duplicate task statement ${ts.code}` });
      }
      taskStatements.set(ts.code, { domain: domain.number, topics: new Set(ts.topics.map((topic) => topic.id)) });
      ts.topics.forEach((topic, i) => {
        if (topics.has(topic.id)) {
          issues.push({ level: "error", file, field: `${field}.topics.${i}.id`, message: `duplicate topic id ${topic.id}` });
        }
        topics.set(topic.id, { taskStatement: ts.code, title: topic.title, notes: topic.notes });
      });
    });
  });
  return { taskStatements, topics, guideAdditions: new Set(blueprint.exam.guideAdditions.map((g) => g.id)), references: new Set() };
}

function checkLesson(lesson: LoadedLesson, index: Index, lessonIds: Set<string>, issues: ContentIssue[]) {
  const { file, frontmatter: fm, body } = lesson;
  const error = (field: string, message: string) => issues.push({ level: "error", file, field, message });
  const warn = (field: string, message: string) => issues.push({ level: "warning", file, field, message });

  const base = path.basename(file).replace(/\.mdx?$/, "");
  const expectedBase = `${String(fm.order).padStart(2, "0")}-${fm.id}`;
  if (base !== expectedBase) error("id", `file name should be ${expectedBase}.md (nn = order, then the id)`);
  const dir = path.basename(path.dirname(file));
  if (dir !== `d${fm.domain}`) error("domain", `lesson of domain ${fm.domain} is in folder ${dir}, expected d${fm.domain}`);

  const ts = index.taskStatements.get(fm.taskStatement);
  if (!ts) error("taskStatement", `unknown task statement ${fm.taskStatement}`);
  else if (ts.domain !== fm.domain) error("taskStatement", `${fm.taskStatement} is not in domain ${fm.domain}`);
  fm.topics.forEach((topic, i) => {
    if (!index.topics.has(topic)) error(`topics.${i}`, `unknown topic ${topic}`);
  });
  fm.examGuide.forEach((tag, i) => {
    if (!index.guideAdditions.has(tag)) error(`examGuide.${i}`, `unknown exam guide addition ${tag}`);
  });
  fm.related.forEach((related, i) => {
    if (!lessonIds.has(related)) error(`related.${i}`, `unknown lesson ${related}`);
    if (related === fm.id) error(`related.${i}`, "a lesson cannot be related to itself");
  });

  if (!/^## Exam tips\s*$/m.test(body)) error("body", 'missing "## Exam tips" section');
  if (!/^## Common traps\s*$/m.test(body)) error("body", 'missing "## Common traps" section');
  if (!/^## Worked examples?\b/m.test(body)) warn("body", 'no "## Worked example" section');
  for (const match of body.matchAll(/\]\(lesson:([^)\s]+)\)/g)) {
    if (!lessonIds.has(match[1]!)) error("body", `link to unknown lesson ${match[1]}`);
  }
  let inFence = false;
  const lines = body.split("\n");
  lines.forEach((line, i) => {
    const fence = /^\s*```(\S*)/.exec(line);
    if (!fence) {
      // A table's header row is the row above its |---| delimiter row; screen readers read every header out.
      if (!inFence && TABLE_DELIMITER.test(lines[i + 1] ?? "") && line.trim().startsWith("|")) {
        tableCells(line).forEach((cell, column) => {
          if (cell === "") error(`body line ${i + 1}`, `table header cell ${column + 1} is empty: give the column a heading`);
        });
      }
      return;
    }
    if (!inFence && !fence[1]) warn(`body line ${i + 1}`, "code block without a language");
    inFence = !inFence;
  });
  if (inFence) error("body", "unclosed code block");
}

const TABLE_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** The trimmed cells of a markdown table row ("| a | `x|y` |" → ["a", "`x|y`"]); pipes in code spans or escaped do not split. */
export function tableCells(row: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let inCode = false;
  const text = row.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === "\\" && text[i + 1] === "|") {
      cell += "|";
      i++;
    } else if (ch === "`") {
      inCode = !inCode;
      cell += ch;
    } else if (ch === "|" && !inCode) {
      cells.push(cell.trim());
      cell = "";
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

function checkItem(
  loaded: LoadedItem,
  index: Index,
  lessonsById: Map<string, LoadedLesson>,
  issues: ContentIssue[],
) {
  const { file, item } = loaded;
  const error = (field: string, message: string) =>
    issues.push({ level: "error", file, field: `${item.id}.${field}`, message });
  const warn = (field: string, message: string) =>
    issues.push({ level: "warning", file, field: `${item.id}.${field}`, message });

  const prefix = isExamQuestion(item) ? "q" : "p";
  if (!item.id.startsWith(`${prefix}-${item.topic}-`)) {
    error("id", `${item.type} item ids look like ${prefix}-${item.topic}-001`);
  }
  const fileTopic = path.basename(file).replace(/\.ya?ml$/, "");
  if (fileTopic !== item.topic) warn("topic", `item of topic ${item.topic} sits in ${fileTopic}.yaml`);

  const ts = index.taskStatements.get(item.taskStatement);
  if (!ts) error("taskStatement", `unknown task statement ${item.taskStatement}`);
  const topic = index.topics.get(item.topic);
  if (!topic) error("topic", `unknown topic ${item.topic}`);
  else if (topic.taskStatement !== item.taskStatement) {
    error("topic", `topic ${item.topic} belongs to ${topic.taskStatement}, not ${item.taskStatement}`);
  }
  const lesson = lessonsById.get(item.lesson);
  if (!lesson) error("lesson", `unknown lesson ${item.lesson}`);
  else if (!lesson.frontmatter.topics.includes(item.topic) && lesson.frontmatter.taskStatement !== item.taskStatement) {
    error("lesson", `lesson ${item.lesson} teaches neither topic ${item.topic} nor task statement ${item.taskStatement}`);
  }

  item.examGuide.forEach((tag, i) => {
    if (!index.guideAdditions.has(tag)) error(`examGuide.${i}`, `unknown exam guide addition ${tag}`);
  });
  if (item.references.length < COVERAGE_RULES.minReferences) {
    error("references", "cite at least one AWS documentation page that supports the key");
  }
  item.references.forEach((url, i) => {
    if (!index.references.has(url)) {
      error(`references.${i}`, `${url} is not in content/dva-c02/references/ (add it there once you have checked the page exists)`);
    }
  });

  const duplicateKeys = (keys: string[], field: string) => {
    const seen = new Set<string>();
    for (const key of keys) {
      if (seen.has(key)) error(field, `duplicate key ${key}`);
      seen.add(key);
    }
  };

  if (item.type === "single" || item.type === "multiple") {
    duplicateKeys(item.choices.map((c) => c.key), "choices");
    const texts = new Set<string>();
    item.choices.forEach((c, i) => {
      const normalised = c.text.trim().toLowerCase();
      if (texts.has(normalised)) error(`choices.${i}.text`, "two choices have the same text");
      texts.add(normalised);
    });
    const correct = item.choices.filter((c) => c.correct).length;
    if (item.type === "single") {
      if (item.choices.length !== 4) error("choices", `single needs 4 choices, has ${item.choices.length}`);
      if (correct !== 1) error("choices", `single needs exactly 1 correct choice, has ${correct}`);
      if (/\(Choose (TWO|THREE)\.\)/.test(item.stem)) error("stem", "a single-answer stem must not say (Choose N.)");
    } else {
      if (item.choices.length < 5 || item.choices.length > 6) {
        error("choices", `multiple needs 5 or 6 choices, has ${item.choices.length}`);
      }
      if (correct < 2 || correct > 3) error("choices", `multiple needs 2 or 3 correct choices, has ${correct}`);
      const word = CHOOSE_WORDS[correct];
      if (word && !item.stem.includes(`(Choose ${word}.)`)) {
        error("stem", `stem must say "(Choose ${word}.)" to match ${correct} correct choices`);
      }
    }
  } else if (item.type === "ordering") {
    duplicateKeys(item.items.map((i) => i.key), "items");
  } else if (item.type === "matching") {
    duplicateKeys(item.pairs.map((p) => p.key), "pairs");
    const answers = new Set(item.pairs.map((p) => p.answer.trim().toLowerCase()));
    if (answers.size !== item.pairs.length) error("pairs", "every answer in a matching item must be distinct");
    const prompts = new Set(item.pairs.map((p) => p.prompt.trim().toLowerCase()));
    if (prompts.size !== item.pairs.length) error("pairs", "every prompt in a matching item must be distinct");
  }
}

export function validateContentPack(pack: ContentPack): { issues: ContentIssue[]; coverage: Coverage | null } {
  const issues: ContentIssue[] = [...pack.issues];
  if (!pack.blueprint) return { issues, coverage: null };
  const blueprintFile = path.relative(process.cwd(), path.join(pack.root, "blueprint.yaml"));
  const index = indexBlueprint(pack.blueprint, issues, blueprintFile);
  for (const ref of pack.references) index.references.add(ref.url);

  const lessonsById = new Map<string, LoadedLesson>();
  for (const lesson of pack.lessons) {
    const existing = lessonsById.get(lesson.frontmatter.id);
    if (existing) {
      issues.push({ level: "error", file: lesson.file, field: "id", message: `duplicate lesson id (also ${existing.file})` });
    }
    lessonsById.set(lesson.frontmatter.id, lesson);
  }
  const lessonIds = new Set(lessonsById.keys());
  for (const lesson of pack.lessons) checkLesson(lesson, index, lessonIds, issues);

  const itemFiles = new Map<string, string>();
  for (const loaded of pack.items) {
    const existing = itemFiles.get(loaded.item.id);
    if (existing) {
      issues.push({ level: "error", file: loaded.file, field: loaded.item.id, message: `duplicate id (also in ${existing})` });
    }
    itemFiles.set(loaded.item.id, loaded.file);
    checkItem(loaded, index, lessonsById, issues);
  }

  for (const pair of findNearDuplicateStems(
    pack.items.map(({ item }) => ({ id: item.id, stem: item.stem })),
    COVERAGE_RULES.nearDuplicateThreshold,
  )) {
    issues.push({
      level: "error",
      file: itemFiles.get(pair.b) ?? "",
      field: `${pair.b}.stem`,
      message: `near-duplicate of ${pair.a} (${itemFiles.get(pair.a)}), similarity ${pair.similarity.toFixed(2)}`,
    });
  }

  const coverage = computeCoverage(pack, index);
  issues.push(...coverageIssues(coverage, pack));
  return { issues, coverage };
}

function computeCoverage(pack: ContentPack, index: Index): Coverage {
  const blueprint = pack.blueprint!;
  const exam = pack.items.map((l) => l.item).filter(isExamQuestion);
  const practice = pack.items.map((l) => l.item).filter((i) => !isExamQuestion(i));
  const count = <T>(list: T[], keep: (x: T) => boolean) => list.filter(keep).length;

  const domains = blueprint.domains.map((d) => {
    const n = count(exam, (q) => index.taskStatements.get(q.taskStatement)?.domain === d.number);
    return {
      number: d.number,
      title: d.title,
      weight: d.weight,
      examQuestions: n,
      share: exam.length ? (100 * n) / exam.length : 0,
    };
  });
  const taskStatements = blueprint.domains.flatMap((d) =>
    d.taskStatements.map((ts) => ({
      code: ts.code,
      title: ts.title,
      examQuestions: count(exam, (q) => q.taskStatement === ts.code),
      multiple: count(exam, (q) => q.taskStatement === ts.code && q.type === "multiple"),
      lessons: count(pack.lessons, (l) => l.frontmatter.taskStatement === ts.code),
    })),
  );
  const topics = [...index.topics.entries()].map(([id, t]) => ({
    id,
    title: t.title,
    taskStatement: t.taskStatement,
    notes: t.notes,
    lessons: pack.lessons.filter((l) => l.frontmatter.topics.includes(id)).map((l) => l.frontmatter.id),
    examQuestions: count(exam, (q) => q.topic === id),
    finalPool: count(exam, (q) => q.topic === id && q.pool === "final"),
    practiceItems: count(practice, (p) => p.topic === id),
  }));
  const domainOf = (q: { taskStatement: string }) => index.taskStatements.get(q.taskStatement)?.domain ?? 0;
  const finalQuestions = exam.filter((q) => q.pool === "final");
  const perMock = apportion(
    blueprint.exam.questionCount,
    blueprint.domains.map((d) => ({ key: String(d.number), weight: d.weight, cap: Number.POSITIVE_INFINITY })),
  );
  const finalPool = {
    total: finalQuestions.length,
    byDomain: Object.fromEntries(blueprint.domains.map((d) => [d.number, count(finalQuestions, (q) => domainOf(q) === d.number)])),
    neededByDomain: Object.fromEntries(
      blueprint.domains.map((d) => [d.number, Math.ceil((COVERAGE_RULES.minFinalPool * (perMock.get(String(d.number)) ?? 0)) / blueprint.exam.questionCount)]),
    ),
  };
  const guideAdditions = blueprint.exam.guideAdditions.map((g) => ({
    id: g.id,
    title: g.title,
    scored: g.scored,
    lessons: pack.lessons.filter((l) => l.frontmatter.examGuide.includes(g.id)).map((l) => l.frontmatter.id),
    examQuestions: count(exam, (q) => q.examGuide.includes(g.id)),
    practiceItems: count(practice, (p) => p.examGuide.includes(g.id)),
  }));
  const allItems = pack.items.map((l) => l.item);
  const citedUrls = new Set(allItems.flatMap((i) => i.references));
  const references = {
    registered: pack.references.length,
    cited: citedUrls.size,
    citations: allItems.reduce((n, i) => n + i.references.length, 0),
    itemsWithout: count(allItems, (i) => i.references.length === 0),
  };
  const cues = measureAnswerCues(exam.map((q) => ({ id: q.id, type: q.type, stem: q.stem, choices: q.choices })));
  return {
    finalPool,
    guideAdditions,
    references,
    cues,
    lessons: pack.lessons.length,
    examQuestions: exam.length,
    multiple: count(exam, (q) => q.type === "multiple"),
    practiceByType: {
      ordering: count(practice, (p) => p.type === "ordering"),
      matching: count(practice, (p) => p.type === "matching"),
      numeric: count(practice, (p) => p.type === "numeric"),
    },
    difficulty: {
      1: count(exam, (q) => q.difficulty === 1),
      2: count(exam, (q) => q.difficulty === 2),
      3: count(exam, (q) => q.difficulty === 3),
    },
    domains,
    taskStatements,
    topics,
  };
}

function coverageIssues(coverage: Coverage, pack: ContentPack): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const file = "coverage";
  const error = (field: string, message: string) => issues.push({ level: "error", file, field, message });
  const rules = COVERAGE_RULES;

  if (coverage.lessons < rules.minLessons) error("lessons", `${coverage.lessons} lessons, need at least ${rules.minLessons}`);
  if (coverage.examQuestions < rules.minExamQuestions) {
    error("questions", `${coverage.examQuestions} exam questions, need at least ${rules.minExamQuestions}`);
  }
  const multipleShare = coverage.examQuestions ? coverage.multiple / coverage.examQuestions : 0;
  if (multipleShare < rules.minMultipleShare) {
    error("questions.multiple", `${(100 * multipleShare).toFixed(1)}% multiple response, need at least ${100 * rules.minMultipleShare}%`);
  }
  const practiceTotal = Object.values(coverage.practiceByType).reduce((a, b) => a + b, 0);
  if (practiceTotal < rules.minPracticeItems) {
    error("practice", `${practiceTotal} practice items, need at least ${rules.minPracticeItems}`);
  }
  for (const [type, n] of Object.entries(coverage.practiceByType)) {
    if (n === 0) error(`practice.${type}`, `no ${type} items`);
  }
  for (const d of coverage.domains) {
    if (Math.abs(d.share - d.weight) > rules.maxDomainShareDeviation) {
      error(`domain ${d.number}`, `${d.share.toFixed(1)}% of exam questions, blueprint weight ${d.weight}% (±${rules.maxDomainShareDeviation})`);
    }
  }
  for (const ts of coverage.taskStatements) {
    if (ts.examQuestions < rules.minPerTaskStatement) {
      error(`task statement ${ts.code}`, `${ts.examQuestions} exam questions, need at least ${rules.minPerTaskStatement}`);
    }
    if (ts.lessons === 0) error(`task statement ${ts.code}`, "no lesson teaches it");
  }
  const multipleShareMax = coverage.examQuestions ? coverage.multiple / coverage.examQuestions : 0;
  if (multipleShareMax > rules.maxMultipleShare) {
    error("questions.multiple", `${(100 * multipleShareMax).toFixed(1)}% multiple response, at most ${100 * rules.maxMultipleShare}%`);
  }
  for (const t of coverage.topics) {
    if (t.lessons.length === 0) error(`topic ${t.id}`, "no lesson teaches it");
    if (t.examQuestions < rules.minPerTopic) {
      error(`topic ${t.id}`, `${t.examQuestions} exam questions, need at least ${rules.minPerTopic}`);
    }
  }
  if (coverage.finalPool.total < rules.minFinalPool) {
    error("final pool", `${coverage.finalPool.total} questions held back for the final mock, need at least ${rules.minFinalPool}`);
  }
  for (const [domain, needed] of Object.entries(coverage.finalPool.neededByDomain)) {
    const have = coverage.finalPool.byDomain[Number(domain)] ?? 0;
    if (have < needed) error(`final pool domain ${domain}`, `${have} held-back questions, need at least ${needed} (two mocks' share)`);
  }
  for (const g of coverage.guideAdditions) {
    if (g.lessons.length === 0) error(`exam guide ${g.id}`, "no lesson is tagged with it");
    if (g.examQuestions + g.practiceItems < rules.minPerGuideAddition) {
      error(`exam guide ${g.id}`, `${g.examQuestions + g.practiceItems} items tagged, need at least ${rules.minPerGuideAddition}`);
    }
  }
  for (const cue of coverage.cues) {
    if (cue.hitRate > cue.limit) {
      error(
        `cues.${cue.type}.${cue.strategy}`,
        `the "${cue.strategy}" strategy finds the key of ${(100 * cue.hitRate).toFixed(1)}% of ${cue.type}-response questions (chance ${(100 * cue.chance).toFixed(1)}%, limit ${(100 * cue.limit).toFixed(1)}%); run npm run content:check -- --cues to list the questions that give it away`,
      );
    }
  }
  const questionsPerLesson = new Map<string, number>();
  for (const { item } of pack.items) {
    if (isExamQuestion(item)) questionsPerLesson.set(item.lesson, (questionsPerLesson.get(item.lesson) ?? 0) + 1);
  }
  for (const lesson of pack.lessons) {
    const n = questionsPerLesson.get(lesson.frontmatter.id) ?? 0;
    if (n < rules.minQuestionsPerLesson) {
      issues.push({
        level: "error",
        file: lesson.file,
        field: "questions",
        message: `${n} exam questions name this lesson; its "check yourself" quiz needs at least ${rules.minQuestionsPerLesson}`,
      });
    }
  }
  return issues;
}
