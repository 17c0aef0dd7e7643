// What this browser keeps of a student's exams so a runner page reloads while
// offline (public/sw.js): the service worker's caches and, per attempt, the
// answers the server last acknowledged (use-answer-sync.ts). Forgotten when a
// person signs out or a sign-in form opens, so the next person on this browser
// never sees them. Unsent answers (the queue) are left alone: they belong to an
// attempt and are refused by the server for anyone else.

/** Where the service worker works (public/sw.js): runner pages only. */
export const WORKER_SCOPE = "/attempts/";

/** The service worker's cache names (public/sw.js). */
export const OFFLINE_CACHES = ["stratus-runner-pages-v1", "stratus-runner-assets-v1"] as const;

/** localStorage key of an attempt's last acknowledged answers. */
export const savedAnswersKey = (attemptId: string) => `stratus:attempt:${attemptId}:saved`;

export function forgetOfflineCopies(): void {
  try {
    for (const key of Object.keys(localStorage)) if (/^stratus:attempt:.+:saved$/.test(key)) localStorage.removeItem(key);
  } catch {
    // Storage disabled: nothing was kept.
  }
  // The worker forgets too, so a copy it is fetching right now is not written back afterwards.
  // Only runner pages are its clients, so it is reached through its registration from any page.
  if ("serviceWorker" in navigator) {
    void navigator.serviceWorker.getRegistration(WORKER_SCOPE).then((r) => r?.active?.postMessage({ type: "forget" }), () => undefined);
  }
  if (typeof caches !== "undefined") for (const name of OFFLINE_CACHES) void caches.delete(name).catch(() => undefined);
}
