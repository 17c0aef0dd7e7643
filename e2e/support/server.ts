// The server the end-to-end tests drive: the production build (`npm run build`
// ran first) on a database of its own — a fresh database on TEST_DATABASE_URL's
// server when set, else a fresh embedded database under .data/e2e — started by
// the same scripts/start.ts that `npm start` uses.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { E2E_EMBEDDED_DB_PORT } from "./env";

const root = path.resolve(import.meta.dirname, "../..");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: process.env.E2E_PORT ?? "3100",
  AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  // A short mock exam so the clock can run out inside a test.
  STRATUS_MOCK_MINUTES: process.env.STRATUS_MOCK_MINUTES ?? "1.5",
  // Mail (password resets) goes to a folder the outbox page shows, as on the embedded default.
  STRATUS_LOCAL_OUTBOX: path.join(root, ".data", `e2e-outbox-${process.env.E2E_PORT ?? "3100"}`),
};
rmSync(env.STRATUS_LOCAL_OUTBOX!, { recursive: true, force: true });

const serverUrl = process.env.TEST_DATABASE_URL;
if (serverUrl) {
  const name = `stratus_e2e_${env.PORT}`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  delete env.DATABASE_URL;
  env.STRATUS_DATA_DIR = path.join(root, ".data", `e2e-${env.PORT}`);
  env.STRATUS_EMBEDDED_DB_PORT = String(E2E_EMBEDDED_DB_PORT); // fixed, so fixtures can reach it
  rmSync(env.STRATUS_DATA_DIR, { recursive: true, force: true });
}

const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(root, "scripts/start.ts")], {
  cwd: root,
  env,
  stdio: "inherit",
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => process.exit(code ?? 0));
