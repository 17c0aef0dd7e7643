// npm run content:check — validates the content pack, prints every problem by
// file and field, writes docs/content-coverage.md, exits 1 on any error.
// `--only <path-prefix>` limits the printed file issues (coverage is always shown).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderCoverageReport } from "../lib/content/coverage-report";
import { formatIssue } from "../lib/content/issues";
import { loadContentPack } from "../lib/content/pack";
import { validateContentPack } from "../lib/content/validate";

const onlyIndex = process.argv.indexOf("--only");
const only = onlyIndex >= 0 ? process.argv[onlyIndex + 1] : undefined;

const pack = loadContentPack();
const { issues, coverage } = validateContentPack(pack);
const shown = only ? issues.filter((i) => i.file === "coverage" || i.file.includes(only)) : issues;
for (const issue of shown) console.log(formatIssue(issue));

if (coverage) {
  const report = path.join(process.cwd(), "docs", "content-coverage.md");
  writeFileSync(report, renderCoverageReport(coverage, issues));
  const practice = Object.values(coverage.practiceByType).reduce((a, b) => a + b, 0);
  console.log(
    `\n${coverage.lessons} lessons, ${coverage.examQuestions} exam questions (${coverage.multiple} multiple), ${practice} practice items; ` +
      `domains ${coverage.domains.map((d) => `${d.number}: ${d.share.toFixed(1)}%`).join(", ")}; report: docs/content-coverage.md`,
  );
}
const errors = issues.filter((i) => i.level === "error").length;
const warnings = issues.length - errors;
console.log(`content:check — ${errors} errors, ${warnings} warnings`);
process.exit(errors > 0 ? 1 : 0);
