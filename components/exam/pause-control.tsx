"use client";
// Pause / resume for a timed review exam: the server stops the clock.
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function PauseControl({
  attemptId,
  paused,
  onChange,
}: {
  attemptId: string;
  paused: boolean;
  serverNow: string;
  onChange: (deadline: string | null) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/attempts/${attemptId}/pause`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ paused: !paused }),
      });
      const body = (await response.json()) as { ok: true; deadline: string | null } | { ok: false; error: { message: string } };
      if (body.ok) onChange(body.deadline);
      else setError(body.error.message);
    } catch {
      setError("Could not reach the server.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={() => void toggle()} disabled={busy} aria-pressed={paused}>
        {paused ? "Resume" : "Pause"}
      </Button>
      {error && (
        <span role="alert" className="text-sm text-red-800 dark:text-red-200">
          {error}
        </span>
      )}
    </span>
  );
}
