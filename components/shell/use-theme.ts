"use client";
// The page's theme ("light" | "dark"), kept in <html data-theme>, as a React value.
import { useSyncExternalStore } from "react";

export type Theme = "light" | "dark";

function subscribe(onChange: () => void) {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}
const getTheme = (): Theme => (document.documentElement.dataset.theme === "dark" ? "dark" : "light");

/** The current theme; during server rendering, `serverValue` (light unless told). */
export function useTheme<S extends Theme | null = Theme>(serverValue: S = "light" as S): Theme | S {
  return useSyncExternalStore<Theme | S>(subscribe, getTheme, () => serverValue);
}
