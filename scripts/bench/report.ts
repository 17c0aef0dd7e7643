// Writes docs/benchmarks.md from a bench run's JSON, so every figure in the
// document is one that was measured. The runner calls it at the end of a run;
// it can also be run on its own:
//   npx tsx scripts/bench/report.ts [docs/benchmarks/results.json] [docs/benchmarks.md]
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CpuReport } from "./cpu";
import { type DashboardResult, renderDashboardReport } from "./dashboard-report";
import type { MachineInfo } from "./machine";
import type { CapacityResult, Step, Target } from "./scenarios/capacity";
import type { OperationCost } from "./scenarios/costs";
import type { StartStormResult, StartStormRun } from "./scenarios/start-storm";
import type { SteadyResult, SteadyRun } from "./scenarios/steady";
import type { RaceTrial } from "./scenarios/grading-race";
import type { SubmitStormResult, SubmitStormRun } from "./scenarios/submit-storm";

type Report = {
  date: string;
  command: string;
  durationSeconds: number;
  machine: MachineInfo;
  config: {
    quick: boolean;
    runs: number;
    students: number;
    poolMax: number;
    scenarios: string[];
    database: string;
    appPort: number;
    distDir: string;
    graceSeconds: number;
    buildSeconds: number | null;
    setupMs: Record<string, number>;
    httpClient: string;
  };
  results: {
    costs?: OperationCost[];
    startStorm?: StartStormResult;
    steady?: SteadyResult;
    capacity?: CapacityResult;
    submitStorm?: SubmitStormResult;
  };
};

const TARGET_LABELS: Record<Target, string> = {
  app: "app answers route (session + zod + Prisma)",
  "next-raw": "bare Next.js route + pg (no auth)",
  "node-bare": "bare node:http + pg",
  pgbench: "pgbench (database only)",
};
const SERVER_GROUP: Record<Target, string> = {
  app: "app server (next start)",
  "next-raw": "app server (next start)",
  "node-bare": "bare node server",
  pgbench: "pgbench",
};
const PG = "postgres (bench backends)";
const APP = "app server (next start)";
const GEN = "load generator";

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v < 10 ? v.toFixed(2) : v.toFixed(1)} ms`);
const pct = (v: number | undefined) => `${(v ?? 0).toFixed(0)}%`;
const yes = (ok: boolean) => (ok ? "✅ met" : "❌ missed");
const statuses = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([k, v]) => `${k}×${v}`)
    .join(", ");
const foreign = (c: CpuReport) => (c.groups["other processes"] ?? 0) + (c.groups["postgres (other databases)"] ?? 0);
/** CPU milliseconds per request of a group: % of one core × 10 ms/s ÷ requests per second. */
const cpuPerRequest = (c: CpuReport, group: string, rate: number) => (rate > 0 ? ((c.groups[group] ?? 0) * 10) / rate : 0);

function table(header: string[], rows: Array<Array<string | number>>): string {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function spread<T>(runs: T[], value: (r: T) => number, format: (v: number) => string = ms): string {
  const v = runs.map(value);
  return `${format(Math.min(...v))} – ${format(Math.max(...v))}`;
}

function cpuCells(c: CpuReport, server = APP, calibrationMs?: number): string[] {
  return [pct(c.groups[server]), pct(c.groups[PG]), pct(c.groups[GEN]), pct(foreign(c)), pct(c.machineBusyPct * 2), calibrationMs ? ms(calibrationMs) : "–"];
}
const CPU_HEADER = ["server CPU", "postgres CPU", "generator CPU", "other work", "machine busy (of 200%)", "calibration"];

/** Names the resource that ran out, from the CPU sampled during a step. */
function bottleneck(c: CpuReport, server: string): string {
  const s = c.groups[server] ?? 0;
  const p = c.groups[PG] ?? 0;
  const busy = c.machineBusyPct;
  if (server !== "pgbench" && s >= 85) {
    return `the ${server} process was CPU-bound (${pct(s)} of a core; one Node.js event loop tops out near 100%), while PostgreSQL used ${pct(p)}`;
  }
  if (p >= 130) return `PostgreSQL's backends used ${pct(p)} of the two cores (machine ${pct(busy * 2)} of 200%)`;
  if (busy >= 85) return `both cores were busy (${pct(busy * 2)} of 200%: server ${pct(s)}, PostgreSQL ${pct(p)}, load generator ${pct(c.groups[GEN])})`;
  return `no CPU was saturated (server ${pct(s)}, PostgreSQL ${pct(p)}, machine ${pct(busy * 2)} of 200%): the queueing is elsewhere (connection pool, locks or I/O)`;
}

