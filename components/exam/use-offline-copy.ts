"use client";
// The runner's side of reloading an exam while offline (public/sw.js): it asks
// the service worker to keep a copy of this runner page and the files it loads
// (each time the runner opens online), and tells the runner when it is
// offline and whether it opened from that kept copy (the worker marks the copy
// with a meta tag).
import { useEffect, useState } from "react";
import { runnerWorker } from "@/components/offline/runner-worker";

const COPY_MARK = 'meta[name="stratus-offline-copy"]';

export function useOfflineCopy(attemptId: string): { fromCopy: boolean; offline: boolean } {
  const [fromCopy] = useState(() => document.querySelector(COPY_MARK) !== null);
  const [offline, setOffline] = useState(() => fromCopy || !navigator.onLine);

  useEffect(() => {
    // The mark belongs to this load only: a later client-side visit is not a copy.
    document.querySelector(COPY_MARK)?.remove();
    const update = () => setOffline(!navigator.onLine);
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    return () => {
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  useEffect(() => {
    if (fromCopy) return;
    let cancelled = false;
    void runnerWorker().then((worker) => {
      if (cancelled || !worker || !navigator.onLine) return;
      // The files this page has loaded (the runner's own chunk comes after the HTML, so the HTML alone does not name it).
      const assets = performance
        .getEntriesByType("resource")
        .map((entry) => entry.name)
        .filter((name) => name.includes("/_next/static/"));
      worker.postMessage({ type: "keep-runner", path: location.pathname, assets });
    });
    return () => {
      cancelled = true;
    };
  }, [attemptId, fromCopy]);

  return { fromCopy, offline };
}
