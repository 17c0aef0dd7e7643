/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded database, Prisma's adapter and the password hasher stay in
  // Node's own module system instead of the server bundle.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-socket", "@node-rs/argon2", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() renders app/forbidden.tsx with a 403 for pages a role may not open.
  experimental: { authInterrupts: true },
  // Builds may run while another build's server is still serving (tests, bench):
  // NEXT_DIST_DIR keeps their outputs apart.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