function machineSection(r: Report): string {
  const m = r.machine;
  const c = r.config;
  return `## Machine, command, setup

| | |
| --- | --- |
| date | ${r.date} |
| command | \`${r.command}\` (${Math.round(r.durationSeconds / 60)} min) |
| commit | ${m.commit}${m.uncommittedChanges ? " (plus uncommitted changes in the working tree)" : ""} |
| cores (nproc) | ${m.nproc} |
| memory | ${m.memoryGiB} GiB |
| CPU | ${m.cpuModel} |
| kernel | ${m.kernel} |
| Node.js | ${m.node} |
| Next.js | ${m.next} |
| PostgreSQL | ${m.postgres} (${Object.entries(m.postgresSettings)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")}) |

- **Database**: ${c.database}, dropped and created for the run, migrated with the real \`prisma migrate deploy\`, seeded with the app's seed (content pack + demo users), plus ${c.students} bench students created in bulk with one shared argon2 hash (setup ${Object.entries(c.setupMs)
    .map(([k, v]) => `${k.replace(/Ms$/, "")} ${ms(v)}`)
    .join(", ")}). The bench runs \`VACUUM (ANALYZE)\` between scenarios, as this server runs with autovacuum ${m.postgresSettings.autovacuum ?? "?"}.
- **App**: production build in \`${c.distDir}\`${c.buildSeconds === null ? " (up to date with the sources, not rebuilt)" : ` (built in ${c.buildSeconds} s)`}, served by \`next start\` on port ${c.appPort} with \`DATABASE_POOL_MAX=${c.poolMax}\`, a fixed \`AUTH_SECRET\`, \`STRATUS_BENCH_ROUTES=1\` and a save grace of ${c.graceSeconds} s.
- **Sessions**: each simulated student's Auth.js session cookie is minted with \`encode\` from \`next-auth/jwt\` (the fields the app's jwt callback sets); the run first checks that one opens \`/dashboard\` (and that no cookie does not).
- **Load generator**: ${c.httpClient}. It shares the ${m.nproc} cores with the app and PostgreSQL; its own CPU is reported with every figure ("generator CPU").`;
}

function calibrationRange(r: Report): string {
  const values: number[] = [];
  const { steady, capacity, startStorm, submitStorm } = r.results;
  for (const x of [...(steady?.runs ?? []), ...(startStorm?.runs ?? []), ...(submitStorm?.runs ?? [])]) if (x.calibrationMs) values.push(x.calibrationMs);
  for (const run of capacity?.runs ?? []) for (const t of Object.values(run)) for (const step of t.steps) if (step.calibrationMs) values.push(step.calibrationMs);
  if (values.length === 0) return "";
  return `In this run it ranged from ${ms(Math.min(...values))} to ${ms(Math.max(...values))} (median ${ms([...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!)}).`;
}

function methodSection(r: Report): string {
  return `## How it measures

- **Open loop.** Every request has a send time fixed before the run (Poisson arrivals at the scenario's rate, or uniform random times inside a storm's window). Requests leave at those times whatever the responses do, and each latency is measured **from its scheduled time** to the last byte of the response, so queueing anywhere (generator, sockets, server, pool, database) counts and a slow server cannot slow the generator down to hide it (no coordinated omission).
- **${r.config.runs} runs** of every scenario; the tables mark the median run (by the scenario's key figure) and give the spread of all runs.
- **CPU** is sampled from \`/proc\` once a second and summed per process group (app server, PostgreSQL backends of the bench database, generator, other processes), as % of one core: 100% = one core busy, the machine has 200%.
- **Shared machine.** Other work on this machine (builds, tests) would distort the figures, so before each measurement the bench waits until other processes use under 10% of a core, and repeats a measurement (up to twice) when they used more than 20% during it. The "other work" column shows what remained.
- **Calibration.** This is a virtual machine with neighbours: other guests on the same host can slow the same CPU work down without showing up in \`/proc\` here. Before each measurement the bench times a fixed piece of JavaScript work (JSON round trips and arithmetic, median of three); the "calibration" column shows it (lower is faster). ${calibrationRange(r)}
- **Keep-alive.** A request that fails with ECONNRESET on a reused keep-alive socket (the server closed it as idle just as it was picked) is sent once more on a new connection, as browsers do, and counted as "resent"; its latency still runs from the first scheduled time.
- **Percentiles** are nearest-rank over every request of the run (no sampling, no histogram buckets). pgbench's come from its per-transaction log, where under \`-R\` each latency also runs from the scheduled start.`;
}

function costsSection(costs: OperationCost[]): string {
  return `## Cost of one request

Each exam operation called on its own, one at a time, through the same library code and Prisma client the app uses (outside Next.js): wall time, CPU time of the Node.js process, SQL statements sent and the time PostgreSQL took for them, as Prisma's query events report them (medians). The session rows time Auth.js alone; the "experiment" rows and the last row are not app code: they show what the same work costs written another way.

${table(
  ["operation", "samples", "wall", "Node CPU", "SQL statements", "database time"],
  costs.map((c) => [c.operation, c.samples, ms(c.wallMs), ms(c.nodeCpuMs), c.statements || "–", c.statements ? ms(c.databaseMs) : "–"]),
)}`;
}

