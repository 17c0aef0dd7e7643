// Writes docs/benchmarks.md from a bench run's JSON, so every figure in the
// document is one that was measured. The runner calls it at the end of a run;
// it can also be run on its own:
//   npx tsx scripts/bench/report.ts [docs/benchmarks/results.json] [docs/benchmarks.md]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { CpuReport } from "./cpu";
import type { MachineInfo } from "./machine";
import type { CapacityResult, HotPathResult, Step, Target } from "./scenarios/capacity";
import type { ClassStormResult } from "./scenarios/class-storm";
import type { OperationCost } from "./scenarios/costs";
import type { StartStormResult, StartStormRun } from "./scenarios/start-storm";
import type { SteadyResult, SteadyRun } from "./scenarios/steady";
import type { SubmitStormResult, SubmitStormRun } from "./scenarios/submit-storm";

type Phase = {
  processes: number;
  /** "nginx": the storms again behind nginx (it stamps X-Request-Start), in front of the same server. */
  edge?: "nginx";
  capacity?: CapacityResult;
  hotPath?: HotPathResult;
  startStorm?: StartStormResult;
  steady?: SteadyResult;
  submitStorm?: SubmitStormResult;
  submitStormDense?: SubmitStormResult;
  classStorm?: ClassStormResult;
};

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
    processes: number[];
    stepSeconds: number;
    patienceSeconds: number;
    database: string;
    appPort: number;
    cores: number;
    distDir: string;
    graceSeconds: number;
    buildSeconds: number | null;
    setupMs: Record<string, number>;
    httpClient: string;
  };
  results: { costs?: OperationCost[]; phases: Phase[] };
};

const procs = (n: number) => `${n} process${n === 1 ? "" : "es"}`;
/** Where a phase was measured: "2 processes", or "2 processes behind nginx". */
const phaseLabel = (p: Phase) => `${procs(p.processes)}${p.edge === "nginx" ? " behind nginx" : ""}`;

const TARGET_LABELS: Record<Target, string> = {
  app: "app answers route (session + zod)",
  "next-raw": "bare Next.js route + pg (no auth)",
  "node-bare": "bare node:http + pg",
  pgbench: "pgbench (database only)",
};
const SERVER_GROUP: Record<Target, string> = {
  app: "app server",
  "next-raw": "app server",
  "node-bare": "bare node server",
  pgbench: "pgbench",
};
const PG = "postgres (bench backends)";
const APP = "app server";
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


/** The app's busiest event loop (scripts/server.ts logs it); "–" for other servers and older runs. */
const loopCell = (c: CpuReport, server: string) => (server === APP && c.eventLoopBusyPct !== undefined ? pct(c.eventLoopBusyPct) : "–");

function cpuCells(c: CpuReport, server = APP, calibrationMs?: number): string[] {
  return [pct(c.groups[server]), loopCell(c, server), pct(c.groups[PG]), pct(c.groups[GEN]), pct(foreign(c)), pct(c.machineBusyPct * 2), calibrationMs ? ms(calibrationMs) : "–"];
}
const CPU_HEADER = ["server CPU", "event loop busy", "postgres CPU", "generator CPU", "other work", "machine busy (of 200%)", "calibration"];

/** The new connections of a step and their wait between the primary's stamp and the server process (lib/edge/connection-handoff.ts); empty for older runs. */
function handoffNote(c: CpuReport): string {
  const h = c.handoff;
  if (!h) return "";
  return ` The primary handed ${h.connections.toLocaleString("en-US")} new connections to the server processes, each waiting p50 ${ms(h.waitP50Ms)}, p99 ${ms(h.waitP99Ms)} (max ${ms(h.waitMaxMs)}) between its stamp and the server process.`;
}

