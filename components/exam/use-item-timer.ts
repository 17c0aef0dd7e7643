"use client";
// Time spent on each question while it is on screen and the tab is visible.
import { useEffect, useState } from "react";

function createTimer(initial: ReadonlyArray<readonly [number, number]>) {
  const spent = new Map<number, number>(initial.map(([p, ms]) => [p, ms]));
  let shownAt = 0;
  return {
    /** Starts (or restarts) the clock without charging anything. */
    restart() {
      shownAt = Date.now();
    },
    /** Adds the time since the last mark to `position` and restarts the clock. */
    stop(position: number) {
      const now = Date.now();
      if (document.visibilityState === "visible" && shownAt) spent.set(position, (spent.get(position) ?? 0) + (now - shownAt));
      shownAt = now;
    },
    spent(position: number) {
      return Math.round(spent.get(position) ?? 0);
    },
  };
}

export function useItemTimer(initial: ReadonlyArray<readonly [number, number]>) {
  const [timer] = useState(() => createTimer(initial));
  useEffect(() => {
    timer.restart();
    const onVisibility = () => {
      if (document.visibilityState === "visible") timer.restart();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, [timer]);
  return timer;
}
