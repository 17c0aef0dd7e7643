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
  // `npm run bench` builds its own copy (STRATUS_BENCH_BUILD=1, into .next-bench)
  // that also compiles `route.bench.ts` files: the bench's start route and its
  // bare Next.js rung. Any other build does not see them, so they are absent
  // from every normal build.
  pageExtensions: process.env.STRATUS_BENCH_BUILD === "1" ? ["bench.ts", "tsx", "ts", "jsx", "js"] : ["tsx", "ts", "jsx", "js"],
};

export default nextConfig;