/** Names the resource that ran out, from the CPU sampled during a step. */
function bottleneck(c: CpuReport, server: string): string {
  const s = c.groups[server] ?? 0;
  const p = c.groups[PG] ?? 0;
  const busy = c.machineBusyPct;
  const loop = server === APP ? c.eventLoopBusyPct : undefined;
  // A saturated event loop is the limit even when /proc counts less than a core for the process.
  if (loop !== undefined && loop >= 90 && s < 85) {
    return `the server's event loop was busy ${pct(loop)} of the time, though /proc counted ${pct(s)} of a core for the process (time in system calls that wait, or the virtual CPU taken away by the host, counts as busy but not as CPU), while PostgreSQL used ${pct(p)} and the machine ${pct(busy * 2)} of 200%`;
  }
  if (server !== "pgbench" && s >= 85 && busy < 85) {
    return `the ${server} was CPU-bound (${pct(s)} of a core; each Node.js process tops out near 100%), while PostgreSQL used ${pct(p)}`;
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
- **App**: production build in \`${c.distDir}\` (\`STRATUS_BENCH_BUILD=1\`, so it also holds the bench-only \`route.bench.ts\` routes that no normal build has)${c.buildSeconds === null ? ", up to date with the sources, not rebuilt" : `, built in ${c.buildSeconds} s`}; served as \`npm start\` serves it, by \`scripts/server.ts\` (our edge stamps each request's arrival time, then hands it to Next.js) on port ${c.appPort}, first with ${c.processes.map(procs).join(", then with ")} (\`WEB_CONCURRENCY\`; the machine has ${c.cores} cores), each process with \`DATABASE_POOL_MAX=${c.poolMax}\`, a fixed \`AUTH_SECRET\` and a save grace of ${c.graceSeconds} s.
- **Job worker and nginx**: the job worker (\`scripts/worker.ts\`, the learning after each grade and the overdue sweep) runs beside the app as \`npm start\` runs it; its CPU is in the storms' "What limits it". The storms' second variant puts nginx (Debian's package, \`e2e/cluster/nginx.conf\`, one upstream) in front of the same server; the app trusts its \`X-Request-Start\` from 127.0.0.1 only (\`STRATUS_TRUSTED_PROXIES=127.0.0.1\`, \`STRATUS_REQUEST_START_HEADER=x-request-start\`, set for every phase: the load generator never sends that header, so without nginx each arrival time is \`scripts/server.ts\`'s own stamp).
- **Sessions**: each simulated student's Auth.js session cookie is minted with \`encode\` from \`next-auth/jwt\` (the fields the app's jwt callback sets); the run first checks that one opens \`/dashboard\` (and that no cookie does not).
- **Load generator**: ${c.httpClient}. It shares the ${m.nproc} cores with the app and PostgreSQL; its own CPU is reported with every figure ("generator CPU").
- **A shared machine.** These ${m.nproc} cores are also shared with other work (other checkouts building and testing): the "other work" column shows it for every figure. ${foreignRange(r)} So a second server process competes for the same two cores with PostgreSQL, the load generator and that other work; 1 against ${c.cores} processes below is measured on this machine as it was, not on an idle one.`;
}

function calibrationRange(r: Report): string {
  const values: number[] = [];
  for (const phase of r.results.phases) {
    const { steady, capacity, startStorm, submitStorm, submitStormDense, hotPath } = phase;
    for (const x of [...(steady?.runs ?? []), ...(startStorm?.runs ?? []), ...(submitStorm?.runs ?? []), ...(submitStormDense?.runs ?? [])]) if (x.calibrationMs) values.push(x.calibrationMs);
    for (const run of capacity?.runs ?? []) for (const t of Object.values(run)) for (const step of t.steps) if (step.calibrationMs) values.push(step.calibrationMs);
    for (const { step } of hotPath?.steps ?? []) if (step.calibrationMs) values.push(step.calibrationMs);
  }
  if (values.length === 0) return "";
  return `In this run it ranged from ${ms(Math.min(...values))} to ${ms(Math.max(...values))} (median ${ms([...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!)}).`;
}

/** Other work on the machine during the run's measurements, in % of one core. */
function foreignRange(r: Report): string {
  const values: number[] = [];
  for (const phase of r.results.phases) {
    const { steady, capacity, startStorm, submitStorm, submitStormDense, hotPath } = phase;
    for (const x of [...(steady?.runs ?? []), ...(startStorm?.runs ?? []), ...(submitStorm?.runs ?? []), ...(submitStormDense?.runs ?? [])]) values.push(foreign(x.cpu));
    for (const run of capacity?.runs ?? []) for (const t of Object.values(run)) for (const step of t.steps) values.push(foreign(step.cpu));
    for (const { step } of hotPath?.steps ?? []) values.push(foreign(step.cpu));
  }
  if (values.length === 0) return "";
  const sorted = [...values].sort((a, b) => a - b);
  return `Other processes on the machine (other work sharing these two cores) used between ${pct(sorted[0])} and ${pct(sorted.at(-1))} of a core during the measurements (median ${pct(sorted[Math.floor((sorted.length - 1) / 2)])}).`;
}

function methodSection(r: Report): string {
  return `## How it measures

- **Open loop.** Every request has a send time fixed before the run (Poisson arrivals at the scenario's rate, or uniform random times inside a storm's window). Requests leave at those times whatever the responses do, and each latency is measured **from its scheduled time** to the last byte of the response, so queueing anywhere (generator, sockets, server, pool, database) counts and a slow server cannot slow the generator down to hide it (no coordinated omission).
- **${r.config.runs} run${r.config.runs === 1 ? "" : "s"}** of every scenario per process count${r.config.runs > 1 ? "; the tables mark the median run (by the scenario's key figure) and give the spread of all runs" : " (\`--runs=3\` for medians and spreads)"}.
- **CPU** is sampled from \`/proc\` once a second and summed per process group (app server, PostgreSQL backends of the bench database, generator, other processes), as % of one core: 100% = one core busy, the machine has 200%.
- **Event loop busy** is the busiest app process's event-loop utilisation over the same interval (\`performance.eventLoopUtilization\`, logged once a second by \`scripts/server.ts\` when \`STRATUS_EVENT_LOOP_LOG\` is set). It can reach 100% while /proc counts 70–80% of a core for the process: time blocked in a system call, or a virtual CPU the host has taken away, is busy time for the loop but not CPU time. A loop at 100% is the limit whatever the CPU column says.
- **Shared machine.** Other work on this machine (builds, tests) distorts the figures, so before each measurement the bench waits (up to ${r.config.patienceSeconds} s, \`--patience\`) until other processes use under 10% of a core, and repeats a measurement once when they used more than 20% during it, keeping the less disturbed one. The "other work" column shows what remained.
- **Calibration.** This is a virtual machine with neighbours: other guests on the same host can slow the same CPU work down without showing up in \`/proc\` here. Before each measurement the bench times a fixed piece of JavaScript work (JSON round trips and arithmetic, median of three); the "calibration" column shows it (lower is faster). ${calibrationRange(r)}
- **Keep-alive.** A request that fails with ECONNRESET on a reused keep-alive socket (the server closed it as idle just as it was picked) is sent once more on a new connection, as browsers do, and counted as "resent"; its latency still runs from the first scheduled time.
- **Percentiles** are nearest-rank over every request of the run (no sampling, no histogram buckets). pgbench's come from its per-transaction log, where under \`-R\` each latency also runs from the scheduled start.`;
}

function costsSection(costs: OperationCost[]): string {
  return `## Cost of one request

Each exam operation called on its own, one at a time, through the same library code and Prisma client the app uses (outside Next.js): wall time, CPU time of the Node.js process, SQL statements sent and the time each took to answer, as Prisma's query events report them, and for the statements the app sends past Prisma (an answer save, a submit's read and its guarded grade: \`lib/database/direct.ts\`) each round trip timed where it is sent (medians). The session rows time Auth.js alone; the last row is not app code: it shows what the same save statement costs sent through node-postgres by hand, as the app now sends it.

${table(
  ["operation", "samples", "wall", "Node CPU", "SQL statements", "database time"],
  costs.map((c) => [c.operation, c.samples, ms(c.wallMs), ms(c.nodeCpuMs), c.statements || "–", c.statements ? ms(c.databaseMs) : "–"]),
)}`;
}

function steadySection(s: SteadyResult, processes: number): string {
  const m = s.runs[s.medianRun]!;
  const perSave = cpuPerRequest(m.cpu, APP, m.achievedRate);
  return `### Steady autosave — ${s.targets.rate} saves/s for ${m.seconds} s, ${procs(processes)}

1,000 students answering at exam pace: a one-save batch (\`{"saves":[…]}\`) from a random student to \`POST /api/attempts/:id/answers\` with that student's session cookie, Poisson arrivals at ${s.targets.rate}/s.

${table(
  ["run", "saves", "achieved /s", "p50", "p95", "p99", "max", "errors", "HTTP", "acks", ...CPU_HEADER],
  s.runs.map((r: SteadyRun, i) => [
    `${i + 1}${s.runs.length > 1 && i === s.medianRun ? " (median)" : ""}`,
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

Targets: p95 ≤ ${s.targets.p95Ms} ms: ${yes(s.met.p95)} (${ms(m.latency.p95)}); p99 ≤ ${s.targets.p99Ms} ms: ${yes(s.met.p99)} (${ms(m.latency.p99)}); 0 errors: ${yes(s.met.errors)}. **What limits it:** ${bottleneck(m.cpu, APP)}; about ${ms(perSave)} of app-server CPU per save at this rate.`;
}

function perSaveAtTop(c: CapacityResult, t: Target, group: string): number | null {
  const s = c.summary[t];
  if (!s) return null;
  const run = c.runs[s.medianRun]?.[t];
  const top = run?.steps.filter((x) => x.held).sort((a, b) => b.rate - a.rate)[0];
  return top ? cpuPerRequest(top.cpu, group, top.achievedRate) : null;
}

function whereTheTimeGoes(c: CapacityResult): string {
  const app = perSaveAtTop(c, "app", APP);
  const raw = perSaveAtTop(c, "next-raw", APP);
  const bare = perSaveAtTop(c, "node-bare", "bare node server");
  const db = perSaveAtTop(c, "pgbench", PG);
  if (app === null || raw === null || bare === null) return "";
  return `**Where the time goes.** CPU per save at the highest rung each target held${db !== null ? `: PostgreSQL ${ms(db)} for the UPDATE itself (pgbench)` : ""}; the bare Node server ${ms(bare)} of Node.js CPU; the bare Next.js route ${ms(raw)}; the app route ${ms(app)}. Next.js's routing and request/response handling add about ${ms(Math.max(0, raw - bare))} per request over plain \`node:http\`. The app's answers route does not go through Next.js: \`scripts/server.ts\` serves it itself (\`lib/edge/hot-routes.ts\`, unless \`STRATUS_HOT_ROUTES=0\`), so the app's own work on the same statement (session cookie, zod, the route's checks) is best read against the bare Node server: ${app <= bare ? `no more than it here` : `about ${ms(app - bare)} more`}. (CPU per request falls as the rate rises, so figures at different rungs are not strictly comparable; the hot-path section compares the two routes at one rate.)`;
}

function ladderTables(c: CapacityResult): string {
  const targets = (Object.keys(c.summary) as Target[]).filter((t) => c.runs.some((r) => r[t]));
  return targets
    .map((t) => {
      const s = c.summary[t];
      const run = c.runs[s.medianRun]![t]!;
      const server = SERVER_GROUP[t];
      const failed = run.steps.find((x) => !x.held && x.rate > run.heldRate);
      return `#### ${TARGET_LABELS[t]}${c.runs.length > 1 ? ` — median run (run ${s.medianRun + 1})` : ""}${run.skippedBelow ? `, started at ${run.skippedBelow}/s` : ""}

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

**What limits it:** ${failed ? `at ${failed.rate}/s, ${bottleneck(failed.cpu, server)}.` : "no rung of the ladder failed."}`;
    })
    .join("\n\n");
}

function capacitySection(phases: Phase[]): string {
  const withCapacity = phases.filter((p) => p.capacity);
  if (withCapacity.length === 0) return "";
  const first = withCapacity[0]!.capacity!;
  const rows: Array<Array<string | number>> = [];
  for (const phase of withCapacity) {
    const c = phase.capacity!;
    for (const t of (Object.keys(c.summary) as Target[]).filter((x) => c.runs.some((r) => r[x]))) {
      const s = c.summary[t];
      const run = c.runs[s.medianRun]![t]!;
      const top = run.steps.filter((x) => x.held).sort((a, b) => b.rate - a.rate)[0];
      rows.push([
        `${TARGET_LABELS[t]}${t === "app" || t === "next-raw" ? `, ${procs(phase.processes)}` : ""}`,
        `**${s.median}/s**`,
        top ? `${ms(top.latency.p50)} / ${ms(top.latency.p99)}` : "–",
        top && t !== "pgbench" ? ms(cpuPerRequest(top.cpu, SERVER_GROUP[t], top.achievedRate)) : "–",
        top ? ms(cpuPerRequest(top.cpu, PG, top.achievedRate)) : "–",
      ]);
    }
  }
  return `## Autosave capacity — the ladder: the highest fixed rate held with p99 ≤ ${first.p99LimitMs} ms and no errors

The same statement — \`saveAnswerStatement\` from \`lib/exams/save-statement.ts\`, the one the app sends; the bench imports it and sends its text and values, no copy — behind four front ends, measured in the same run on the same database: pgbench (\`-M prepared\`, ${first.clients.pgbenchClients} clients = one pool, \`-R\` fixed rate); a bare \`node:http\` + \`pg\` server (\`scripts/bench/bare-server.ts\`); a bare Next.js route handler (\`app/api/bench/raw-save/route.bench.ts\`, a module-level \`pg.Pool\`, **no session check on purpose**, to isolate the framework's cost); and the app's answers route. The bare rungs are single processes, so the ladder runs with one app process; the app route climbs again with every process count. Each rung lasts ${first.stepSeconds} s after a warm-up, climbing from ${first.ladder[0]}/s by doubling until a rung fails, then trying the rungs between. Ladder: ${first.ladder.join(", ")} /s.

${table(["target", "held", "p50 / p99 at that rate", "server CPU per save", "PostgreSQL CPU per save"], rows)}

"CPU per save" is the process group's CPU time divided by the saves it served at the highest rung held (for several processes, all of them together).

${whereTheTimeGoes(first)}

${withCapacity.map((p) => `### Ladder with ${procs(p.processes)}\n\n${ladderTables(p.capacity!)}`).join("\n\n")}`;
}

function hotPathSection(h: HotPathResult, costs?: OperationCost[]): string {
  const cost = (prefix: string) => costs?.find((x) => x.operation.startsWith(prefix))?.nodeCpuMs;
  const decodeOnly = cost("session cookie decode only");
  const auth = cost("session check as auth()");
  const prisma = cost("saveAnswers (one save)");
  const pgOnly = cost("the same save UPDATE through pg");
  return `## The hot path's price — the answers route against a bare Next.js route

Both routes send the same save statement; the app route also reads the session cookie, checks the request's origin and size, parses the body with zod, and sends the statement straight to node-postgres as the bare route does (\`lib/database/direct.ts\`). Each was driven at ${h.rate} saves/s for ${h.seconds} s, one process, interleaved ${h.app.length} times (app, bare, app, bare, …), and the app server's CPU per save measured from \`/proc\`.

${table(
  ["round", "app route CPU per save", "bare Next.js route CPU per save", "app p99", "bare p99"],
  h.app.map((a, i) => {
    const appStep = h.steps.filter((s) => s.target === "app")[i]!.step;
    const rawStep = h.steps.filter((s) => s.target === "next-raw")[i]!.step;
    return [i + 1, ms(a), ms(h.bareNext[i]!), ms(appStep.latency.p99), ms(rawStep.latency.p99)];
  }),
)}

Ratio of the medians: **${h.ratio.toFixed(2)}×** (target ≤ ${h.target}×: ${yes(h.ratio <= h.target)}).

How the route avoids Auth.js's \`auth()\` on this path: it verifies the session cookie's JWT (\`getToken\` from \`next-auth/jwt\`: decrypt and check, never re-issue, no Set-Cookie) and remembers a verified cookie value in the process (\`lib/auth/verified-tokens.ts\`; its expiry is re-checked on every use), so a student's repeated saves skip the decryption; whether the session is still live (not signed out, revoked or expired) is checked by the save statement itself, in the same SQL statement as the save.${
    decodeOnly !== undefined && auth !== undefined
      ? ` Measured one at a time (table above): decrypting the cookie costs ${ms(decodeOnly)} of CPU, the whole \`auth()\` session check ${ms(auth)}${prisma !== undefined && pgOnly !== undefined ? `; \`saveAnswers\` ${ms(prisma)} against ${ms(pgOnly)} for its statement alone through \`pg\`` : ""}.`
      : ""
  }`;
}

