// Blind review of the question bank, as the content brief requires: a reviewer
// answers questions without their keys, then the answers are scored against
// the keys and every disagreement is listed to be settled against the docs.
//   npm run content:review -- sheet <filter> <out.json>     write a blind sheet (no keys, no explanations)
//   npm run content:review -- score <sheet-answers.json>    compare a reviewer's answers with the keys
// <filter>: comma-separated parts of question file paths ("d1/sqs,d1/cors"; "d2" for a domain).
// The answers file is the sheet with each question's "answer" filled in: an
// array of choice keys (e.g. ["b"] or ["a","d"]), plus an optional "note".
import { readFileSync, writeFileSync } from "node:fs";
import { loadContentPack } from "../lib/content/pack";
import { isExamQuestion } from "../lib/content/schema";

type SheetQuestion = { id: string; file: string; type: "single" | "multiple"; stem: string; choices: Array<{ key: string; text: string }>; answer?: string[]; note?: string };

const [command, a, b] = process.argv.slice(2);
const pack = loadContentPack();
const exam = pack.items.filter((l) => isExamQuestion(l.item));

if (command === "sheet" && a && b) {
  const parts = a.split(",");
  const sheet: SheetQuestion[] = exam
    .filter((l) => parts.some((p) => l.file.includes(p)))
    .map(({ file, item }) => {
      if (!isExamQuestion(item)) throw new Error("unreachable");
      return { id: item.id, file, type: item.type, stem: item.stem, choices: item.choices.map(({ key, text }) => ({ key, text })) };
    });
  writeFileSync(b, JSON.stringify(sheet, null, 2));
  console.log(`${sheet.length} questions written to ${b} (no keys, no explanations)`);
} else if (command === "score" && a) {
  const answers = JSON.parse(readFileSync(a, "utf8")) as SheetQuestion[];
  const keyOf = new Map(exam.map(({ item }) => [item.id, isExamQuestion(item) ? item.choices.filter((c) => c.correct).map((c) => c.key).sort() : []]));
  let agreed = 0;
  const disagreements: string[] = [];
  const missing: string[] = [];
  for (const q of answers) {
    const key = keyOf.get(q.id);
    if (!key) continue;
    if (!q.answer?.length) {
      missing.push(q.id);
      continue;
    }
    const given = [...q.answer].sort();
    if (given.join(",") === key.join(",")) agreed++;
    else disagreements.push(`${q.id}: reviewer ${given.join(",")} — key ${key.join(",")}${q.note ? ` — note: ${q.note}` : ""}`);
  }
  console.log(`${agreed} of ${answers.length - missing.length} answered questions match the key (${missing.length} unanswered)`);
  if (disagreements.length) console.log(`Disagreements (${disagreements.length}):\n${disagreements.map((d) => `  ${d}`).join("\n")}`);
  if (missing.length) console.log(`Unanswered: ${missing.join(", ")}`);
} else {
  console.error("usage: npm run content:review -- sheet <filter> <out.json> | score <answers.json>");
  process.exit(2);
}
