import { describe, expect, test } from "vitest";
import { isLocalDatabaseUrl } from "@/lib/database/client";
import { SeedRefused, assertSeedable } from "@/lib/seed/seed";

describe("isLocalDatabaseUrl", () => {
  test.each([
    ["postgresql://postgres@127.0.0.1:5432/db", true],
    ["postgresql://postgres@localhost/db", true],
    ["postgresql://postgres@[::1]:5432/db", true],
    ["postgresql://u:p@db.example.com:5432/prod", false],
    ["postgresql://u:p@stratus.cluster-abc.eu-west-1.rds.amazonaws.com/prod", false],
    ["not a url", false],
  ])("%s → %s", (url, local) => {
    expect(isLocalDatabaseUrl(url)).toBe(local);
  });
});

describe("assertSeedable", () => {
  test("refuses a remote database unless allowed", () => {
    expect(() => assertSeedable("postgresql://u@db.example.com/prod", false)).toThrow(SeedRefused);
    expect(() => assertSeedable("postgresql://u@db.example.com/prod", true)).not.toThrow();
    expect(() => assertSeedable("postgresql://u@127.0.0.1/dev", false)).not.toThrow();
  });
});
