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
    "## Domains",
    "",
    "| domain | weight | exam questions | share | within ±3 |",
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
    "| topic | task statement | notes | lessons | exam questions | practice | covered |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...coverage.topics.map(
      (t) =>
        `| ${t.title} (\`${t.id}\`) | ${t.taskStatement} | ${t.notes.join(", ")} | ${t.lessons.join(", ") || "—"} | ${t.examQuestions} | ${t.practiceItems} | ${mark(t.lessons.length > 0 && t.examQuestions > 0)} |`,
    ),
    "",
  ];
  return lines.join("\n");
}
