// Driver adapter for the Prisma CLI's JavaScript schema engine (migrate dev,
// deploy, reset, status). Prisma 6.19's adapter-pg has two defects when used
// for migrations (prisma/orm#27403), handled here:
//
// 1. The schema engine reads Postgres catalog columns whose types (name, "char",
//    regclass, name[] …) adapter-pg rejects as UnsupportedNativeDataType. Our pg
//    Client re-labels those columns as text / text[] before adapter-pg sees them.
// 2. adapter-pg's connectToShadowDb() opens the shadow pool with the main URL
//    (the URL's database wins over the `database` option, so it connects to the
//    main database) and drops the shadow database before closing that pool. Ours
//    points the shadow pool at its own database and drops it after the pool ends.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { parse as parsePgArray } from "postgres-array";

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
// char, name, int2vector, regproc, xid, oidvector, pg_node_tree, aclitem,
// regclass, regtype, pg_ndistinct, pg_dependencies, pg_mcv_list
const CATALOG_SCALAR_OIDS = new Set([18, 19, 22, 24, 28, 30, 194, 1033, 2205, 2206, 3361, 3402, 5017]);
// char[], name[], regproc[], xid[], oidvector[], aclitem[], regclass[], regtype[]
const CATALOG_ARRAY_OIDS = new Set([1002, 1003, 1008, 1011, 1013, 1034, 2210, 2211]);

type FieldLike = { dataTypeID: number };
type ResultLike = { fields?: FieldLike[]; rows?: unknown[] };

function retypeCatalogColumns<T>(result: T): T {
  const results = (Array.isArray(result) ? result : [result]) as ResultLike[];
  for (const r of results) {
    r?.fields?.forEach((field, column) => {
      if (CATALOG_SCALAR_OIDS.has(field.dataTypeID)) {
        field.dataTypeID = TEXT_OID;
      } else if (CATALOG_ARRAY_OIDS.has(field.dataTypeID)) {
        field.dataTypeID = TEXT_ARRAY_OID;
        for (const row of r.rows ?? []) {
          if (Array.isArray(row) && typeof row[column] === "string") row[column] = parsePgArray(row[column]);
        }
      }
    });
  }
  return result;
}

type Callback = (error: Error | null, result: unknown) => void;

export class CatalogAsTextClient extends pg.Client {
  // pg's query() has many overloads (promise, callback, config.callback, submittable).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as Callback;
      args[args.length - 1] = (error: Error | null, result: unknown) =>
        callback(error, error ? result : retypeCatalogColumns(result));
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
    const config = args[0] as { callback?: Callback } | undefined;
    if (config && typeof config === "object" && typeof config.callback === "function") {
      const callback = config.callback;
      config.callback = (error, result) => callback(error, error ? result : retypeCatalogColumns(result));
      return super.query(...(args as Parameters<pg.Client["query"]>));
    }
    const result = super.query(...(args as Parameters<pg.Client["query"]>)) as unknown;
    return result instanceof Promise ? result.then(retypeCatalogColumns) : result;
  }
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly connectionString: string) {
    // allowExitOnIdle: the CLI never closes the pool; without it every command
    // waits out pg's 10 s idle timeout before exiting.
    super({ connectionString, Client: CatalogAsTextClient, allowExitOnIdle: true });
  }

  override async connectToShadowDb() {
    const main = await this.connect();
    const database = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${database}"`);
    const url = new URL(this.connectionString);
    url.pathname = `/${database}`;
    const shadowPool = new pg.Pool({
      connectionString: url.toString(),
      Client: CatalogAsTextClient,
      allowExitOnIdle: true,
    });
    const shadow = await new PrismaPg(shadowPool, { disposeExternalPool: true }).connect();
    const disposeShadow = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await disposeShadow(); // ends the shadow pool first…
      try {
        await main.executeScript(`DROP DATABASE IF EXISTS "${database}"`); // …then drops its database
      } finally {
        await main.dispose();
      }
    };
    return shadow;
  }
}

export function createMigrationAdapter(connectionString: string) {
  return new MigrationAdapterFactory(connectionString);
}
