// The dashboard section of docs/benchmarks.md, from docs/benchmarks/dashboard.json
// (written by the dashboard scenario, scripts/bench/dashboard.ts). Kept apart
// from dashboard.ts so the report writer does not import the app's server code.

export type Summary = { p50: number; p95: number; p99: number; max: number };
export type DashboardResult = {
  date: string;
  command: string;
  machine: { cpus: number; cpu?: string; memoryGiB: number; node: string };
  data: Record<string, number>;
  concurrency: number;
  requestsPerRun: number;
  runs: Array<{ data: Summary; page: Summary; errors: number }>;
  median: { data: Summary; page: Summary };
  target: { p95Ms: number };
  plans: Array<{ sql: string; plan: string; readsItems?: boolean; seqScanOnItems: boolean }>;
};

/** What the plans say about the answers table (\`AttemptItem\`, 1.7 million rows here). */
export function itemsSentence(plans: DashboardResult["plans"]): string {
  if (plans.some((p) => p.seqScanOnItems)) return "**A dashboard query scans the whole answers table (`AttemptItem`): see the plans below.**";
  if (plans.some((p) => p.readsItems ?? /AttemptItem/.test(p.plan))) return "No dashboard query scans the answers table (`AttemptItem`); the plans that read it do so by index, for this student's rows only.";
  return "No dashboard query reads the answers table (`AttemptItem`) at all: none of the plans below mentions it.";
}

export function renderDashboardReport(r: DashboardResult): string {
  const met = (v: number) => (v <= 100 ? "met" : "**missed**");
  return [
    "## Student dashboard at scale",
    "",
    `Measured ${r.date.slice(0, 16).replace("T", " ")} UTC with \`${r.command}\` on ${r.machine.cpus} cores (${r.machine.cpu}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, PostgreSQL 15 on the same machine.`,
    `Data (\`npm run bench:data\`): ${r.data.students?.toLocaleString("en")} students, ${r.data.items?.toLocaleString("en")} answered attempt items, ${r.data.cards?.toLocaleString("en") ?? "—"} review cards, ${r.data.mastery?.toLocaleString("en") ?? "—"} mastery rows.`,
    `${r.concurrency} requests at a time, ${r.requestsPerRun} dashboards per run, students spread over 500 accounts, three runs; the median run (by p95) is reported.`,
    "",
    "| measure | p50 | p95 | target p95 | |",
    "| --- | --- | --- | --- | --- |",
    `| server time: the dashboard's data (\`loadDashboard\`, all queries + readiness) | ${r.median.data.p50} ms | ${r.median.data.p95} ms | 100 ms | ${met(r.median.data.p95)} |`,
    `| whole page: \`GET /dashboard\` from \`next start\` (session check, data, React render) | ${r.median.page.p50} ms | ${r.median.page.p95} ms | — | |`,
    "",
    "All runs:",
    "",
    "| run | data p50 / p95 / p99 / max (ms) | page p50 / p95 / p99 / max (ms) | page errors |",
    "| --- | --- | --- | --- |",
    ...r.runs.map((x, i) => `| ${i + 1} | ${x.data.p50} / ${x.data.p95} / ${x.data.p99} / ${x.data.max} | ${x.page.p50} / ${x.page.p95} / ${x.page.p99} / ${x.page.max} | ${x.errors} |`),
    "",
    itemsSentence(r.plans),
    "",
    "Grading writes per-attempt scores, mastery and a per-day activity row, and the dashboard reads only the student's rows of those by index.",
    "",
    "### Query plans (EXPLAIN ANALYZE, one student)",
    "",
    ...r.plans.flatMap((p, i) => [`${i + 1}. \`${p.sql.replace(/\s+/g, " ").slice(0, 160)}${p.sql.length > 160 ? "…" : ""}\``, "", "```text", p.plan, "```", ""]),
  ].join("\n");
}
