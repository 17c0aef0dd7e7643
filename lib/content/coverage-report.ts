// Renders the coverage summary as the markdown page docs/content-coverage.md. Pure.
import type { ContentIssue } from "./issues";
import { COVERAGE_RULES, type Coverage } from "./validate";

const pct = (n: number) => `${n.toFixed(1)}%`;
const mark = (ok: boolean) => (ok ? "yes" : "**NO**");

export function renderCoverageReport(coverage: Coverage, issues: ContentIssue[]): string {
  const errors = issues.filter((i) => i.level === "error").length;
  const warnings = issues.filter((i) => i.level === "warning").length;
  const practiceTotal = Object.values(coverage.practiceByType).reduce((a, b) => a + b, 0);
  const multipleShare = coverage.examQuestions ? (100 * coverage.multiple) / coverage.examQuestions : 0;
  const lines: string[] = [
    "# Content coverage",
    "",
    "Written by `npm run content:check`; do not edit by hand.",
    "",
    `Result: ${errors} errors, ${warnings} warnings.`,
    "",
    "## Totals",
    "",
    "| measure | value | rule | met |",
    "| --- | --- | --- | --- |",
    `| lessons | ${coverage.lessons} | ≥ ${COVERAGE_RULES.minLessons} | ${mark(coverage.lessons >= COVERAGE_RULES.minLessons)} |`,
    `| exam questions | ${coverage.examQuestions} | ≥ ${COVERAGE_RULES.minExamQuestions} | ${mark(coverage.examQuestions >= COVERAGE_RULES.minExamQuestions)} |`,
    `| multiple response | ${coverage.multiple} (${pct(multipleShare)}) | ≥ ${100 * COVERAGE_RULES.minMultipleShare}% | ${mark(multipleShare >= 100 * COVERAGE_RULES.minMultipleShare)} |`,
    `| practice items | ${practiceTotal} (ordering ${coverage.practiceByType.ordering}, matching ${coverage.practiceByType.matching}, numeric ${coverage.practiceByType.numeric}) | ≥ ${COVERAGE_RULES.minPracticeItems} | ${mark(practiceTotal >= COVERAGE_RULES.minPracticeItems)} |`,
    `| difficulty 1 / 2 / 3 | ${coverage.difficulty[1]} / ${coverage.difficulty[2]} / ${coverage.difficulty[3]} | | |`,
    "",
    `| exam questions held back for the final mock | ${coverage.finalPool.total} (domains ${Object.values(coverage.finalPool.byDomain).join(" / ")}) | ≥ ${COVERAGE_RULES.minFinalPool} (≥ ${Object.values(coverage.finalPool.neededByDomain).join(" / ")}) | ${mark(coverage.finalPool.total >= COVERAGE_RULES.minFinalPool && Object.entries(coverage.finalPool.neededByDomain).every(([d, n]) => (coverage.finalPool.byDomain[Number(d)] ?? 0) >= n))} |`,
    `| AWS documentation links | ${coverage.references.citations} citations of ${coverage.references.cited} pages (${coverage.references.registered} checked pages in references/) | every item cites one | ${mark(coverage.references.itemsWithout === 0)} (${coverage.references.itemsWithout} without) |`,
    "",
    "## Answer cues (test-wiseness strategies)",
    "",
    "Each row is a strategy a student could use without knowing AWS. The hit rate is the expected share of",
    "questions it answers right, ties broken at random; a multiple-response strategy picks its top N choices.",
    "Choices are also shuffled for every attempt, so position cannot be used in the app at all.",
    "",
    "| strategy | type | questions | hit rate | chance | limit | within |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...coverage.cues.map(
      (c) =>
        `| ${c.strategy} | ${c.type} | ${c.questions} | ${pct(100 * c.hitRate)} | ${pct(100 * c.chance)} | ${pct(100 * c.limit)} | ${mark(c.hitRate <= c.limit)} |`,
    ),
    "",
    "## Exam guide v2.1 additions",
    "",
    "| addition | scored | lessons | exam questions | practice items |",
    "| --- | --- | --- | --- | --- |",
    ...coverage.guideAdditions.map(
      (g) =>
        `| ${g.title} (\`${g.id}\`) | ${g.scored ? "yes" : "no: practice only, never in a mock"} | ${g.lessons.join(", ") || "—"} | ${g.examQuestions} | ${g.practiceItems} |`,
    ),
    "",
    "## Domains",
    "",
    `| domain | weight | exam questions | share | within ±${COVERAGE_RULES.maxDomainShareDeviation} |`,
    "| --- | --- | --- | --- | --- |",
    ...coverage.domains.map(
      (d) =>
        `| ${d.number}. ${d.title} | ${d.weight}% | ${d.examQuestions} | ${pct(d.share)} | ${mark(Math.abs(d.share - d.weight) <= COVERAGE_RULES.maxDomainShareDeviation)} |`,
    ),
    "",
    "## Task statements",
    "",
    "| task statement | lessons | exam questions | multiple | ≥ 15 |",
    "| --- | --- | --- | --- | --- |",
    ...coverage.taskStatements.map(
      (t) =>
        `| ${t.code} ${t.title} | ${t.lessons} | ${t.examQuestions} | ${t.multiple} | ${mark(t.examQuestions >= COVERAGE_RULES.minPerTaskStatement)} |`,
    ),
    "",
    "## Topics (every topic from the study notes)",
    "",
    `| topic | task statement | notes | lessons | exam questions | of which final pool | practice | ≥ ${COVERAGE_RULES.minPerTopic} and taught |`,
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...coverage.topics.map(
      (t) =>
        `| ${t.title} (\`${t.id}\`) | ${t.taskStatement} | ${t.notes.join(", ")} | ${t.lessons.join(", ") || "—"} | ${t.examQuestions} | ${t.finalPool} | ${t.practiceItems} | ${mark(t.lessons.length > 0 && t.examQuestions >= COVERAGE_RULES.minPerTopic)} |`,
    ),
    "",
  ];
  return lines.join("\n");
}