function steadySection(s: SteadyResult): string {
  const m = s.runs[s.medianRun]!;
  const perSave = cpuPerRequest(m.cpu, APP, m.achievedRate);
  return `## Steady autosave — ${s.targets.rate} saves/s for ${m.seconds} s

1,000 students answering at exam pace: a one-save batch (\`{"saves":[…]}\`) from a random student to \`POST /api/attempts/:id/answers\` with that student's session cookie, Poisson arrivals at ${s.targets.rate}/s.

${table(
  ["run", "saves", "achieved /s", "p50", "p95", "p99", "max", "errors", "HTTP", "acks", ...CPU_HEADER],
  s.runs.map((r: SteadyRun, i) => [
    `${i + 1}${i === s.medianRun ? " (median)" : ""}`,
    r.sent,
    r.achievedRate,
    ms(r.latency.p50),
    ms(r.latency.p95),
    ms(r.latency.p99),
    ms(r.latency.max),
    `${r.errors}${r.reconnects ? ` (${r.reconnects} resent)` : ""}`,
    statuses(r.statuses),
    `saved ${r.acks.saved}, stale ${r.acks.stale}`,
    ...cpuCells(r.cpu, APP, r.calibrationMs),
  ]),
)}

Targets (median run): p95 ≤ ${s.targets.p95Ms} ms: ${yes(s.met.p95)} (${ms(m.latency.p95)}; spread ${spread(s.runs, (r) => r.latency.p95)}); p99 ≤ ${s.targets.p99Ms} ms: ${yes(s.met.p99)} (${ms(m.latency.p99)}; spread ${spread(s.runs, (r) => r.latency.p99)}); 0 errors: ${yes(s.met.errors)}.

**What limits it.** ${
    (m.cpu.groups[APP] ?? 0) < 70 && m.cpu.machineBusyPct < 80
      ? `At this rate nothing is saturated: the app server used ${pct(m.cpu.groups[APP])} of a core, about ${ms(perSave)} of CPU per save, PostgreSQL ${pct(m.cpu.groups[PG])}, the machine ${pct(m.cpu.machineBusyPct * 2)} of 200%. The latency is each save's own work plus waits behind other requests on the single Node.js event loop when arrivals bunch up. (CPU per save falls as the rate rises — more requests share each event-loop turn and each garbage collection — so the ladder below, measured nearer saturation, shows a lower figure.)`
      : `During the run ${bottleneck(m.cpu, APP)}; about ${ms(perSave)} of app-server CPU per save.`
  }`;
}

function perSaveAtTop(c: CapacityResult, t: Target, group: string): number | null {
  const s = c.summary[t];
  const run = c.runs[s.medianRun]?.[t];
  const top = run?.steps.filter((x) => x.held).sort((a, b) => b.rate - a.rate)[0];
  return top ? cpuPerRequest(top.cpu, group, top.achievedRate) : null;
}

function whereTheTimeGoes(c: CapacityResult, costs: OperationCost[] | undefined): string {
  const app = perSaveAtTop(c, "app", APP);
  const raw = perSaveAtTop(c, "next-raw", APP);
  const bare = perSaveAtTop(c, "node-bare", "bare node server");
  const db = perSaveAtTop(c, "pgbench", PG);
  if (app === null || raw === null || bare === null) return "";
  const cost = (prefix: string) => costs?.find((x) => x.operation.startsWith(prefix))?.nodeCpuMs;
  const auth = cost("session check as auth()");
  const decodeOnly = cost("session cookie decode only");
  const prisma = cost("saveAnswers (one save)");
  const pgOnly = cost("the same save UPDATE through pg");
  return `**Where the time goes.** Per save, at the highest rung each target held${db !== null ? `: PostgreSQL ${ms(db)} of CPU for the UPDATE itself (pgbench)` : ""}; the bare Node server ${ms(bare)} of Node.js CPU; the bare Next.js route ${ms(raw)}; the app route ${ms(app)}. So Next.js's routing and request/response handling add about ${ms(Math.max(0, raw - bare))} per request over plain \`node:http\`, and the app's own work on top of the same statement about ${ms(Math.max(0, app - raw))} more.${
    auth !== undefined && prisma !== undefined && pgOnly !== undefined
      ? ` The serial costs above account for most of that: the session check as \`auth()\` runs it costs ${ms(auth)} (decrypting the cookie is ${ms(decodeOnly ?? 0)} of it; the rest is Auth.js building a Request, re-encrypting the rolled token for a Set-Cookie and parsing its own JSON response), and the UPDATE through Prisma's \`$queryRaw\` ${ms(prisma)} against ${ms(pgOnly)} through \`pg\` directly.`
      : ""
  } One Node.js process can spend about 1,000 ms of CPU a second, which caps the app route near ${Math.round(1000 / app)} saves/s on this machine however fast the database is.`;
}

function capacitySection(c: CapacityResult, costs?: OperationCost[]): string {
  const targets = (Object.keys(c.summary) as Target[]).filter((t) => c.runs.some((r) => r[t]));
  const summaryRows = targets.map((t) => {
    const s = c.summary[t];
    const run = c.runs[s.medianRun]![t]!;
    const top = run.steps.filter((x) => x.held).sort((a, b) => b.rate - a.rate)[0];
    const server = SERVER_GROUP[t];
    const serverCpu = top ? (t === "pgbench" ? cpuPerRequest(top.cpu, PG, top.achievedRate) : cpuPerRequest(top.cpu, server, top.achievedRate)) : 0;
    const pgCpu = top ? cpuPerRequest(top.cpu, PG, top.achievedRate) : 0;
    return [
      TARGET_LABELS[t],
      `**${s.median}/s**`,
      s.heldRates.map((v) => `${v}`).join(" / "),
      top ? `${ms(top.latency.p50)} / ${ms(top.latency.p99)}` : "–",
      top && t !== "pgbench" ? ms(serverCpu) : "–",
      top ? ms(pgCpu) : "–",
    ];
  });
  const ladders = targets
    .map((t) => {
      const s = c.summary[t];
      const run = c.runs[s.medianRun]![t]!;
      const server = SERVER_GROUP[t];
      const failed = run.steps.find((x) => !x.held && x.rate > run.heldRate);
      return `#### ${TARGET_LABELS[t]} — median run (run ${s.medianRun + 1})${run.skippedBelow ? `, started at ${run.skippedBelow}/s` : ""}

