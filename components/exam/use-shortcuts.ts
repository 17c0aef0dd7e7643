"use client";
// Keyboard shortcuts for the runner. They never fire while focus is in a form
// control (a radio group owns its arrow keys and letters), and a student can
// turn them off (WCAG 2.1.4); the choice is remembered on this device.
import { useEffect, useState } from "react";

const KEY = "stratus:shortcuts";

export function useShortcutsSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return localStorage.getItem(KEY) !== "off";
    } catch {
      return true;
    }
  });
  const set = (value: boolean) => {
    setOn(value);
    try {
      localStorage.setItem(KEY, value ? "on" : "off");
    } catch {
      // private mode: the setting lasts for this page
    }
  };
  return [on, set];
}

export type ShortcutHandlers = {
  choose: (index: number) => void;
  next: () => void;
  previous: () => void;
  flag: () => void;
  review: () => void;
};

/** True when a key press belongs to the focused control, not to the runner. */
export function focusOwnsKeys(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el?.closest?.("input, select, textarea, button, a, summary, [contenteditable], [role=radiogroup], [role=group], li[tabindex]"));
}

export function useExamShortcuts(enabled: boolean, handlers: ShortcutHandlers) {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (document.querySelector("dialog[open]")) return;
      if (focusOwnsKeys(event.target)) return;
      const key = event.key.toLowerCase();
      const digit = Number(key);
      if (digit >= 1 && digit <= 6) handlers.choose(digit - 1);
      else if (key.length === 1 && key >= "a" && key <= "f" && !event.shiftKey) handlers.choose(key.charCodeAt(0) - 97);
      else if (key === "n" || key === "arrowright") handlers.next();
      else if (key === "p" || key === "arrowleft") handlers.previous();
      else if (key === "g") handlers.flag();
      else if (key === "r") handlers.review();
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled, handlers]);
}
