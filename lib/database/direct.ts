// The hottest statements (an answer save, a submit's read and its guarded
// grade) go straight to node-postgres, on the very pool Prisma's driver adapter
// uses (client.ts), past Prisma's query pipeline. In a profiled submit storm
// Prisma's client and its query compiler took 22% of the server's CPU on
// statements that were raw SQL already (docs/benchmarks.md). The statements
// stay Prisma.Sql values, so they are written once and read the same way here
// and through Prisma. Values come back as Prisma's raw queries give them:
// int8 as BigInt, timestamp (UTC, without time zone) as Date.
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

const POOL = Symbol.for("stratus.database.pool");

/** Gives `client` the pool its driver adapter runs on. */
export function attachPool(client: object, pool: pg.Pool): void {
  Object.defineProperty(client, POOL, { value: pool });
}

const INT8 = 20;
const TIMESTAMP = 1114;
const parseTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

function typeParser(oid: number, format?: string): (value: string) => unknown {
  if (oid === INT8) return (value) => BigInt(value);
  if (oid === TIMESTAMP) return parseTimestamp;
  return pg.types.getTypeParser(oid, format as "text");
}

/** A statement's values as node-postgres should send them: dates as UTC instants whatever the process's time zone (node-postgres would send local time), BigInts as text. */
function valueOf(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value)) return value.map(valueOf);
  return value;
}

/** `statement` as node-postgres takes it, with the value conversions above: for any pg client or pool. */
export function queryConfig(statement: Prisma.Sql): pg.QueryConfig {
  return { text: statement.text, values: statement.values.map(valueOf), types: { getTypeParser: typeParser } as pg.CustomTypesConfig };
}

/**
 * Runs `statement` on `db`'s pool, outside any transaction: a client made by
 * createPrismaClient (or lib/db.ts's), never a transaction's (its statements
 * must run on the transaction's connection).
 */
export async function directQuery<T>(db: object, statement: Prisma.Sql): Promise<T[]> {
  const pool = (db as { [POOL]?: pg.Pool })[POOL];
  if (!pool) throw new Error("directQuery: this client has no pool of its own (createPrismaClient attaches it)");
  return (await pool.query(queryConfig(statement))).rows as T[];
}