${table(
  ["offered /s", "achieved /s", "p50", "p95", "p99", "max", "errors", "held", ...CPU_HEADER.map((h) => (h === "server CPU" ? `${server} CPU` : h))],
  run.steps.map((x: Step) => [
    x.rate,
    x.achievedRate,
    ms(x.latency.p50),
    ms(x.latency.p95),
    ms(x.latency.p99),
    ms(x.latency.max),
    `${x.errors}${x.reconnects ? ` (${x.reconnects} resent)` : ""}`,
    x.held ? "yes" : "**no**",
    ...cpuCells(x.cpu, server, x.calibrationMs),
  ]),
)}

${failed ? `At ${failed.rate}/s, ${bottleneck(failed.cpu, server)}.` : "No rung of the ladder failed."}`;
    })
    .join("\n\n");
  const app = c.summary.app;
  return `## Autosave capacity — the highest fixed rate held with p99 ≤ ${c.p99LimitMs} ms and no errors

The same UPDATE (saveAnswers' one statement, checked against \`lib/exams/attempts.ts\` at start-up) behind four front ends, measured in the same run on the same database: the app's answers route; a bare Next.js route handler (\`app/api/bench/raw-save\`, a module-level \`pg.Pool\`, **no session check on purpose**, to isolate the framework's cost); a bare \`node:http\` + \`pg\` server (\`scripts/bench/bare-server.ts\`); and pgbench (\`-M extended\`, ${c.clients.pgbenchClients} clients = the pool size, \`-R\` fixed rate). Each rung lasts ${c.stepSeconds} s after a warm-up. The first run climbs from ${c.ladder[0]}/s doubling the rate until a rung fails, then tries the rungs between; later runs start one rung below the first run's result. Ladder: ${c.ladder.join(", ")} /s.

${table(["target", "held (median)", "held per run", "p50 / p99 at that rate", "server CPU per save", "PostgreSQL CPU per save"], summaryRows)}

Target: the app route holds ≥ 400 saves/s: ${yes(c.met.appAtLeast400)} (${app.median}/s; runs ${app.heldRates.join(", ")}).

"CPU per save" is the process group's CPU time divided by the saves it served at the highest rung held. The faster rungs are limited by the machine rather than by the code under test: at a few thousand requests a second the load generator needs a third of a core and PostgreSQL most of another, on two cores in all.

${whereTheTimeGoes(c, costs)}

${ladders}`;
}

function startSection(s: StartStormResult, costs?: OperationCost[]): string {
  const m = s.runs[s.medianRun]!;
  const perStart = ((m.cpu.groups[APP] ?? 0) * 10 * m.cpu.seconds) / m.students;
  const throughput = m.students / m.wallSeconds;
  return `## Start storm — ${m.students} students start a mock within ${m.windowSeconds} s

Each student's start (at a uniformly random moment of the window) is \`POST /api/bench/start\`: the same \`startAttempt\` the Exams page's server action calls (mock: 65 questions balanced to the blueprint, unseen first, one open mock per student), then the runner's view (\`loadRunnerView\`, as the runner page loads it), returning the first question. "Time to first question" is that request's latency from its scheduled moment (it does not include rendering the page in a browser).

${table(
  ["run", "p50", "p95", "p99", "max", "HTTP", "with first question", "attempts (students, items)", "took", ...CPU_HEADER],
  s.runs.map((r: StartStormRun, i) => [
    `${i + 1}${i === s.medianRun ? " (median)" : ""}`,
    ms(r.latency.p50),
    ms(r.latency.p95),
    ms(r.latency.p99),
    ms(r.latency.max),
    statuses(r.statuses),
    r.withFirstQuestion,
    `${r.database.attempts} (${r.database.distinctStudents}, ${r.database.minItems}–${r.database.maxItems})`,
    `${r.wallSeconds} s`,
    ...cpuCells(r.cpu, APP, r.calibrationMs),
  ]),
)}

Targets: time to first question p95 ≤ 1 s: ${yes(s.met.p95)} (median run ${ms(m.latency.p95)}; spread ${spread(s.runs, (r) => r.latency.p95)}); exactly ${s.targets.attempts} attempts: ${yes(s.met.exactAttempts)}; no 5xx (checked as: every start answered 200): ${yes(s.met.no5xx)}.

**What limits it.** ${m.students} starts took ${m.wallSeconds} s to serve, about ${throughput.toFixed(0)} starts/s against ${(m.students / m.windowSeconds).toFixed(0)}/s arriving, so a queue builds for the whole window and the last students wait longest. During the storm ${bottleneck(m.cpu, APP)}: about ${ms(perStart)} of app-server CPU per start. ${startCosts(costs)}`;
}

function startCosts(costs?: OperationCost[]): string {
  const get = (prefix: string) => costs?.find((x) => x.operation.startsWith(prefix));
  const start = get("startAttempt");
  const view = get("loadRunnerView");
  const many = get("experiment: 65 attempt items via Prisma createMany");
  const unnest = get("experiment: the same 65 rows");
  const auth = get("session check as auth()");
  if (!start || !view) return "";
  return `The serial costs above show where: \`startAttempt\` takes ${ms(start.nodeCpuMs)} of Node.js CPU for ${ms(start.databaseMs)} of database time (${start.statements} statements), \`loadRunnerView\` ${ms(view.nodeCpuMs)}${auth ? `, the session check ${ms(auth.nodeCpuMs)}` : ""}: the CPU is in the app server's Prisma client and Auth.js, not in PostgreSQL.${many && unnest ? ` (The experiment rows show the change already made: 65 items through Prisma's \`createMany\` cost ${ms(many.nodeCpuMs)} of CPU, through one \`INSERT … unnest\` ${ms(unnest.nodeCpuMs)}.)` : ""} The time to first question measured here also leaves out rendering the runner page, which the browser needs next.`;
}

function probeOutcome(t: RaceTrial): string {
  return t.saveReturnedBeforeGradeCommitted
    ? `returned ${t.saveRowsUpdated} row after ${ms(t.saveWaitedMs)}, before the grade committed — the app would acknowledge it — and the attempt ended ${t.attemptStatus} with that answer stored (${t.stored.answerIsRight ? "right" : "wrong"}) but graded \`correct = ${t.stored.correct}\``
    : `waited ${ms(t.saveWaitedMs)}, until the grade committed, then changed ${t.saveRowsUpdated} rows — so the app answers 409 "already submitted" and the browser keeps the answer instead of believing it saved`;
}

function probeText(app?: RaceTrial, old?: RaceTrial): string {
  if (!app) return "";
  return `A deterministic probe forces it: connection A grades as the app does (lock the attempt FOR UPDATE, read the items, write \`correct\`, close the attempt, commit) while connection B sends saveAnswers' exact UPDATE between A's read and A's commit. With the app's statement the save ${probeOutcome(app)}.${old ? ` With the statement it used before commit dc85ac6, which joined the attempt without a lock, the same save ${probeOutcome(old)} — the defect this probe found.` : ""}`;
}

function submitCost(costs?: OperationCost[]): string {
  const submit = costs?.find((x) => x.operation.startsWith("submitAttempt"));
  const auth = costs?.find((x) => x.operation.startsWith("session check as auth()"));
  if (!submit) return "";
  return `A submit costs the app server the session check${auth ? ` (${ms(auth.nodeCpuMs)})` : ""}, a user lookup and \`submitAttempt\`: ${submit.statements} statements in an interactive transaction, ${ms(submit.nodeCpuMs)} of Node.js CPU for ${ms(submit.databaseMs)} of database time, measured one at a time.`;
}

function submitSection(s: SubmitStormResult, graceSeconds: number, costs?: OperationCost[]): string {
  const m = s.runs[s.medianRun]!;
  const v = m.verify;
  const throughput = m.students / (m.submit.latency.max / 1000 + (m.windowSeconds[1] - m.windowSeconds[0]));
  const probe = s.raceProbe;
  const appProbe = probe.find((p) => p.variant === "app's save statement");
  const oldProbe = probe.find((p) => p.variant !== "app's save statement");
  return `## Submit storm — ${m.students} submits around one deadline

${m.students} mock attempts share a deadline set in the database ${m.deadlineLeadSeconds} s ahead; answers 1–60 are already saved. Each student saves a last answer and then submits (as the runner does: it flushes its queue before submitting) at a uniformly random moment from ${Math.abs(m.windowSeconds[0])} s before to ${m.windowSeconds[1]} s after the deadline (a 5 s window); 5% submit a second time 0–300 ms later without waiting (double click / second tab); 5% send a save ${graceSeconds}.5–${graceSeconds + 2}.5 s after the deadline, past the ${graceSeconds} s grace. An extra probe: 5% of students save from a second tab 0–100 ms after their submit left. Then SQL checks every attempt.

${table(
  ["run", "submits", "submit p50", "p95", "p99", "max", "HTTP", "last save p99", "late saves", "other-tab saves", ...CPU_HEADER],
  s.runs.map((r: SubmitStormRun, i) => [
    `${i + 1}${i === s.medianRun ? " (median)" : ""}`,
    `${r.submit.count} (${r.submit.duplicates} duplicates)`,
    ms(r.submit.latency.p50),
    ms(r.submit.latency.p95),
    ms(r.submit.latency.p99),
    ms(r.submit.latency.max),
    statuses(r.submit.statuses),
    ms(r.finalSave.latency.p99),
    statuses(r.lateSave.statuses),
    statuses(r.raceSave.acks),
    ...cpuCells(r.cpu, APP, r.calibrationMs),
  ]),
)}

What the database holds afterwards (each run):

${table(
  ["check", ...s.runs.map((_, i) => `run ${i + 1}`)],
  (
    [
      ["attempts graded (SUBMITTED / EXPIRED / still open)", (r) => `${r.verify.submitted} / ${r.verify.expired} / ${r.verify.stillOpen}`],
      ["gradedAt set", (r) => r.verify.gradedAtSet],
      ["students whose mastery evidence exceeds what one grading adds (graded twice)", (r) => r.verify.masteryOver],
      ["students with answers stored that their grade did not count", (r) => r.verify.masteryUnder],
      ["attempts two submit responses both claim to have graded", (r) => r.verify.apiGradedTwice],
      ["items whose stored `correct` disagrees with their stored answer", (r) => r.verify.itemCorrectMismatch],
      ["attempts whose rawScore ≠ their correct items", (r) => r.verify.rawScoreMismatch],
      [`answers stored after deadline + ${graceSeconds} s`, (r) => r.verify.answeredAfterCutoff],
      ["late saves accepted / stored", (r) => `${r.verify.lateAccepted} / ${r.verify.lateStored}`],
      ["saves acknowledged \"saved\"", (r) => r.verify.ackedSaves],
      ["… not in the database (lost)", (r) => r.verify.ackedLost],
      ["… in the database but left out of the grade", (r) => `${r.verify.ackedMissingFromGrade}${Object.keys(r.verify.ackedMissingFromGradeByKind).length ? ` (${statuses(r.verify.ackedMissingFromGradeByKind)})` : ""}`],
      ["last saves sent before the deadline and refused", (r) => r.verify.onTimeSavesRefused],
      ["submits sent before deadline + 0.5 s but graded EXPIRED", (r) => r.verify.onTimeSubmitsExpired],
    ] as Array<[string, (r: SubmitStormRun) => string | number]>
  ).map(([label, f]) => [label, ...s.runs.map(f)]),
)}

Targets: every attempt graded exactly once: ${yes(s.met.gradedOnce)}; submit p99 ≤ 2 s: ${yes(s.met.submitP99)} (median run ${ms(m.submit.latency.p99)}; spread ${spread(s.runs, (r) => r.submit.latency.p99)}); no answer stored after deadline + grace: ${yes(s.met.nothingAfterGrace)}; none acknowledged and lost (not in the database): ${yes(s.met.noAckLost)}; late saves refused: ${yes(s.met.lateRefused)}.

**What limits it.** ${
    s.met.gradedOnce
      ? 'The grading itself holds up under the storm: one grade per attempt, mastery evidence added once, duplicate submits answered "already graded". The time is the problem:'
      : "Some attempts were not graded exactly once (table above). The time is a problem too:"
  } the server grades about ${throughput.toFixed(0)} attempts/s while they arrive at ${(m.students / (m.windowSeconds[1] - m.windowSeconds[0])).toFixed(0)}/s, so submits queue for seconds; during the storm ${bottleneck(m.cpu, APP)}. ${submitCost(costs)} What that means for students:

- **On-time work graded as late.** The routes read the clock when a request reaches the handler, not when it arrived, so a submit queued past deadline + grace is graded EXPIRED and a last save queued that long is refused with 409 — ${v.onTimeSubmitsExpired} submits and ${v.onTimeSavesRefused} last saves in the median run, all sent before the deadline.
- **A save that arrives during grading.** ${probeText(appProbe, oldProbe)} ${
    s.runs.some((r) => r.verify.ackedMissingFromGrade > 0)
      ? `In the storm it happened to ${s.runs.map((r) => r.verify.ackedMissingFromGrade).join(" / ")} acknowledged saves per run (a duplicate submit or another tab's save overtaking the last save).`
      : "In this run's storms no acknowledged save was left out of a grade (the table's check)."
  }`;
}

function summarySection(r: Report, dashboard: DashboardResult | null): string {
  const rows: string[][] = [];
  const { steady, capacity, startStorm, submitStorm } = r.results;
  if (steady) {
    const m = steady.runs[steady.medianRun]!;
    rows.push(["steady autosave (46 saves/s)", "p95 ≤ 50 ms", ms(m.latency.p95), spread(steady.runs, (x) => x.latency.p95), yes(steady.met.p95)]);
    rows.push(["", "p99 ≤ 150 ms", ms(m.latency.p99), spread(steady.runs, (x) => x.latency.p99), yes(steady.met.p99)]);
    rows.push(["", "0 errors", String(m.errors), spread(steady.runs, (x) => x.errors, String), yes(steady.met.errors)]);
  }
  if (capacity) {
    for (const t of Object.keys(capacity.summary) as Target[]) {
      const s = capacity.summary[t];
      if (!capacity.runs.some((x) => x[t])) continue;
      rows.push([
        t === "app" ? "autosave capacity (p99 ≤ 300 ms, 0 errors)" : "",
        t === "app" ? "app route ≥ 400 saves/s" : `ladder: ${TARGET_LABELS[t]}`,
        `${s.median}/s`,
        `${Math.min(...s.heldRates)} – ${Math.max(...s.heldRates)}/s`,
        t === "app" ? yes(capacity.met.appAtLeast400) : "(reference)",
      ]);
    }
  }
  if (startStorm) {
    const m = startStorm.runs[startStorm.medianRun]!;
    rows.push(["start storm (1,000 in 10 s)", "time to first question p95 ≤ 1 s", ms(m.latency.p95), spread(startStorm.runs, (x) => x.latency.p95), yes(startStorm.met.p95)]);
    rows.push(["", "exactly 1,000 attempts", String(m.database.attempts), spread(startStorm.runs, (x) => x.database.attempts, String), yes(startStorm.met.exactAttempts)]);
    rows.push(["", "no 5xx (every start answered 200)", String(m.serverErrors), spread(startStorm.runs, (x) => x.serverErrors, String), yes(startStorm.met.no5xx)]);
  }
  if (submitStorm) {
    const m = submitStorm.runs[submitStorm.medianRun]!;
    rows.push(["submit storm (1,000 in 5 s)", "every attempt graded exactly once", `${m.verify.gradedAtSet} graded, ${m.verify.masteryOver} twice, ${m.verify.apiGradedTwice} double responses`, "", yes(submitStorm.met.gradedOnce)]);
    rows.push(["", "submit p99 ≤ 2 s", ms(m.submit.latency.p99), spread(submitStorm.runs, (x) => x.submit.latency.p99), yes(submitStorm.met.submitP99)]);
    rows.push(["", "no answer stored after deadline + grace", String(m.verify.answeredAfterCutoff), "", yes(submitStorm.met.nothingAfterGrace)]);
    const probe = submitStorm.raceProbe.find((x) => x.variant === "app's save statement");
    if (probe) {
      rows.push([
        "",
        "a save arriving during grading (deterministic probe)",
        probe.ackedButNotGraded ? "acknowledged, stored, not graded" : probe.saveRowsUpdated === 0 ? "waits for the grade, then refused" : "graded",
        "",
        probe.ackedButNotGraded ? "❌ defect" : "✅ ok",
      ]);
    }
    rows.push(["", "none acknowledged and lost", `${m.verify.ackedLost} lost; ${m.verify.ackedMissingFromGrade} stored but not graded`, spread(submitStorm.runs, (x) => x.verify.ackedMissingFromGrade, String), yes(submitStorm.met.noAckLost && submitStorm.runs.every((x) => x.verify.ackedMissingFromGrade === 0))]);
  }
  if (dashboard) {
    const p95s = dashboard.runs.map((x) => x.data.p95);
    rows.push([
      `student dashboard (${dashboard.concurrency} at a time, ${dashboard.data.students?.toLocaleString("en")} students)`,
      `server time p95 ≤ ${dashboard.target.p95Ms} ms`,
      ms(dashboard.median.data.p95),
      `${ms(Math.min(...p95s))} – ${ms(Math.max(...p95s))}`,
      yes(dashboard.median.data.p95 <= dashboard.target.p95Ms),
    ]);
    rows.push(["", "no query scans the answers table", dashboard.plans.some((p) => p.seqScanOnItems) ? "a plan scans it" : "none does", "", yes(!dashboard.plans.some((p) => p.seqScanOnItems))]);
  }
  return `## Summary

${table(["scenario", "target", "measured (median run)", "spread over runs", "verdict"], rows)}`;
}

function poolSection(root: string): string {
  const dir = path.join(root, "docs/benchmarks");
  if (!existsSync(dir)) return "";
  const files = readdirSync(dir)
    .filter((f) => /^pool-\d+\.json$/.test(f))
    .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  if (files.length === 0) return "";
  const reports = files.map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Report);
  const rows = reports.map((r) => {
    const st = r.results.startStorm?.runs[r.results.startStorm.medianRun];
    const sub = r.results.submitStorm?.runs[r.results.submitStorm.medianRun];
    return [
      String(r.config.poolMax),
      st ? `${ms(st.latency.p50)} / ${ms(st.latency.p95)}` : "–",
      st ? `${st.wallSeconds} s` : "–",
      st ? pct(st.cpu.groups[APP]) : "–",
      sub ? `${ms(sub.submit.latency.p50)} / ${ms(sub.submit.latency.p99)}` : "–",
      sub ? String(sub.verify.onTimeSubmitsExpired) : "–",
      sub ? pct(sub.cpu.groups[APP]) : "–",
      r.date.slice(0, 16).replace("T", " "),
      `\`${r.command}\``,
    ];
  });
  const worst = <T>(pick: (r: Report) => T | undefined, value: (t: T) => number) => {
    const scored = reports.map((r) => ({ pool: r.config.poolMax, t: pick(r) })).filter((x) => x.t !== undefined) as Array<{ pool: number; t: T }>;
    return scored.sort((a, b) => value(b.t) - value(a.t))[0];
  };
  const slowStart = worst((r) => r.results.startStorm?.runs[r.results.startStorm.medianRun], (x) => x.latency.p95);
  const mostExpired = worst((r) => r.results.submitStorm?.runs[r.results.submitStorm.medianRun], (x) => x.verify.onTimeSubmitsExpired);
  return `## Pool size (DATABASE_POOL_MAX)

Separate runs of the two storms with different pool sizes, one run each, from \`docs/benchmarks/pool-*.json\`:

${table(["pool", "start storm p50 / p95", "start storm took", "app server CPU", "submit p50 / p99", "on-time submits graded EXPIRED", "app server CPU", "date", "command"], rows)}

The pool does not change the throughput: at every size the app server's one Node.js process is close to a full core during both storms, so more connections only change how the queue is shared out. ${slowStart ? `The slowest start storm came with ${slowStart.pool} connections (likely: interactive transactions waiting for a free connection while those holding one are paused on the busy event loop)` : ""}${mostExpired ? `; the most submits finished past deadline + grace with ${mostExpired.pool} (likely: more gradings interleaved, each taking longer)` : ""}. These are single runs on a shared machine; treat small differences as noise. The bench keeps the app's default, **10**: enough for every interactive transaction the event loop can keep busy, and it leaves room under \`max_connections\` (100) for a second app instance (DESIGN §8) and the tools.
`;
}