function startSection(s: StartStormResult, where: number | string): string {
  const m = s.runs[s.medianRun]!;
  const perStart = ((m.cpu.groups[APP] ?? 0) * 10 * m.cpu.seconds) / m.students;
  const throughput = m.students / m.wallSeconds;
  return `### Start storm — ${m.students} students start a mock within ${m.windowSeconds} s, ${typeof where === "number" ? procs(where) : where}

${table(
  ["run", "p50", "p95", "p99", "max", "HTTP", "with first question", "attempts (students, items)", "took", ...CPU_HEADER],
  s.runs.map((r: StartStormRun, i) => [
    `${i + 1}${s.runs.length > 1 && i === s.medianRun ? " (median)" : ""}`,
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

Targets: time to first question p95 ≤ 1 s: ${yes(s.met.p95)} (${ms(m.latency.p95)}); exactly ${s.targets.attempts} attempts: ${yes(s.met.exactAttempts)}; every response with its first question: ${yes(s.met.firstQuestion)}; no 5xx: ${yes(s.met.no5xx)}. **What limits it:** ${m.students} starts took ${m.wallSeconds} s to serve, about ${throughput.toFixed(0)} starts/s against ${(m.students / m.windowSeconds).toFixed(0)}/s arriving; during the storm ${bottleneck(m.cpu, APP)}: about ${ms(perStart)} of app-server CPU per start.${handoffNote(m.cpu)}`;
}

