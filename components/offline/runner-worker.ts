// The offline service worker (public/sw.js), for runner pages only (scope
// /attempts/): the runner asks for it (use-offline-copy.ts) and no other page
// registers it, so no other page is its client and no other navigation waits
// for it to start. Registered after the page has loaded, so it never competes
// with the page itself; once per page (register() is idempotent across pages).
// Production builds only: in development every file changes under the same
// names and a caching worker would serve stale code; the e2e suite and
// Lighthouse run production builds.
//
// Not `navigator.serviceWorker.ready`: a runner reached by a client-side
// navigation lives in a document loaded at another path (/exams), which the
// /attempts/ scope does not match, so `ready` would never resolve there.
import { WORKER_SCOPE } from "./offline-copies";

let registering: Promise<ServiceWorker | null> | undefined;

const loaded = () =>
  new Promise<void>((resolve) => {
    if (document.readyState === "complete") resolve();
    else window.addEventListener("load", () => resolve(), { once: true });
  });

const activated = (worker: ServiceWorker) =>
  new Promise<ServiceWorker | null>((resolve) => {
    const check = () => {
      if (worker.state === "activated") resolve(worker);
      else if (worker.state === "redundant") resolve(null);
    };
    worker.addEventListener("statechange", check);
    check();
  });

/** The runner's service worker once it is active, registering it first; null where there is none. */
export function runnerWorker(): Promise<ServiceWorker | null> {
  if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return Promise.resolve(null);
  registering ??= (async () => {
    await loaded();
    // A whole-site registration (an earlier version's) updates to this script and removes itself (public/sw.js).
    const registration = await navigator.serviceWorker.register("/sw.js", { scope: WORKER_SCOPE });
    const worker = registration.installing ?? registration.waiting ?? registration.active;
    return worker ? activated(worker) : null;
  })().catch(() => null);
  return registering;
}
