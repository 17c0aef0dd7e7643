import { describe, expect, test } from "vitest";
import { queryConfig } from "@/lib/database/direct";
import { Prisma } from "@/lib/generated/prisma/client";

describe("queryConfig", () => {
  const at = new Date("2026-03-01T10:00:00.123Z");
  const config = queryConfig(Prisma.sql`SELECT ${at}, ${12n}, ${[1n, 2n]}, ${["a", "b"]}, ${null}, ${"text"}, ${7}, ${true} WHERE ${Prisma.sql`x = ${"nested"}`}`);
  const parser = (oid: number) => (config.types as { getTypeParser: (oid: number, format: string) => (value: string) => unknown }).getTypeParser(oid, "text");

  test("numbers the placeholders as PostgreSQL does, nested fragments included", () => {
    expect(config.text).toBe("SELECT $1, $2, $3, $4, $5, $6, $7, $8 WHERE x = $9");
  });

  test("sends dates as UTC instants and BigInts as text, whatever the process's time zone", () => {
    expect(config.values).toEqual(["2026-03-01T10:00:00.123Z", "12", ["1", "2"], ["a", "b"], null, "text", 7, true, "nested"]);
  });

  test("reads int8 as BigInt and timestamp without time zone as UTC, as Prisma's raw queries do", () => {
    expect(parser(20)("9007199254740993")).toBe(9007199254740993n);
    expect(parser(1114)("2026-03-01 10:00:00.123")).toEqual(at);
    expect(parser(1114)("2026-03-01 10:00:00")).toEqual(new Date("2026-03-01T10:00:00Z"));
  });

  test("is unnamed unless prepared, and then named by its text alone", () => {
    const statement = (id: string) => Prisma.sql`SELECT * FROM "Attempt" WHERE id = ${id}`;
    expect(config.name).toBeUndefined();
    const first = queryConfig(statement("a"), { prepared: true }).name;
    expect(first).toMatch(/^stratus_[0-9a-f]{32}$/);
    expect(queryConfig(statement("b"), { prepared: true }).name).toBe(first);
    expect(queryConfig(Prisma.sql`SELECT * FROM "Attempt" WHERE "userId" = ${"a"}`, { prepared: true }).name).not.toBe(first);
    // PostgreSQL cuts identifiers at 63 bytes: two names must not become one.
    expect(first!.length).toBeLessThanOrEqual(63);
  });

  test("leaves other types to node-postgres", () => {
    expect(parser(23)("42")).toBe(42);
    expect(parser(16)("t")).toBe(true);
    expect(parser(1009)("{a,\"b c\"}")).toEqual(["a", "b c"]);
  });
});