function submitSection(s: SubmitStormResult, where: string, graceSeconds: number): string {
  const m = s.runs[s.medianRun]!;
  const window = m.windowSeconds[1] - m.windowSeconds[0];
  const served = m.students / (m.submit.latency.max / 1000 + window);
  const side = [m.cpu.groups["job worker"] ? `job worker ${pct(m.cpu.groups["job worker"])}` : "", m.cpu.groups["nginx (load balancer)"] !== undefined ? `nginx ${pct(m.cpu.groups["nginx (load balancer)"])}` : ""].filter(Boolean).join(", ");
  return `### Submit storm${s.density > 1 ? `, ${s.density}× as dense` : ""} — ${m.students} submits in ${window} s around one deadline, ${where}

${table(
  ["run", "submits", "submit p50", "p95", "p99", "max", "HTTP", "last save p99", "late saves", "other-tab saves", ...CPU_HEADER],
  s.runs.map((r: SubmitStormRun, i) => [
    `${i + 1}${s.runs.length > 1 && i === s.medianRun ? " (median)" : ""}`,
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

${table(
  ["what the database holds afterwards", ...s.runs.map((_, i) => `run ${i + 1}`)],
  (
    [
      ["attempts graded (SUBMITTED / EXPIRED / still open)", (r) => `${r.verify.submitted} / ${r.verify.expired} / ${r.verify.stillOpen}`],
      ["**last saves that left the client before the deadline and were refused** (acknowledged neither by their own request nor by the submit carrying them, and not in the database)", (r) => `**${r.verify.onTimeSavesRefused}**`],
      ["last saves that left before the deadline, never answered within the load generator's 30 s, but in the database", (r) => r.verify.onTimeSavesUnanswered ?? "–"],
      ["last saves not acknowledged when their submit left, carried by it / applied by it", (r) => `${r.verify.carriedSaves ?? "–"} / ${r.verify.carriedApplied ?? "–"}`],
      [`**attempts graded EXPIRED although their submit left the client by deadline + ${graceSeconds} s**`, (r) => `**${r.verify.onTimeSubmitsExpired}**`],
      [`submits that left the client after deadline + ${graceSeconds} s (the load generator's own lag)`, (r) => r.verify.submitsSentLate ?? 0],
      ["learning jobs: seconds to drain after the storm / still queued", (r) => `${r.verify.learningDrainSeconds ?? "–"} s / ${r.verify.learningJobsLeft ?? "–"}`],
      ["students whose mastery evidence exceeds one grading (graded twice)", (r) => r.verify.masteryOver],
      ["attempts two submit responses both claim to have graded", (r) => r.verify.apiGradedTwice],
      ["items of graded attempts whose stored `correct` disagrees with their stored answer", (r) => r.verify.itemCorrectMismatch],
      ["graded attempts whose rawScore ≠ their correct items", (r) => r.verify.rawScoreMismatch],
      [`answers stored after deadline + ${graceSeconds} s`, (r) => r.verify.answeredAfterCutoff],
      ["late saves accepted / stored", (r) => `${r.verify.lateAccepted} / ${r.verify.lateStored}`],
      ['saves acknowledged "saved"', (r) => r.verify.ackedSaves],
      ["… not in the database (lost)", (r) => r.verify.ackedLost],
      ["… in the database but left out of the grade", (r) => `${r.verify.ackedMissingFromGrade}${Object.keys(r.verify.ackedMissingFromGradeByKind).length ? ` (${statuses(r.verify.ackedMissingFromGradeByKind)})` : ""}`],
    ] as Array<[string, (r: SubmitStormRun) => string | number]>
  ).map(([label, f]) => [label, ...s.runs.map(f)]),
)}

