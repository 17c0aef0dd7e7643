// Where the CPU went during a step: samples /proc once a second and sums each
// process's user+system time into groups (the app server, the bench database's
// backends, other PostgreSQL processes, pgbench, the bare server, this load
// generator, everything else), plus the whole machine's busy share. Sampling
// (rather than one reading at each end) keeps the time of processes that exit
// during the step, such as pgbench's backends.
import { existsSync, readFileSync, readdirSync } from "node:fs";

const CLOCK_TICKS = 100; // getconf CLK_TCK on Linux x86-64

type Proc = { pid: number; ppid: number; comm: string; ticks: number; cmdline: string };

function readProc(pid: number): Proc | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    // fields[0] is state (field 3); utime and stime are fields 14 and 15.
    const ticks = Number(fields[11]) + Number(fields[12]);
    let cmdline = "";
    if (comm === "postgres") cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
    return { pid, ppid: Number(fields[1]), comm, ticks, cmdline };
  } catch {
    return null; // exited while we looked
  }
}

function readAll(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const p = readProc(Number(name));
    if (p) out.push(p);
  }
  return out;
}

/** Busy and total CPU ticks of the whole machine since boot (/proc/stat). */
export function machineTicks(): { busy: number; total: number } {
  const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** `worker`: the job worker beside the app (as `npm start` runs it); `proxy`: nginx in front of it. */
export type CpuRoots = {
  server?: number;
  bare?: number;
  worker?: number;
  proxy?: number;
  database: string;
  /** The app's STRATUS_EVENT_LOOP_LOG (scripts/server.ts): each process's event-loop busy and idle time, a line a second. */
  eventLoopLog?: string;
  /** The app's STRATUS_HANDOFF_LOG (scripts/server.ts): each connection the primary handed to a server process. */
  handoffLog?: string;
};

/** Percent of one core, averaged over the sampled interval, per group; machine = busy share of all cores (100 = every core busy). */
export type CpuReport = {
  seconds: number;
  groups: Record<string, number>;
  machineBusyPct: number;
  topOther: Array<{ comm: string; pct: number }>;
  /** How busy the app's event loops were (the busiest process), in % of the time: it reaches 100% before /proc's CPU does. */
  eventLoopBusyPct?: number;
  /** New connections the primary handed to the server processes, and how long each waited between its stamp and the server process. */
  handoff?: HandoffWaits;
};

export type HandoffWaits = { connections: number; waitP50Ms: number; waitP99Ms: number; waitMaxMs: number };

/**
 * The connections handed over between `from` and `to` (ms), from the log
 * scripts/server.ts writes ("pid receivedAt arrivedAt"); undefined without one.
 */
export function handoffWaits(log: string, from: number, to: number): HandoffWaits | undefined {
  const waits: number[] = [];
  for (const line of log.split("\n")) {
    const [pid, receivedAt, arrivedAt] = line.split(" ");
    if (!pid || !arrivedAt || Number(receivedAt) <= from || Number(receivedAt) > to) continue;
    waits.push(Number(receivedAt) - Number(arrivedAt));
  }
  if (waits.length === 0) return undefined;
  waits.sort((a, b) => a - b);
  const at = (q: number) => waits[Math.min(waits.length - 1, Math.floor(q * waits.length))]!;
  return { connections: waits.length, waitP50Ms: at(0.5), waitP99Ms: at(0.99), waitMaxMs: waits.at(-1)! };
}

/**
 * The busiest app process's event-loop busy share between `from` and `to` (ms),
 * from the log scripts/server.ts writes ("pid time activeMs idleMs"); undefined
 * without a line in the interval.
 */
export function eventLoopBusy(log: string, from: number, to: number): number | undefined {
  const byPid = new Map<string, { active: number; idle: number }>();
  for (const line of log.split("\n")) {
    const [pid, at, active, idle] = line.split(" ");
    if (!pid || !idle || Number(at) <= from || Number(at) > to) continue;
    const sum = byPid.get(pid) ?? { active: 0, idle: 0 };
    sum.active += Number(active);
    sum.idle += Number(idle);
    byPid.set(pid, sum);
  }
  const shares = [...byPid.values()].map((s) => (100 * s.active) / Math.max(1, s.active + s.idle));
  return shares.length ? Math.round(Math.max(...shares) * 10) / 10 : undefined;
}

/** CPU used by processes that are not part of the bench (other work on this machine), in % of one core. */
export function foreignCpu(report: CpuReport): number {
  return Math.round(((report.groups["other processes"] ?? 0) + (report.groups["postgres (other databases)"] ?? 0)) * 10) / 10;
}

export class CpuSampler {
  private first = new Map<number, number>();
  private last = new Map<number, Proc>();
  private timer: NodeJS.Timeout | undefined;
  private started = 0;
  private machineStart = machineTicks();

  constructor(private roots: CpuRoots) {}

  start(): void {
    this.started = Date.now();
    this.machineStart = machineTicks();
    for (const p of readAll()) {
      this.first.set(p.pid, p.ticks);
      this.last.set(p.pid, p);
    }
    this.timer = setInterval(() => this.sample(), 1_000);
    this.timer.unref();
  }

  private sample(): void {
    for (const p of readAll()) {
      if (!this.first.has(p.pid)) this.first.set(p.pid, 0); // born during the step
      this.last.set(p.pid, p);
    }
  }

  stop(): CpuReport {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    const seconds = (Date.now() - this.started) / 1000;
    const machine = machineTicks();
    const byPid = this.last;
    const descends = (pid: number, root: number | undefined): boolean => {
      if (!root) return false;
      for (let p: number | undefined = pid, hops = 0; p && hops < 20; hops++) {
        if (p === root) return true;
        p = byPid.get(p)?.ppid;
      }
      return false;
    };
    const ancestors = new Set<number>();
    for (let p: number | undefined = process.ppid, hops = 0; p && p > 1 && hops < 10; hops++) {
      ancestors.add(p);
      p = byPid.get(p)?.ppid;
    }
    const groups: Record<string, number> = {};
    const other = new Map<string, number>();
    for (const [pid, p] of byPid) {
      const used = p.ticks - (this.first.get(pid) ?? p.ticks);
      if (used <= 0) continue;
      let group: string;
      if (pid === process.pid) group = "load generator";
      else if (ancestors.has(pid)) group = "bench runner's npm/tsx wrappers";
      else if (descends(pid, this.roots.server)) group = "app server";
      else if (descends(pid, this.roots.bare)) group = "bare node server";
      else if (descends(pid, this.roots.worker)) group = "job worker";
      else if (descends(pid, this.roots.proxy)) group = "nginx (load balancer)";
      else if (p.comm === "pgbench") group = "pgbench";
      else if (p.comm === "postgres" && p.cmdline.includes(` ${this.roots.database} `)) group = "postgres (bench backends)";
      else if (p.comm === "postgres" && /: (checkpointer|background writer|walwriter|autovacuum|logical replication|archiver)|^\S*postgres -D/.test(p.cmdline))
        group = "postgres (background: WAL writer, checkpointer…)";
      else if (p.comm === "postgres") group = "postgres (other databases)";
      else {
        group = "other processes";
        other.set(p.comm, (other.get(p.comm) ?? 0) + used);
      }
      groups[group] = (groups[group] ?? 0) + used;
    }
    const pct = (ticks: number) => Math.round((ticks / CLOCK_TICKS / seconds) * 1000) / 10;
    const loopLog = this.roots.eventLoopLog && existsSync(this.roots.eventLoopLog) ? readFileSync(this.roots.eventLoopLog, "utf8") : "";
    const handoffLog = this.roots.handoffLog && existsSync(this.roots.handoffLog) ? readFileSync(this.roots.handoffLog, "utf8") : "";
    return {
      seconds: Math.round(seconds * 10) / 10,
      // The lines logged inside this step (each covers the second before it).
      eventLoopBusyPct: loopLog ? eventLoopBusy(loopLog, this.started + 1000, Date.now()) : undefined,
      handoff: handoffLog ? handoffWaits(handoffLog, this.started, Date.now()) : undefined,
      groups: Object.fromEntries(Object.entries(groups).map(([k, v]) => [k, pct(v)])),
      machineBusyPct: Math.round(((machine.busy - this.machineStart.busy) / Math.max(1, machine.total - this.machineStart.total)) * 1000) / 10,
      topOther: [...other.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([comm, ticks]) => ({ comm, pct: pct(ticks) })),
    };
  }
}

/**
 * A fixed piece of CPU work (JSON round trips and arithmetic, the kind of work the app
 * server does), timed three times; the median in ms. On a shared virtual machine the
 * same work takes longer when a neighbour is busy, so each measurement records it.
 */
export function calibrate(): number {
  const doc = { items: Array.from({ length: 200 }, (_, i) => ({ position: i, chosenKeys: ["a", "c"], stem: "x".repeat(120), seq: String(1e12 + i) })) };
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const t = performance.now();
    let acc = 0;
    for (let i = 0; i < 60; i++) acc += (JSON.parse(JSON.stringify(doc)) as typeof doc).items.length;
    for (let i = 0; i < 2_000_000; i++) acc = (acc * 31 + i) % 1_000_003;
    if (acc < 0) throw new Error("unreachable");
    times.push(performance.now() - t);
  }
  return Math.round(times.sort((a, b) => a - b)[1]! * 10) / 10;
}
