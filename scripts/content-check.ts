// npm run content:check — validates the content pack, prints every problem by
// file and field, writes docs/content-coverage.md, exits 1 on any error.
//   --only <path-prefix>  print only the file issues under that path (coverage is always shown)
//   --cues [filter]       list the questions whose key an answer-independent strategy finds
//                         outright, and the cue figures; the filter keeps files whose path
//                         contains any of its comma-separated parts ("d1", "d1/sqs,d1/cors")
import { writeFileSync } from "node:fs";
import path from "node:path";
import { cuesGivingAwayKey, measureAnswerCues } from "../lib/content/answer-cues";
import { renderCoverageReport } from "../lib/content/coverage-report";
import { formatIssue } from "../lib/content/issues";
import { loadContentPack } from "../lib/content/pack";
import { isExamQuestion } from "../lib/content/schema";
import { validateContentPack } from "../lib/content/validate";

const argument = (flag: string) => {
  const i = process.argv.indexOf(flag);
  return i >= 0 ? (process.argv[i + 1]?.startsWith("--") ? "" : (process.argv[i + 1] ?? "")) : undefined;
};
const only = argument("--only");
const cues = argument("--cues");

const pack = loadContentPack();
const { issues, coverage } = validateContentPack(pack);
const shown = only ? issues.filter((i) => i.file === "coverage" || i.file.includes(only)) : issues;
for (const issue of shown) console.log(formatIssue(issue));

if (cues !== undefined) {
  const questions = pack.items
    .filter((l) => !cues || cues.split(",").some((part) => l.file.includes(part)))
    .map((l) => l.item)
    .filter(isExamQuestion)
    .map((q) => ({ id: q.id, type: q.type, stem: q.stem, choices: q.choices }));
  console.log(`\nQuestions whose key a strategy finds outright${cues ? ` (${cues})` : ""}:`);
  for (const q of questions) {
    const giveaways = cuesGivingAwayKey(q);
    if (giveaways.length) console.log(`  ${q.id}: ${giveaways.join(", ")}`);
  }
  console.log(`\nCue figures${cues ? ` for ${cues}` : ""}:`);
  for (const f of measureAnswerCues(questions)) {
    const flag = f.hitRate > f.limit ? "  OVER LIMIT" : "";
    console.log(
      `  ${f.type.padEnd(8)} ${f.strategy.padEnd(18)} ${(100 * f.hitRate).toFixed(1).padStart(5)}%  (chance ${(100 * f.chance).toFixed(1)}%, limit ${(100 * f.limit).toFixed(1)}%)${flag}`,
    );
  }
}

if (coverage) {
  const report = path.join(process.cwd(), "docs", "content-coverage.md");
  writeFileSync(report, renderCoverageReport(coverage, issues));
  const practice = Object.values(coverage.practiceByType).reduce((a, b) => a + b, 0);
  console.log(
    `\n${coverage.lessons} lessons, ${coverage.examQuestions} exam questions (${coverage.multiple} multiple, ${coverage.finalPool.total} held back for the final mock), ${practice} practice items; ` +
      `domains ${coverage.domains.map((d) => `${d.number}: ${d.share.toFixed(1)}%`).join(", ")}; report: docs/content-coverage.md`,
  );
}
const errors = issues.filter((i) => i.level === "error").length;
const warnings = issues.length - errors;
console.log(`content:check — ${errors} errors, ${warnings} warnings`);
process.exit(errors > 0 ? 1 : 0);