Targets: 0 on-time saves refused and 0 on-time submits EXPIRED: ${yes(s.met.onTime)}; every attempt graded exactly once: ${yes(s.met.gradedOnce)}; submit p99 ≤ 2 s: ${yes(s.met.submitP99)} (${ms(m.submit.latency.p99)}); nothing stored after deadline + grace: ${yes(s.met.nothingAfterGrace)}; none acknowledged and lost: ${yes(s.met.noAckLost)}; late saves refused: ${yes(s.met.lateRefused)}. **What limits it:** the server graded about ${served.toFixed(0)} attempts/s while they arrived at ${(m.students / window).toFixed(0)}/s${served < 0.9 * (m.students / window) ? ", so submits queue" : ", keeping up"}; in the burst (the ${m.cpu.seconds} s from the storm's first request until its last final save and submit were answered, before the late saves) ${bottleneck(m.cpu, APP)}${side ? ` (${side})` : ""}.${handoffNote(m.cpu)}`;
}

function submitStormIntro(graceSeconds: number): string {
  return `## Submit storms

1,000 mock attempts share a deadline set in the database 7 s ahead; answers 1–60 are already saved, and the job worker runs beside the app (as \`npm start\` runs it) recording each grade's learning. Each student saves a last answer 0.2–1 s before pressing Submit, at a uniformly random moment in a window around the deadline — from 4.5 s before to 0.5 s after it, or from 2.25 s before to 0.25 s after in the storm twice as dense. As the runner does, the submit leaves at that moment without waiting for the last save's answer, and carries that save when it is not acknowledged yet (applied in the grading transaction, judged by the submit's arrival, \`lib/exams/submit-attempt.ts\`). 5% submit a second time 0–300 ms later without waiting (a double click or retry, carrying the same queue); 5% send a save ${graceSeconds}.5–${graceSeconds + 2}.5 s after the deadline, past the ${graceSeconds} s grace; 5% save from a second tab 0–100 ms after their submit left. On time means what left the client in time, as the load generator records it: a last save sent before the deadline must be acknowledged (by its own request or by the submit that carried it), and an attempt whose submit was sent by deadline + grace must not be graded EXPIRED. The storms run twice per process count: with the load generator talking to \`scripts/server.ts\` directly (the arrival stamp is taken by the app's own event loop), and behind nginx with the cluster test's configuration (\`e2e/cluster/nginx.conf\`: nginx stamps \`X-Request-Start: t=\${msec}\`, trusted from 127.0.0.1 through \`STRATUS_TRUSTED_PROXIES\` and \`STRATUS_REQUEST_START_HEADER\`), the documented production setup. None may be refused or graded EXPIRED: the routes judge the deadline by when a request **arrived** (stamped by \`scripts/server.ts\` before Next.js sees it, or a trusted load balancer's request-start header), however long it then queued, and neither the sweep nor a late save closes an attempt until the queue allowance after deadline + grace has passed (\`lib/exams/deadline.ts\`). A save arriving during grading waits for the grade and is refused (\`tests/integration/attempts.integration.test.ts\` forces that interleaving).`;
}

