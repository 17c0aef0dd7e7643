// The hottest statements (an answer save, a submit's read and its guarded
// grade) go straight to node-postgres, on the very pool Prisma's driver adapter
// uses (client.ts), past Prisma's query pipeline. In a profiled submit storm
// Prisma's client and its query compiler took 22% of the server's CPU on
// statements that were raw SQL already (docs/benchmarks.md). The statements
// stay Prisma.Sql values, so they are written once and read the same way here
// and through Prisma. Values come back as Prisma's raw queries give them:
// int8 as BigInt, timestamp (UTC, without time zone) as Date.
//
// They are named prepared statements unless the client was made without them:
// each connection parses and plans one the first time, and PostgreSQL then
// keeps its plan, where an unnamed statement is planned on every call
// (unnamed, planning took a third of these statements' time in PostgreSQL in
// a submit storm; interleaved storms: docs/benchmarks/submit-storm.md). A
// pooler must keep them per client connection (PgBouncer 1.21+ with
// max_prepared_statements); behind one that does not, or RDS Proxy, which pins
// a session that prepares, set DATABASE_PREPARED_STATEMENTS=off
// (docs/deploy.md). The embedded database has them off: its connections share
// one PGlite session, where a reconnecting pool's fresh connection would
// prepare a name the session already holds.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";

const POOL = Symbol.for("stratus.database.pool");

type Direct = { pool: pg.Pool; prepared: boolean };

/** Gives `client` the pool its driver adapter runs on, and says whether its direct statements are prepared. */
export function attachPool(client: object, pool: pg.Pool, options: { prepared: boolean }): void {
  Object.defineProperty(client, POOL, { value: { pool, prepared: options.prepared } satisfies Direct });
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

/**
 * `statement` as node-postgres takes it, with the value conversions above: for any pg client or pool.
 * `prepared`: as a named prepared statement (statementName).
 */
export function queryConfig(statement: Prisma.Sql, options: { prepared?: boolean } = {}): pg.QueryConfig {
  return {
    text: statement.text,
    values: statement.values.map(valueOf),
    types: { getTypeParser: typeParser } as pg.CustomTypesConfig,
    ...(options.prepared ? { name: statementName(statement.text) } : {}),
  };
}

/**
 * Runs `statement` on `db`'s pool, outside any transaction: a client made by
 * createPrismaClient (or lib/db.ts's), never a transaction's (its statements
 * must run on the transaction's connection). Its text must not vary with its
 * values (lists go in as one array parameter): each distinct text becomes a
 * prepared statement kept by every connection of the pool.
 */
export async function directQuery<T>(db: object, statement: Prisma.Sql): Promise<T[]> {
  const direct = (db as { [POOL]?: Direct })[POOL];
  if (!direct) throw new Error("directQuery: this client has no pool of its own (createPrismaClient attaches it)");
  return (await direct.pool.query(queryConfig(statement, { prepared: direct.prepared }))).rows as T[];
}

const names = new Map<string, string>();

/** One name per statement text, the same in every process (node-postgres prepares a name once per connection). */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `stratus_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`));
  return name;
}
