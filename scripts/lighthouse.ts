// npm run test:lighthouse — Lighthouse (the npm package, mobile form factor with
// its default emulation and simulated throttling) in Debian's Chromium, against
// the production build, on the pages a student lives in, signed in as the demo
// student: the dashboard, the Exams page, the runner mid-exam (a timed mock
// started and a few answers saved) and the results of a graded attempt.
//
// Method: after the setup, each page is rendered once on the server, then one
// unreported warm-up Lighthouse run of each page, then LIGHTHOUSE_RUNS (3) runs
// of each, each after the machine has been quiet for 2 s; a page's row is the
// median run (Lighthouse's computeMedianRun). LIGHTHOUSE_REVERSE=1 audits in
// reverse order; LIGHTHOUSE_TASKS=1 logs each run's long main-thread tasks.
//
// Targets: performance ≥ 95, accessibility 100, no console errors (the
// errors-in-console audit passes). Exits 1 when any page misses one, and
// writes the scores to docs/lighthouse.md and docs/lighthouse.json with the
// date, the command and the commit.
//
// The server is the e2e suite's (e2e/support/server.ts: the production build,
// built first if missing or stale, on a fresh database) with the demo data, on
// LIGHTHOUSE_PORT (default 3300). Chromium is started here with a debugging
// port (what chrome-launcher does, without another dependency); Playwright
// attaches to it over CDP to sign in and set the pages up, so
// Lighthouse's tab has the same session cookie (Lighthouse's storage reset
// keeps cookies).
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
// Lighthouse's own median-run picker.
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";
import { type Page, chromium } from "@playwright/test";
import { machineTicks } from "./bench/cpu";
import { type Chrome, launchChrome } from "./lighthouse-chrome";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.LIGHTHOUSE_PORT ?? 3300);
const origin = `http://localhost:${port}`;
const TARGETS = { performance: 95, accessibility: 100 };
const STUDENT = { email: "student@stratus.dev", password: "stratus-student-1" };

type PageScore = {
  page: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  consoleErrors: string[];
  metrics: Record<string, string>;
  failedAccessibilityAudits: string[];
  missed: string[];
  /** Performance of each run, in order; the row shows the median run. */
  runScores: number[];
  /** Lighthouse's measure of this machine's CPU (its own slow-host warning is below 1000). */
  benchmarkIndex: number;
  /** Where the main thread's time went (Lighthouse's mainthread-work-breakdown and bootup-time audits, throttled). */
  mainThread: string[];
};

const log = (message: string) => console.log(`[lighthouse] ${message}`);

/** Share of all cores busy over the next `ms` milliseconds, in percent. */
async function machineBusy(ms: number): Promise<number> {
  const before = machineTicks();
  await new Promise((r) => setTimeout(r, ms));
  const after = machineTicks();
  return Math.round((100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total));
}

/**
 * Waits (up to a minute) until the machine has been quiet for two seconds:
 * the setup's graded mock starts background jobs (its learning, then the bank
 * statistics), and simulated throttling multiplies whatever else the CPU does.
 */
async function untilQuiet(): Promise<number> {
  let busy = 100;
  for (let waited = 0; waited < 60_000 && busy > 20; waited += 2000) busy = await machineBusy(2000);
  return busy;
}

