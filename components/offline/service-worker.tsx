"use client";
// Registers public/sw.js, which lets the runner of an exam in progress reload
// while offline. Production builds only: in development every file changes
// under the same names and a caching worker would serve stale code; the e2e
// suite and Lighthouse run production builds. Registered after the page has
// loaded, so it never competes with the page itself. Renders nothing.
import { useEffect } from "react";

export function ServiceWorker() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const register = () => void navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
    if (document.readyState === "complete") register();
    else {
      window.addEventListener("load", register, { once: true });
      return () => window.removeEventListener("load", register);
    }
  }, []);
  return null;
}
