import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createPrismaClient } from "@/lib/database/client";
import { checkHealth } from "@/lib/health/check";
import { type TestDatabase, createTestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.close());

describe("health check", () => {
  test("reports the database reachable and the newest applied migration", async () => {
    const latest = readdirSync(path.resolve(__dirname, "../../prisma/migrations"), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort()
      .pop();
    const report = await checkHealth(t.db);
    expect(report).toMatchObject({ status: "ok", database: "reachable", migration: latest });
  });

  test("reports the database unreachable when nothing listens", async () => {
    const down = createPrismaClient({ url: "postgresql://postgres@127.0.0.1:1/none" });
    const report = await checkHealth(down);
    expect(report).toMatchObject({ status: "error", database: "unreachable" });
    await down.$disconnect();
  });
});