function startServer(): ChildProcess {
  const server = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), path.join(root, "e2e/support/server.ts")], {
    cwd: root,
    env: {
      ...process.env,
      E2E_PORT: String(port),
      // Its own embedded database port, apart from the e2e suite's.
      E2E_EMBEDDED_DB_PORT: process.env.E2E_EMBEDDED_DB_PORT ?? String(54_300 + (port % 100)),
      STRATUS_DEMO_DATA: "1",
      // A real mock's length: the runner must not run out of time mid-audit.
      STRATUS_MOCK_MINUTES: "130",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  server.stdout!.on("data", keep);
  server.stderr!.on("data", keep);
  server.on("exit", (code) => {
    if (code) console.error(`[lighthouse] the server exited with ${code}:\n${output}`);
  });
  return server;
}

async function waitForServer(server: ChildProcess): Promise<void> {
  const until = Date.now() + 10 * 60_000;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error("the server stopped before it was ready");
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not come up in 10 minutes");
}

async function signIn(page: Page): Promise<void> {
  const { csrfToken } = (await (await page.request.get(`${origin}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await page.request.post(`${origin}/api/auth/callback/credentials`, {
    form: { ...STUDENT, csrfToken, callbackUrl: "/dashboard" },
    maxRedirects: 0,
  });
  if (response.status() !== 302 || (response.headers()["location"] ?? "").includes("error")) throw new Error("the demo student could not sign in");
}

/** Starts a mock from the Exams page and answers the first `answers` questions; returns the runner's path. */
async function startMock(page: Page, answers: number): Promise<string> {
  await page.goto(`${origin}/exams`);
  await page.getByRole("button", { name: /^(Start a mock exam|Resume)/ }).first().click();
  await page.waitForURL(/\/attempts\/[\w-]+$/);
  await page.getByRole("heading", { name: /Question \d+ of 65/ }).waitFor();
  for (let i = 0; i < answers; i++) {
    const choose = await page.getByText(/^Choose \d/).count();
    const count = choose ? Number(/Choose (\d)/.exec((await page.getByText(/^Choose \d/).first().textContent()) ?? "")?.[1] ?? 1) : 1;
    const choices = page.locator("main input[type=radio][name], main input[type=checkbox][name]");
    for (let c = 0; c < count; c++) await choices.nth(c).check();
    await page.getByRole("button", { name: "Next →" }).click();
  }
  await page.locator("[data-save-state]").filter({ hasText: "All answers saved" }).waitFor({ timeout: 30_000 });
  return new URL(page.url()).pathname;
}

async function gradedAttempt(page: Page): Promise<string> {
  const runner = await startMock(page, 3);
  await page.getByRole("button", { name: "Review and submit" }).click();
  await page.getByRole("button", { name: "Submit exam" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit" }).click();
  await page.waitForURL(/\/results$/, { timeout: 60_000 });
  return `${runner}/results`;
}

/** Lighthouse runs per page; the report keeps the median run (Lighthouse's own computeMedianRun, as its variability guide advises). */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>["lhr"];

const consoleErrorsOf = (lhr: Lhr): string[] => {
  const consoleAudit = lhr.audits["errors-in-console"];
  if (consoleAudit?.score === 1) return [];
  const items = ((consoleAudit?.details as { items?: Array<{ description?: string; sourceLocation?: { url?: string } }> } | undefined)?.items ?? []).map(
    (item) => `${item.description ?? "error"}${item.sourceLocation?.url ? ` (${item.sourceLocation.url})` : ""}`,
  );
  return items.length ? items : ["errors-in-console failed"];
};

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { data?: { url?: string; functionName?: string } } };

/** LIGHTHOUSE_TASKS=1: the observed (unthrottled) tasks over 10 ms on the page's main thread, with what ran inside. */
function logLongTasks(artifacts: { Trace: { traceEvents: TraceEvent[] } }): void {
  const events = artifacts.Trace.traceEvents;
  const start = events.find((e) => e.name === "navigationStart");
  // The page's main thread is the one that marked navigationStart.
  const onMain = (e: TraceEvent) => !start || (e.pid === start.pid && e.tid === start.tid);
  for (const task of events.filter((e) => e.name === "RunTask" && (e.dur ?? 0) > 10_000 && onMain(e))) {
    const inside = events
      .filter((e) => e.pid === task.pid && e.tid === task.tid && e.ph === "X" && e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur! && (e.dur ?? 0) > 2000)
      .slice(0, 6)
      .map((e) => `${e.name} ${Math.round((e.dur ?? 0) / 1000)}${e.args?.data?.url ? ` ${e.args.data.url.slice(-28)}` : ""}`);
    log(`  task at ${Math.round((task.ts - (start?.ts ?? task.ts)) / 1000)} ms: ${Math.round(task.dur! / 1000)} ms — ${inside.join(" | ")}`);
  }
}

async function audit(name: string, pagePath: string, chromePort: number): Promise<PageScore> {
  log(`auditing ${name} (${pagePath}), ${RUNS} runs`);
  const runs: Lhr[] = [];
  for (let run = 0; run < RUNS; run++) {
    await untilQuiet();
    const result = await lighthouse(`${origin}${pagePath}`, {
      port: chromePort,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility", "best-practices"],
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${pagePath}`);
    if (result.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${pagePath}: ${result.lhr.runtimeError.message}`);
    runs.push(result.lhr);
    if (process.env.LIGHTHOUSE_TASKS) logLongTasks(result.artifacts as unknown as { Trace: { traceEvents: TraceEvent[] } });
  }
  const lhr = computeMedianRun(runs) as Lhr;
  const runScores = runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100));
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failedAccessibilityAudits = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .map((ref) => {
      const items = ((lhr.audits[ref.id]?.details as { items?: Array<{ node?: { selector?: string } }> } | undefined)?.items ?? []).map((i) => i.node?.selector).filter(Boolean);
      return `${ref.id}: ${items.slice(0, 5).join(", ")}`;
    });
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? "–";
  mkdirSync(path.join(root, "tmp/lighthouse"), { recursive: true });
  writeFileSync(path.join(root, `tmp/lighthouse/${name.toLowerCase().replace(/\W+/g, "-")}.json`), JSON.stringify(lhr));
  type Row = { group?: string; groupLabel?: string; duration?: number; url?: string; total?: number; scripting?: number; scriptParseCompile?: number };
  const rowsOf = (id: string) => ((lhr.audits[id]?.details as { items?: Row[] } | undefined)?.items ?? []);
  const mainThread = [
    ...rowsOf("mainthread-work-breakdown").slice(0, 4).map((r) => `${r.groupLabel ?? r.group}: ${Math.round(r.duration ?? 0)} ms`),
    ...rowsOf("bootup-time").slice(0, 4).map((r) => `${(r.url ?? "").replace(origin, "")}: ${Math.round(r.total ?? 0)} ms (script ${Math.round(r.scripting ?? 0)}, parse ${Math.round(r.scriptParseCompile ?? 0)})`),
  ];
  const scores: PageScore = {
    page: name,
    path: pagePath.replace(/\/attempts\/[^/]+/, "/attempts/:id"),
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    // Any run's console errors count, not only the median run's.
    consoleErrors: [...new Set(runs.flatMap(consoleErrorsOf))],
    runScores,
    metrics: {
      FCP: metric("first-contentful-paint"),
      LCP: metric("largest-contentful-paint"),
      TBT: metric("total-blocking-time"),
      CLS: metric("cumulative-layout-shift"),
      "Speed Index": metric("speed-index"),
      "Total bytes": metric("total-byte-weight"),
      "DOM elements": String(lhr.audits["dom-size"]?.numericValue ?? "–"),
    },
    failedAccessibilityAudits,
    missed: [],
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    mainThread,
  };
  if (scores.performance < TARGETS.performance) scores.missed.push(`performance ${scores.performance} < ${TARGETS.performance}`);
  if (scores.accessibility < TARGETS.accessibility) scores.missed.push(`accessibility ${scores.accessibility} < ${TARGETS.accessibility}`);
  if (scores.consoleErrors.length) scores.missed.push(`console errors: ${scores.consoleErrors.join("; ")}`);
  log(`${name}: performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores.bestPractices}${scores.missed.length ? ` — MISSED: ${scores.missed.join("; ")}` : ""}`);
  log(`${name}: benchmarkIndex ${scores.benchmarkIndex}; ${JSON.stringify(scores.metrics)}; main thread: ${mainThread.join(" | ")}`);
  return scores;
}

function gitCommit(): string {
  try {
    const sha = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root }).toString().trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root }).toString().trim() !== "";
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return "unknown";
  }
}

function writeReport(scores: PageScore[], started: number, chromeVersion: string): void {
  const date = new Date().toISOString();
  const command = "npm run test:lighthouse";
  const commit = gitCommit();
  const seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(
    path.join(root, "docs/lighthouse.json"),
    `${JSON.stringify({ date, command, commit, loadAverage: loadavg()[0], chromium: chromeVersion, formFactor: "mobile", throttling: "Lighthouse default (simulated)", targets: TARGETS, seconds, pages: scores }, null, 2)}\n`,
  );
  const rows = scores.map(
    (s) =>
      `| ${s.page} | \`${s.path}\` | ${s.performance} (${s.runScores.join(", ")}) | ${s.accessibility} | ${s.bestPractices} | ${s.consoleErrors.length ? "errors" : "none"} | ${s.metrics.FCP} | ${s.metrics.LCP} | ${s.metrics.TBT} | ${s.metrics.CLS} | ${s.metrics["DOM elements"]} |`,
  );
  const missed = scores.flatMap((s) => s.missed.map((m) => `- ${s.page}: ${m}`));
  const failedAudits = scores.flatMap((s) => s.failedAccessibilityAudits.map((a) => `- ${s.page}: ${a}`));
  writeFileSync(
    path.join(root, "docs/lighthouse.md"),
    [
      "# Lighthouse",
      "",
      "Written by `npm run test:lighthouse` (scripts/lighthouse.ts): Lighthouse in its mobile setting (default emulation and simulated throttling) in Debian's Chromium, on the production build, signed in as the demo student. Targets: performance ≥ 95, accessibility 100, no console errors.",
      "",
      `- Date: ${date}`,
      `- Command: \`${command}\``,
      `- Commit: ${commit}`,
      `- Chromium: ${chromeVersion}`,
      `- Took: ${seconds} s (server start, setup, one unreported warm-up run of each page, then ${RUNS} runs of each of four audits; each row is Lighthouse's median run, picked by its computeMedianRun)`,
      `- Machine load average (1 min) when the audits ended: ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`,
      `- Lighthouse's benchmark index of this machine's CPU: ${scores.map((s) => s.benchmarkIndex).join(", ")} (Lighthouse warns of a slow host below 1,000; its 4× CPU slowdown is meant for a fast desktop host, so no recalibration here)`,
      "",
      "| Page | Path | Performance (each run) | Accessibility | Best practices | Console errors | FCP | LCP | TBT | CLS | DOM elements |",
      "| --- | --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
      ...rows,
      "",
      missed.length ? `**Targets missed:**\n\n${missed.join("\n")}` : "Every page meets every target.",
      ...(failedAudits.length ? ["", "Accessibility audits that failed:", "", ...failedAudits] : []),
      "",
      "Performance under simulated throttling still scales with how busy the machine is: Lighthouse replays the main-thread work it observed at 4× CPU slowdown, so on a shared 2-core machine under load (load average ~20 while other builds and test suites ran) Total Blocking Time is inflated many times over and the score says more about the machine than the page. Read it beside `uptime`; accessibility and console errors do not depend on load.",
      "",
      "Not part of `npm test`: the run takes several minutes (its own server start with migrations and seed, the setup, four audits), well over the 3-minute budget for a gate here, and its performance target would make the gate depend on the machine's load.",
      "",
    ].join("\n"),
  );
}

const started = Date.now();
const server = startServer();
let chrome: Chrome | undefined;
let failed = true;
try {
  log(`starting the production server on port ${port} (builds first if the build is stale)`);
  await waitForServer(server);
  chrome = await launchChrome();
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const chromeVersion = browser.version();
  const context = browser.contexts()[0]!;
  const page = await context.newPage();
  await signIn(page);
  log("setting up: a graded mock, then a mock in progress with three answers saved");
  const results = await gradedAttempt(page);
  const runner = await startMock(page, 3);
  const pages = [
    ["Dashboard", "/dashboard"],
    ["Exams", "/exams"],
    ["Runner mid-exam", runner],
    ["Results", results],
  ] as const;
  // The server as a student meets it: each page rendered once before it is
  // audited (a fresh process loads a route's modules on its first request),
  // and the job that records the graded mock's learning given time to finish.
  // The browser side stays cold: Lighthouse clears the origin's storage and
  // cache before each run.
  for (const [, pagePath] of pages) await page.goto(`${origin}${pagePath}`, { waitUntil: "networkidle" });
  await page.close();
  log(`machine ${await untilQuiet()}% busy before the audits`);

  const scores: PageScore[] = [];
  // LIGHTHOUSE_REVERSE=1 audits the pages in reverse order; the report keeps the usual order.
  const order = process.env.LIGHTHOUSE_REVERSE ? [...pages].reverse() : pages;
  // A warm-up pass, not reported: one Lighthouse run of each page. Without it the
  // first page audited scored worst whichever page it was (forward order:
  // dashboard 86, results 94; reversed: results 80, dashboard 93; same build and
  // quiet machine, minutes apart). With it, passes still differ by up to 6 points
  // a page (docs/lighthouse.md), so read one pass's scores with that spread.
  log("warm-up pass (one unreported Lighthouse run of each page)");
  for (const [, pagePath] of order) {
    await untilQuiet();
    await lighthouse(`${origin}${pagePath}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  }
  for (const [name, pagePath] of order) scores.push(await audit(name, pagePath, chrome.port));
  if (process.env.LIGHTHOUSE_REVERSE) scores.reverse();
  await browser.close().catch(() => undefined);
  writeReport(scores, started, chromeVersion);
  failed = scores.some((s) => s.missed.length > 0);
  log(`${failed ? "targets missed" : "every target met"}; written to docs/lighthouse.md and docs/lighthouse.json (${Math.round((Date.now() - started) / 1000)} s)`);
} catch (error) {
  console.error(`[lighthouse] ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  chrome?.kill();
  // The server runs in its own process group (start.ts, the app processes, the job worker): end all of it,
  // and make sure it ended (an app process once outlived the SIGTERM and kept the port).
  const group = -server.pid!;
  try {
    process.kill(group, "SIGTERM");
    for (let waited = 0; waited < 10_000; waited += 200) {
      process.kill(group, 0);
      await new Promise((r) => setTimeout(r, 200));
    }
    process.kill(group, "SIGKILL");
  } catch {
    // the group is gone
  }
}
process.exit(failed ? 1 : 0);
