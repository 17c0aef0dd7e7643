// Where the e2e server's database lives, shared by the server launcher and fixtures.
export const E2E_EMBEDDED_DB_PORT = Number(process.env.E2E_EMBEDDED_DB_PORT ?? 54339);

export function e2eDatabaseUrl(): string {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const url = new URL(serverUrl);
    url.pathname = `/stratus_e2e_${process.env.E2E_PORT ?? "3100"}`;
    return url.toString();
  }
  return `postgresql://postgres:postgres@127.0.0.1:${E2E_EMBEDDED_DB_PORT}/postgres?sslmode=disable`;
}
