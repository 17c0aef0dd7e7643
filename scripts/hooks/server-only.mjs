// An ESM resolve hook for scripts/server.ts, which runs under Node's default
// conditions (Next.js needs them) yet loads the hot routes' server code from
// source (lib/edge/hot-routes.ts): "server-only" resolves as it does in a
// React Server Components build, to its empty module. Nothing else changes.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === "server-only") return nextResolve(specifier, { ...context, conditions: [...context.conditions, "react-server"] });
  return nextResolve(specifier, context);
}
