// Headless Debian Chromium with a debugging port, for Lighthouse: used by
// scripts/lighthouse.ts and scripts/lighthouse-ceiling.ts, so both audit in
// the same browser set up the same way.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromiumFlags, chromiumPath } from "./chromium";


export type Chrome = { port: number; kill: () => void };

/** Starts headless Chromium on a free debugging port, with a profile of its own. */
export async function launchChrome(): Promise<Chrome> {
  const profile = mkdtempSync(path.join(tmpdir(), "stratus-lighthouse-"));
  const child = spawn(
    chromiumPath,
    [
      "--headless=new",
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      ...chromiumFlags,
      "--no-default-browser-check",
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const kill = () => {
    child.kill("SIGKILL");
    // Chromium may still be writing its profile as it dies: a failed removal leaves a temporary folder, nothing worse.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // left in the temporary directory
    }
  };
  const port = await new Promise<number>((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${text}`)), 60_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      text += chunk.toString();
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.on("exit", (code) => reject(new Error(`Chromium exited with ${code}:\n${text}`)));
  }).catch((error: unknown) => {
    kill();
    throw error;
  });
  return { port, kill };
}
