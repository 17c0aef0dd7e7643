// npm run db:migration:new -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the schema as committed (HEAD) and the working
// copy. `prisma migrate dev` on the JavaScript engine needs a shadow database
// for destructive changes (its data-loss check fails with "shadow DB must be
// provided through an external factory"); diffing two datamodels needs none.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration:new -- <snake_case_name>");
  process.exit(2);
}
const base = process.env.MIGRATION_BASE ?? "HEAD";
const old = path.join(mkdtempSync(path.join(tmpdir(), "stratus-schema-")), "schema.prisma");
writeFileSync(old, execFileSync("git", ["show", `${base}:prisma/schema.prisma`]));
const sql = execFileSync(
  process.execPath,
  ["-r", "./prisma/unref-engine-timers.cjs", "node_modules/prisma/build/index.js", "migrate", "diff", "--from-schema-datamodel", old, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    // The CLI connects through the configured adapter even to diff two datamodels;
    // any PostgreSQL will do (the local one by default).
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
  },
);
if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  console.error("The schema has not changed since", base);
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${dir}/migration.sql — review it, then npm run db:migrate`);