export function writeReport(jsonPath: string, mdPath: string): void {
  const r = JSON.parse(readFileSync(jsonPath, "utf8")) as Report;
  const root = path.resolve(import.meta.dirname, "../..");
  const dashboardPath = path.join(path.dirname(jsonPath), "dashboard.json");
  const dashboard = !r.config.quick && existsSync(dashboardPath) ? (JSON.parse(readFileSync(dashboardPath, "utf8")) as DashboardResult) : null;
  const parts = [
    `# Benchmarks

Load tests of the exam's hot paths on a production build over PostgreSQL, written by \`npm run bench\` (\`scripts/bench/report.ts\`) from [\`${path.relative(path.dirname(mdPath), jsonPath)}\`](${path.relative(path.dirname(mdPath), jsonPath)}): every figure below is one that run measured. ${r.config.quick ? "**This is a --quick smoke run: short steps, not the reference figures.**" : ""}`,
    summarySection(r, dashboard),
    machineSection(r),
    methodSection(r),
    r.results.costs ? costsSection(r.results.costs) : "",
    r.results.steady ? steadySection(r.results.steady) : "",
    r.results.capacity ? capacitySection(r.results.capacity, r.results.costs) : "",
    r.results.startStorm ? startSection(r.results.startStorm, r.results.costs) : "",
    r.results.submitStorm ? submitSection(r.results.submitStorm, r.config.graceSeconds, r.results.costs) : "",
    poolSection(root),
    dashboard ? renderDashboardReport(dashboard) : "",
  ];
  writeFileSync(mdPath, `${parts.filter(Boolean).join("\n\n")}\n`);
}

if (process.argv[1]?.endsWith("report.ts")) {
  const root = path.resolve(import.meta.dirname, "../..");
  writeReport(path.resolve(root, process.argv[2] ?? "docs/benchmarks/results.json"), path.resolve(root, process.argv[3] ?? "docs/benchmarks.md"));
}
