"use client";
// Counts down to the server's deadline (corrected for this device's clock) and
// warns at 10, 5 and 1 minutes, visibly and through a live region.
import { useEffect, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { plural } from "@/lib/format/plural";
import { serverClockOffset } from "./clock-offset";

const WARNINGS = [10 * 60, 5 * 60, 60];

function format(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}:` : ""}${String(m).padStart(h > 0 ? 2 : 1, "0")}:${String(s).padStart(2, "0")}`;
}

export function Countdown({
  deadline,
  serverNow,
  pageIsCopy = false,
  onExpire,
}: {
  deadline: string;
  serverNow: string;
  /** The page is a copy opened offline: its server time is old (clock-offset.ts). */
  pageIsCopy?: boolean;
  onExpire: () => void;
}) {
  const [offset] = useState(() => serverClockOffset(serverNow, pageIsCopy));
  const end = new Date(deadline).getTime();
  const [left, setLeft] = useState(() => Math.max(0, Math.ceil((end - (Date.now() + offset)) / 1000)));
  const [announcement, setAnnouncement] = useState("");
  const warned = useRef(new Set<number>());
  const expired = useRef(false);
  const onExpireRef = useRef(onExpire);
  useEffect(() => {
    onExpireRef.current = onExpire;
  }, [onExpire]);

  useEffect(() => {
    // Thresholds already passed when the page opened are not announced again.
    const initial = Math.ceil((end - (Date.now() + offset)) / 1000);
    for (const w of WARNINGS) if (initial <= w) warned.current.add(w);
    const tick = () => {
      const seconds = Math.max(0, Math.ceil((end - (Date.now() + offset)) / 1000));
      setLeft(seconds);
      for (const w of WARNINGS) {
        if (seconds <= w && !warned.current.has(w)) {
          warned.current.add(w);
          setAnnouncement(`${plural(w / 60, "minute")} left.`);
        }
      }
      if (seconds === 0 && !expired.current) {
        expired.current = true;
        setAnnouncement("Time is up. Submitting your answers.");
        onExpireRef.current();
      }
    };
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [end, offset]);

  const urgent = left <= 5 * 60;
  return (
    <>
      <div
        className={cn(
          "rounded-lg px-3 py-1.5 font-mono text-sm font-semibold tabular-nums",
          urgent ? "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100" : "bg-[var(--surface-muted)]",
        )}
        role="timer"
        aria-label={`Time left: ${format(left)}`}
      >
        <svg aria-hidden width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" className="mr-1.5 inline -mt-0.5">
          <circle cx="12" cy="13" r="8" />
          <path d="M12 9v4l2 2M9 2h6" />
        </svg>
        {format(left)}
      </div>
      <div aria-live="assertive" className="sr-only">
        {announcement}
      </div>
      {announcement && announcement !== "Time is up. Submitting your answers." && left > 0 && (
        <div className="fixed inset-x-0 top-16 z-40 mx-auto w-fit rounded-b-lg bg-amber-500 px-4 py-1 text-sm font-semibold text-black shadow" aria-hidden>
          {announcement}
        </div>
      )}
    </>
  );
}
