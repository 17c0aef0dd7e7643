// Preloaded into the Prisma CLI by our scripts (node -r). Prisma 6.19's WASM
// schema engine arms a 10 s timer during `migrate deploy` and never clears it,
// so every deploy waits ~10 s after finishing before the process exits. Timers
// of 5 s or more are unref'd: they still fire while the CLI is busy, but no
// longer keep a finished CLI alive.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function setTimeoutUnrefLong(callback, ms, ...args) {
  const timer = originalSetTimeout(callback, ms, ...args);
  if (typeof ms === "number" && ms >= 5000 && timer && typeof timer.unref === "function") timer.unref();
  return timer;
};
