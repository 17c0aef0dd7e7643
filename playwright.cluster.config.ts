// `npm run test:cluster`: the multi-instance fault test (e2e/cluster/), which
// starts its own PostgreSQL, Stratus instances and nginx instead of one web server.
import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

export default defineConfig({
  testDir: "e2e/cluster",
  workers: 1,
  timeout: 15 * 60_000,
  expect: { timeout: 20_000 },
  retries: 0,
  outputDir: "test-results/cluster-artifacts",
  reporter: [["list"], ["json", { outputFile: "test-results/cluster-results.json" }]],
  // nginx, in front of the instances (e2e/cluster/faults.spec.ts starts it on this port).
  use: { ...base.use, baseURL: `http://127.0.0.1:${process.env.STRATUS_CLUSTER_PORT ?? 3180}`, trace: "retain-on-failure" },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
