// The queue's own tables (schema graphile_worker), created and upgraded by
// graphile-worker's migrations, beside Prisma's: `npm run db:migrate`,
// `npm start` and the test setup run both. No "server-only" marker: scripts
// that run outside Next import it.
import { Logger, runMigrations } from "graphile-worker";

/** graphile-worker logs every job at info level; keep warnings and errors. */
export const quietLogger = new Logger((scope) => (level, message) => {
  const text = String(level);
  if (text === "error" || text === "warning") console.error(`[jobs${scope.taskIdentifier ? ` ${scope.taskIdentifier}` : ""}] ${message}`);
});

/** Creates or upgrades the queue's schema (idempotent; safe from several processes at once). */
export async function migrateJobQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, maxPoolSize: 1, noPreparedStatements: true, logger: quietLogger });
}
