// The e2e accessibility check's pure parts (e2e/support/accessibility.ts):
// which pages count as one, and which violations fail a test.
import { describe, expect, it } from "vitest";
import { type AxeViolation, failingViolations, pagePattern } from "@/e2e/support/accessibility";

describe("pagePattern", () => {
  it.each([
    ["http://localhost:3100/attempts/cmabc123def456ghi789jkl012", "/attempts/:id"],
    ["http://localhost:3100/attempts/cmabc123def456ghi789jkl012/results?x=1#top", "/attempts/:id/results"],
    ["http://localhost:3100/classes/cmx0000000000000000000001/assignments/new", "/classes/:id/assignments/new"],
    ["http://localhost:3100/dashboard?welcome=1", "/dashboard"],
    ["http://localhost:3100/learn/d1-cors-for-apis", "/learn/d1-cors-for-apis"],
    ["http://localhost:3100/", "/"],
  ])("%s → %s", (url, pattern) => {
    expect(pagePattern(url)).toBe(pattern);
  });
});

describe("failingViolations", () => {
  const violation = (id: string, impact: string, targets: string[]): AxeViolation => ({
    id,
    impact,
    help: `${id} help`,
    nodes: targets.map((t) => ({ target: [t], impact })),
  });

  it("keeps serious and critical violations, one line per element with rule, impact, page and selector", () => {
    const lines = failingViolations(
      [violation("label", "critical", ["#a", "#b"]), violation("color-contrast", "serious", [".faint"]), violation("heading-order", "moderate", ["h4"]), violation("x", "minor", ["p"])],
      "/dashboard",
    );
    expect(lines).toEqual([
      "label (critical) on /dashboard: #a — label help",
      "label (critical) on /dashboard: #b — label help",
      "color-contrast (serious) on /dashboard: .faint — color-contrast help",
    ]);
  });

  it("judges each element by its own impact when axe gives one", () => {
    const mixed: AxeViolation = { id: "aria-x", impact: "serious", help: "h", nodes: [{ target: ["#one"], impact: "minor" }, { target: ["#two"], impact: "serious" }] };
    expect(failingViolations([mixed], "/p")).toEqual(["aria-x (serious) on /p: #two — h"]);
  });

  it("finds nothing in a clean page", () => {
    expect(failingViolations([], "/")).toEqual([]);
  });
});
