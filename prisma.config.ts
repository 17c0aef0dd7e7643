// Prisma CLI configuration: the JavaScript schema engine with a driver adapter,
// so migrations run with nothing but npm packages (no native engine download).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./prisma/migrate-adapter";

const databaseUrl = process.env.DATABASE_URL;
// Prisma 6 resolves env("DATABASE_URL") in the schema even for `prisma generate`,
// which never connects; when that fails it falls back to the native engine and
// tries to download it (impossible offline). A placeholder keeps generate offline.
process.env.DATABASE_URL ??= "postgresql://generate-only@localhost:5432/unused";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    if (!databaseUrl) {
      throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
    }
    return createMigrationAdapter(databaseUrl);
  },
});
