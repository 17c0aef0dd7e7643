// The accessibility check every end-to-end test runs (fixtures.ts): axe-core on
// each distinct page a test lands on. Pure parts here (which page is "the same
// page", which violations fail a test, how they read); the scanner that drives
// Playwright is in accessibility-scanner.ts.

/** WCAG 2.0 and 2.1, levels A and AA. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] as const;

/** Impacts that fail a test; "minor" and "moderate" are left to review. */
export const FAILING_IMPACTS: ReadonlySet<string> = new Set(["serious", "critical"]);

/** The shape of an axe result this module reads (axe-core's Result, narrowed). */
export type AxeViolation = {
  id: string;
  impact?: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; impact?: string | null }>;
};

// Record ids (cuid, uuid), numbers, and the e2e fixtures' user-made ids.
const ID_SEGMENT = /^(c[a-z0-9]{20,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|e2e-[\w-]+)$/i;

/**
 * A page's pattern: its path with record ids replaced by ":id", so the runner
 * of two attempts is one page. The query string and hash are ignored.
 */
export function pagePattern(url: string): string {
  const { pathname } = new URL(url);
  const segments = pathname.split("/").map((s) => (ID_SEGMENT.test(s) ? ":id" : s));
  return segments.join("/") || "/";
}

/** One line per failing element: rule id, impact, page, CSS selector and axe's summary of the rule. */
export function failingViolations(violations: readonly AxeViolation[], page: string): string[] {
  return violations.flatMap((v) =>
    v.nodes
      .filter((n) => FAILING_IMPACTS.has(n.impact ?? v.impact ?? ""))
      .map((n) => `${v.id} (${n.impact ?? v.impact}) on ${page}: ${n.target.map(String).join(" ")} — ${v.help}`),
  );
}
