// The embedded database: PGlite (Postgres compiled to WebAssembly) served over
// the Postgres wire protocol, so the app, Prisma migrations and tests keep one
// database code path. Used by `npm start` when DATABASE_URL is not set and by
// the test suite when TEST_DATABASE_URL is not set.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedPostgres = {
  url: string;
  port: number;
  /** The whole data directory as a gzipped tarball (tests reuse a migrated image). */
  dumpDataDir(): Promise<Blob>;
  stop(): Promise<void>;
};

export type EmbeddedPostgresOptions = {
  /** Folder for the data files; "memory://" keeps everything in memory. */
  dataDir: string;
  port?: number; // 0 picks a free port
  host?: string;
  /**
   * Client connections the socket server accepts at once. PGlite itself runs one
   * query at a time; the server multiplexes connections and, while one of them
   * is inside a transaction, serves only that connection.
   */
  maxConnections?: number;
  /** Start from a data directory image made by dumpDataDir(). */
  loadDataDir?: Blob;
};

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir, port = 0, host = "127.0.0.1", maxConnections = 16, loadDataDir } = options;
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
  const server = new PGLiteSocketServer({ db, port, host, maxConnections });
  await server.start();
  const address = server.getServerConn();
  const actualPort = Number(address.split(":").pop());
  return {
    url: `postgresql://postgres:postgres@${host}:${actualPort}/postgres?sslmode=disable`,
    port: actualPort,
    async dumpDataDir() {
      return db.dumpDataDir("gzip");
    },
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