function classSection(c: ClassStormResult, where: string, graceSeconds: number): string {
  const wrap = <R,>(run: R, met: Record<string, boolean>) => ({ runs: [run], medianRun: 0, met });
  const start = startSection({ targets: { p95Ms: 1000, attempts: c.students }, ...wrap(c.start, { p95: c.met.startP95, exactAttempts: c.start.database.attempts === c.students, firstQuestion: c.start.withFirstQuestion === c.students, no5xx: c.start.serverErrors === 0 }) } as StartStormResult, where);
  const submit = submitSection(
    { density: 1, targets: { submitP99Ms: 2000 }, ...wrap(c.submit, { gradedOnce: c.met.gradedOnce, submitP99: c.met.submitP99, nothingAfterGrace: c.submit.verify.answeredAfterCutoff === 0, noAckLost: c.submit.verify.ackedLost === 0, lateRefused: c.submit.verify.lateAccepted === 0, onTime: c.met.onTime }) } as SubmitStormResult,
    where,
    graceSeconds,
  );
  return `${c.students} students of one class start a mock within 10 s, then all save a last answer and submit around one shared deadline (plain mocks: classes and assignments do not exist yet, so a shared deadline stands in for the assignment's due time), on the attempts they just started.\n\n${start.replace("### Start storm", "### Class storm: the starts")}\n\n${submit.replace("### Submit storm", "### Class storm: the submits")}`;
}

