// npm test — the whole gate, in order: lint, typecheck, content check, unit
// tests, integration tests (real database), production build, end-to-end tests
// (Chromium), then the cluster fault test (two instances behind nginx,
// e2e/cluster/; needs nginx and PostgreSQL's binaries). Every step runs even
// when an earlier one fails (except e2e, which needs the build), and the last
// line totals every check and test case:
// "N passed, N failed". Each gate (lint, typecheck, content, build) counts as
// one check; unit, integration and e2e count their test cases.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = process.cwd();
const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });

type Outcome = { name: string; passed: number; failed: number; seconds: number; note?: string };
const outcomes: Outcome[] = [];

/** Why each failed step failed, printed again just above the summary: CI keeps only the end of a long log. */
const failures: string[] = [];
const MAX_FAILURE_LINES = 40;
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, "");

/** Runs a step with its output passed through; returns its exit code and the last 200 KB it printed. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    let output = "";
    const child = spawn(command, args, { stdio: ["inherit", "pipe", "pipe"], env });
    const keep = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
      to.write(chunk);
      output = (output + chunk.toString()).slice(-200_000);
    };
    child.stdout!.on("data", keep(process.stdout));
    child.stderr!.on("data", keep(process.stderr));
    child.on("error", () => resolve({ code: 127, output }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Keeps the parts of a failed step's output that say why: up to 25 lines from the first line matching each pattern, else its last lines. */
function noteFailure(name: string, output: string, starts: RegExp[]): void {
  const lines = plain(output).split("\n").filter((line) => line.trim());
  const froms = starts
    .map((start) => lines.findIndex((line) => start.test(line)))
    .filter((from) => from >= 0)
    .sort((a, b) => a - b);
  const parts = froms.map((from, i) => lines.slice(from, Math.min(from + 25, froms[i + 1] ?? Infinity)).join("\n"));
  failures.push(`── ${name} ──\n${parts.length ? parts.join("\n…\n") : lines.slice(-MAX_FAILURE_LINES).join("\n")}`);
}

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

async function gate(name: string, command: string, args: string[]) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const { code, output } = await run(command, args);
  if (code !== 0) noteFailure(name, output, [/error|✖|failed/i]);
  outcomes.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, seconds: (Date.now() - started) / 1000 });
  return code === 0;
}

async function vitest(name: string, project: string) {
  const started = Date.now();
  console.log(`\n━━ ${name} tests ━━`);
  const report = path.join(results, `${project}.json`);
  rmSync(report, { force: true });
  const { code, output } = await run(bin("vitest"), ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`]);
  // Vitest's own account of failures: failed tests, files that failed to load or in a hook, unhandled errors.
  if (code !== 0) noteFailure(`${name} tests`, output, [/Failed Tests \d|Failed Suites \d/, /Unhandled Errors/]);
  const seconds = (Date.now() - started) / 1000;
  if (!existsSync(report)) {
    outcomes.push({ name: `${name} tests`, passed: 0, failed: 1, seconds, note: `vitest exited ${code} without a report` });
    return;
  }
  const json = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numFailedTestSuites: number };
  // A file that fails to load has no failed tests but a failed suite: count it.
  const failed = json.numFailedTests + (json.numFailedTests === 0 && code !== 0 ? Math.max(1, json.numFailedTestSuites) : 0);
  outcomes.push({ name: `${name} tests`, passed: json.numPassedTests, failed, seconds });
}

async function playwright(name = "end-to-end tests", reportFile = "e2e-results.json", args: string[] = []) {
  const started = Date.now();
  console.log(`\n━━ ${name} (Chromium) ━━`);
  const report = path.join(results, reportFile);
  rmSync(report, { force: true });
  const { code, output } = await run(bin("playwright"), ["test", ...args]);
  if (code !== 0) noteFailure(name, output, [/^\s+\d+\) /]);
  const seconds = (Date.now() - started) / 1000;
  if (!existsSync(report)) {
    outcomes.push({ name, passed: 0, failed: 1, seconds, note: `playwright exited ${code} without a report` });
    return;
  }
  const stats = (JSON.parse(readFileSync(report, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } }).stats;
  const failed = stats.unexpected + stats.flaky + (code !== 0 && stats.unexpected === 0 ? 1 : 0);
  outcomes.push({ name, passed: stats.expected, failed, seconds });
}

const started = Date.now();
await gate("lint", bin("eslint"), [".", "--max-warnings", "0"]);
await gate("typecheck", "npm", ["run", "-s", "typecheck"]);
await gate("content check", "npm", ["run", "-s", "content:check"]);
await vitest("unit", "unit");
await vitest("component", "component");
await vitest("integration", "integration");
const built = await gate("build", bin("next"), ["build"]);
if (built) await playwright();
else outcomes.push({ name: "end-to-end tests", passed: 0, failed: 1, seconds: 0, note: "skipped: the build failed" });
// It makes two builds of its own (a deployment id each): pointless when the build above failed.
if (built) await playwright("cluster fault test", "cluster-results.json", ["-c", "playwright.cluster.config.ts"]);
else outcomes.push({ name: "cluster fault test", passed: 0, failed: 1, seconds: 0, note: "skipped: the build failed" });

const passed = outcomes.reduce((n, o) => n + o.passed, 0);
const failed = outcomes.reduce((n, o) => n + o.failed, 0);
if (failures.length) console.log(`\n━━ why each failed step failed (excerpts; the full output is above) ━━\n${failures.join("\n")}`);
console.log("\n━━ summary ━━");
for (const o of outcomes) {
  console.log(
    `${o.failed ? "✗" : "✓"} ${o.name.padEnd(20)} ${String(o.passed).padStart(4)} passed ${String(o.failed).padStart(3)} failed  ${o.seconds.toFixed(0).padStart(4)} s${o.note ? `  (${o.note})` : ""}`,
  );
}
console.log(`database: ${process.env.TEST_DATABASE_URL ? "PostgreSQL (TEST_DATABASE_URL)" : "embedded PGlite"}; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
const totals = `${passed} passed, ${failed} failed`;
writeFileSync(path.join(results, "totals.txt"), `${totals}\n`);
console.log(totals);
process.exit(failed ? 1 : 0);
