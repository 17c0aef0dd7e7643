// What the bench ran on: cores, memory, CPU model, Node, PostgreSQL and its
// settings that matter for write latency, the commit measured.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import type pg from "pg";

export type MachineInfo = {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  kernel: string;
  node: string;
  next: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  commit: string;
  uncommittedChanges: boolean;
};

function quiet(command: string, args: string[], cwd: string): string {
  try {
    // GIT_OPTIONAL_LOCKS=0: `git status` must not refresh (write) the index of a repository others work in.
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } }).trim();
  } catch {
    return "";
  }
}

export async function machineInfo(root: string, sql: pg.Pool): Promise<MachineInfo> {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const memKb = Number(/MemTotal:\s+(\d+)/.exec(readFileSync("/proc/meminfo", "utf8"))?.[1] ?? 0);
  const version = (await sql.query<{ v: string }>("SELECT version() AS v")).rows[0]!.v;
  const names = ["shared_buffers", "synchronous_commit", "fsync", "wal_sync_method", "autovacuum", "max_connections", "work_mem"];
  const settings = await sql.query<{ name: string; setting: string; unit: string | null }>(
    "SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1) ORDER BY name",
    [names],
  );
  const nextPkg = JSON.parse(readFileSync(`${root}/node_modules/next/package.json`, "utf8")) as { version: string };
  return {
    nproc: Number(quiet("nproc", [], root)) || os.cpus().length,
    memoryGiB: Math.round((memKb / 1024 / 1024) * 10) / 10,
    cpuModel: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? "unknown",
    kernel: os.release(),
    node: process.version,
    next: nextPkg.version,
    postgres: version.split(" on ")[0] ?? version,
    postgresSettings: Object.fromEntries(settings.rows.map((r) => [r.name, r.unit && r.unit !== "" ? `${r.setting} (${r.unit})` : r.setting])),
    commit: quiet("git", ["rev-parse", "--short", "HEAD"], root),
    uncommittedChanges: quiet("git", ["status", "--porcelain"], root) !== "",
  };
}
