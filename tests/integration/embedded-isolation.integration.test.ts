// The embedded database (PGlite behind pglite-socket) runs one query at a time
// and, while a connection is inside a transaction, serves only that connection.
// These tests prove that concurrent transactions from many connections never
// interleave, so the embedded default is safe even beyond the app's single
// connection (scripts, tests, a second process).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "@/lib/database/embedded";

let embedded: EmbeddedPostgres;
let pool: pg.Pool;

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ dataDir: "memory://", maxConnections: 16 });
  pool = new pg.Pool({ connectionString: embedded.url, max: 10 });
  await pool.query(`
    CREATE TABLE tx_log (seq serial PRIMARY KEY, tx int NOT NULL, step text NOT NULL);
    CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL);
    INSERT INTO counter VALUES (1, 0);`);
});

afterAll(async () => {
  await pool.end();
  await embedded.stop();
});

const pause = () => new Promise((r) => setTimeout(r, Math.random() * 4));

describe("embedded database under concurrent transactions", () => {
  test("statements of different transactions never interleave", async () => {
    const transactions = 30;
    await Promise.all(
      Array.from({ length: transactions }, async (_, tx) => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          for (const step of ["begin", "middle", "end"]) {
            await client.query("INSERT INTO tx_log (tx, step) VALUES ($1, $2)", [tx, step]);
            await pause();
          }
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query<{ tx: number; step: string }>("SELECT tx, step FROM tx_log ORDER BY seq");
    expect(rows).toHaveLength(transactions * 3);
    // Every transaction's three rows sit next to each other, in order.
    for (let i = 0; i < rows.length; i += 3) {
      expect(rows.slice(i, i + 3)).toEqual([
        { tx: rows[i]!.tx, step: "begin" },
        { tx: rows[i]!.tx, step: "middle" },
        { tx: rows[i]!.tx, step: "end" },
      ]);
    }
  });

  test("read-modify-write transactions lose no update", async () => {
    const transactions = 40;
    await Promise.all(
      Array.from({ length: transactions }, async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          const { rows } = await client.query<{ n: number }>("SELECT n FROM counter WHERE id = 1");
          await pause();
          await client.query("UPDATE counter SET n = $1 WHERE id = 1", [rows[0]!.n + 1]);
          await client.query("COMMIT");
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query<{ n: number }>("SELECT n FROM counter WHERE id = 1");
    expect(rows[0]!.n).toBe(transactions);
  });

  test("a rolled-back transaction leaves nothing behind while others commit", async () => {
    await Promise.all([
      (async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await client.query("INSERT INTO tx_log (tx, step) VALUES (999, 'doomed')");
          await pause();
          await client.query("ROLLBACK");
        } finally {
          client.release();
        }
      })(),
      ...Array.from({ length: 5 }, (_, i) =>
        pool.query("INSERT INTO tx_log (tx, step) VALUES ($1, 'autocommit')", [1000 + i]),
      ),
    ]);
    const { rows } = await pool.query("SELECT step FROM tx_log WHERE tx >= 999 ORDER BY tx");
    expect(rows.map((r) => r.step)).toEqual(Array(5).fill("autocommit"));
  });
});