function summarySection(r: Report): string {
  const phases = r.results.phases;
  const header = ["scenario", "target", ...phases.map(phaseLabel)];
  const rows: Array<Array<string>> = [];
  const row = (scenario: string, target: string, cell: (p: Phase) => string | undefined) => {
    const cells = phases.map((p) => cell(p) ?? "–");
    if (cells.some((c) => c !== "–")) rows.push([scenario, target, ...cells]);
  };
  const median = <R,>(x: { runs: R[]; medianRun: number } | undefined): R | undefined => x?.runs[x.medianRun];
  const verdict = (ok: boolean, text: string) => `${ok ? "✅" : "❌"} ${text}`;
  row("steady autosave (46 saves/s)", "p95 ≤ 50 ms, p99 ≤ 150 ms, 0 errors", (p) => {
    const m = median(p.steady);
    return m && p.steady ? verdict(p.steady.met.p95 && p.steady.met.p99 && p.steady.met.errors, `${ms(m.latency.p95)} / ${ms(m.latency.p99)}, ${m.errors} errors`) : undefined;
  });
  row("autosave capacity (p99 ≤ 300 ms, 0 errors)", "app route, saves/s held", (p) => (p.capacity?.summary.app ? `${p.capacity.summary.app.median}/s` : undefined));
  for (const t of ["next-raw", "node-bare", "pgbench"] as Target[]) {
    row("", `ladder: ${TARGET_LABELS[t]}`, (p) => (p.capacity?.summary[t] ? `${p.capacity.summary[t].median}/s` : undefined));
  }
  row("hot path", "app route CPU per save ≤ 1.5× the bare Next.js route's", (p) => (p.hotPath ? verdict(p.hotPath.ratio <= p.hotPath.target, `${p.hotPath.ratio.toFixed(2)}× (${ms([...p.hotPath.app].sort((a, b) => a - b)[Math.floor((p.hotPath.app.length - 1) / 2)]!)} vs ${ms([...p.hotPath.bareNext].sort((a, b) => a - b)[Math.floor((p.hotPath.bareNext.length - 1) / 2)]!)})`) : undefined));
  row("start storm (1,000 in 10 s)", "time to first question p95 ≤ 1 s", (p) => {
    const m = median(p.startStorm);
    return m && p.startStorm ? verdict(p.startStorm.met.p95, ms(m.latency.p95)) : undefined;
  });
  row("", "exactly 1,000 attempts, each answered with its first question, no 5xx", (p) => {
    const m = median(p.startStorm);
    return m && p.startStorm ? verdict(p.startStorm.met.exactAttempts && p.startStorm.met.firstQuestion && p.startStorm.met.no5xx, `${m.database.attempts} attempts, ${m.withFirstQuestion} with their first question, ${m.serverErrors} 5xx`) : undefined;
  });
  for (const [key, label] of [
    ["submitStorm", "submit storm (1,000 in 5 s)"],
    ["submitStormDense", "submit storm twice as dense (1,000 in 2.5 s)"],
  ] as const) {
    row(label, "on-time saves refused = 0, on-time submits EXPIRED = 0", (p) => {
      const m = median(p[key]);
      return m && p[key] ? verdict(p[key].met.onTime, `${m.verify.onTimeSavesRefused} refused, ${m.verify.onTimeSubmitsExpired} EXPIRED`) : undefined;
    });
    row("", "every attempt graded exactly once; none acknowledged and lost", (p) => {
      const m = median(p[key]);
      return m && p[key] ? verdict(p[key].met.gradedOnce && p[key].met.noAckLost && p[key].met.nothingAfterGrace, `${m.verify.gradedAtSet} graded, ${m.verify.apiGradedTwice} twice, ${m.verify.ackedLost} lost`) : undefined;
    });
    row("", "submit p99 ≤ 2 s", (p) => {
      const m = median(p[key]);
      return m && p[key] ? verdict(p[key].met.submitP99, ms(m.submit.latency.p99)) : undefined;
    });
  }
  row("class storm (300 start in 10 s, submit at one due time)", "start p95 ≤ 1 s", (p) => (p.classStorm ? verdict(p.classStorm.met.startP95, ms(p.classStorm.start.latency.p95)) : undefined));
  row("", "graded exactly once; on-time refused = 0, EXPIRED = 0", (p) => {
    const v = p.classStorm?.submit.verify;
    return v && p.classStorm ? verdict(p.classStorm.met.gradedOnce && p.classStorm.met.onTime, `${v.gradedAtSet} graded, ${v.apiGradedTwice} twice; ${v.onTimeSavesRefused} refused, ${v.onTimeSubmitsExpired} EXPIRED`) : undefined;
  });
  row("", "submit p99 ≤ 2 s", (p) => (p.classStorm ? verdict(p.classStorm.met.submitP99, ms(p.classStorm.submit.submit.latency.p99)) : undefined));
  return `## Summary

Every figure in one run of \`${r.command}\`, 1 server process against ${r.config.cores} (one per core) on the same build, database and machine${phases.some((p) => p.edge) ? "; the storms also behind nginx (\"behind nginx\": the same server, nginx stamping each request's arrival)" : ""}. A dash: not measured in that column.

${table(header, rows)}`;
}

