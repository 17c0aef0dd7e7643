// Runs the real Prisma CLI (JS schema engine + our migration adapter) against a URL.
import { spawn } from "node:child_process";
import path from "node:path";

const PRISMA_CLI = path.resolve(import.meta.dirname, "../../node_modules/prisma/build/index.js");
const UNREF_TIMERS = path.resolve(import.meta.dirname, "../../prisma/unref-engine-timers.cjs");

export function runPrisma(args: string[], databaseUrl: string): Promise<{ code: number; output: string }> {
  // Asynchronous on purpose: an embedded database in this process must keep serving.
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", UNREF_TIMERS, PRISMA_CLI, ...args], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? -1, output }));
  });
}

export async function migrateDeploy(databaseUrl: string): Promise<void> {
  const result = await runPrisma(["migrate", "deploy"], databaseUrl);
  if (result.code !== 0) throw new Error(`prisma migrate deploy failed:\n${result.output}`);
}
