// npx tsx scripts/lighthouse-ceiling.ts [runs] — what Lighthouse's mobile
// performance score can be on this machine for ANY Next.js page: a bare App
// Router page (a heading and a 50-item list, no client component, none of our
// code), built with this repository's Next.js and React and audited as
// `npm run test:lighthouse` audits ours (Debian's Chromium, default mobile
// emulation and simulated throttling). It prints each run's score and TBT, to
// read beside docs/lighthouse.md: a page of ours cannot score above what the
// framework alone scores on the same machine.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { launchChrome } from "./lighthouse-chrome";

const runs = Number(process.argv[2] ?? 5);
const port = 3590;
const root = path.resolve(import.meta.dirname, "..");
const dir = mkdtempSync(path.join(tmpdir(), "stratus-bare-next-"));
mkdirSync(path.join(dir, "app"));
symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
writeFileSync(path.join(dir, "package.json"), '{ "name": "bare-next", "private": true, "type": "module" }\n');
writeFileSync(path.join(dir, "next.config.mjs"), "export default {};\n");
writeFileSync(
  path.join(dir, "app/layout.tsx"),
  'export const metadata = { title: "Bare" };\nexport default function RootLayout({ children }: { children: React.ReactNode }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
);
writeFileSync(
  path.join(dir, "app/page.tsx"),
  'export const dynamic = "force-dynamic";\nexport default function Page() {\n  return <main><h1>Bare Next.js page</h1><ul>{Array.from({ length: 50 }, (_, i) => <li key={i}>Item {i}</li>)}</ul></main>;\n}\n',
);
const next = path.join(root, "node_modules/.bin/next");
// Webpack: Turbopack will not follow node_modules out of the project's root.
execFileSync(next, ["build", "--webpack"], { cwd: dir, stdio: "ignore" });
const server = spawn(next, ["start", "-p", String(port)], { cwd: dir, stdio: "ignore" });
const chrome = await launchChrome();
try {
  const chromePort = chrome.port;
  for (let tries = 0; ; tries++) {
    const up = await fetch(`http://localhost:${port}/`).then((r) => r.ok, () => false);
    if (up) break;
    if (tries > 60) throw new Error("the bare Next.js page did not start");
    await new Promise((r) => setTimeout(r, 500));
  }
  for (let run = 0; run <= runs; run++) {
    const result = await lighthouse(`http://localhost:${port}/`, { port: chromePort, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    const lhr = result!.lhr;
    console.log(
      `${run === 0 ? "warm-up (not counted)" : `run ${run}`}: performance ${Math.round((lhr.categories.performance?.score ?? 0) * 100)}, ` +
        `TBT ${lhr.audits["total-blocking-time"]?.displayValue}, LCP ${lhr.audits["largest-contentful-paint"]?.displayValue}, benchmark index ${Math.round(lhr.environment.benchmarkIndex)}`,
    );
  }
} finally {
  chrome.kill();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