export function writeReport(jsonPath: string, mdPath: string): void {
  const r = JSON.parse(readFileSync(jsonPath, "utf8")) as Report;
  // A scenario that failed is recorded as { failed: message }: listed, not rendered.
  const failures: string[] = [];
  const isFailed = (x: unknown): x is { failed: string } => typeof x === "object" && x !== null && "failed" in x;
  if (isFailed(r.results.costs)) {
    failures.push(`costs: ${r.results.costs.failed}`);
    delete r.results.costs;
  }
  for (const phase of r.results.phases) {
    for (const [key, value] of Object.entries(phase)) {
      if (isFailed(value)) {
        failures.push(`${key} with ${phaseLabel(phase)}: ${value.failed}`);
        delete (phase as Record<string, unknown>)[key];
      }
    }
  }
  const phases = r.results.phases;
  const perPhase = (title: string, render: (p: Phase) => string | null) => {
    const parts = phases.map(render).filter(Boolean);
    return parts.length ? `## ${title}\n\n${parts.join("\n\n")}` : "";
  };
  const hot = phases.find((p) => p.hotPath)?.hotPath;
  const storms = phases.flatMap((p) => [p.submitStorm, p.submitStormDense].filter(Boolean).map((x) => submitSection(x!, phaseLabel(p), r.config.graceSeconds)));
  const parts = [
    `# Benchmarks

Load tests of the exam's hot paths on a production build over PostgreSQL, written by \`npm run bench\` (\`scripts/bench/report.ts\`) from [\`${path.relative(path.dirname(mdPath), jsonPath)}\`](${path.relative(path.dirname(mdPath), jsonPath)}): every figure below is one that run measured. ${r.config.quick ? "**This is a --quick smoke run: short steps, not the reference figures.**" : ""} The student dashboard's benchmark is separate: [\`benchmarks/dashboard.md\`](benchmarks/dashboard.md) (\`npm run bench -- --scenario=dashboard\`). The instructor pages' (class dashboard, assignment report, question statistics) are in [\`benchmarks/insights.md\`](benchmarks/insights.md) (\`npm run bench -- --scenario=insights\`).`,
    summarySection(r),
    failures.length ? `## Scenarios that failed in this run\n\n${failures.map((f) => `- ${f}`).join("\n")}` : "",
    machineSection(r),
    methodSection(r),
    r.results.costs ? costsSection(r.results.costs) : "",
    hot ? hotPathSection(hot, r.results.costs) : "",
    capacitySection(phases),
    perPhase("Start storm", (p) => (p.startStorm ? startSection(p.startStorm, phaseLabel(p)) : null)),
    perPhase("Steady autosave", (p) => (p.steady ? steadySection(p.steady, p.processes) : null)),
    storms.length ? `${submitStormIntro(r.config.graceSeconds)}\n\n${storms.join("\n\n")}` : "",
    perPhase("Class storm", (p) => (p.classStorm ? classSection(p.classStorm, phaseLabel(p), r.config.graceSeconds) : null)),
  ];
  writeFileSync(mdPath, `${parts.filter(Boolean).join("\n\n")}\n`);
}

if (process.argv[1]?.endsWith("report.ts")) {
  const root = path.resolve(import.meta.dirname, "../..");
  writeReport(path.resolve(root, process.argv[2] ?? "docs/benchmarks/results.json"), path.resolve(root, process.argv[3] ?? "docs/benchmarks.md"));
}
