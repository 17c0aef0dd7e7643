// The mock-score chart: a text alternative (a visually hidden table), and no
// focusable element inside the aria-hidden drawing (recharts' accessibility
// layer puts a tabIndex=0 surface there unless told not to).
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { type ReactElement, cloneElement } from "react";
import { afterEach, expect, test, vi } from "vitest";
import { ScoreTrend } from "@/components/charts/score-trend";

// jsdom has no layout, so ResponsiveContainer would measure 0 × 0 and draw nothing: give the chart a size.
vi.mock("recharts", async (importOriginal) => ({
  ...(await importOriginal<typeof import("recharts")>()),
  ResponsiveContainer: ({ children }: { children: ReactElement<{ width?: number; height?: number }> }) => cloneElement(children, { width: 600, height: 224 }),
}));

afterEach(cleanup);

const points = [
  { label: "#1 10 Apr", score: 640 },
  { label: "#2 17 Apr", score: 755 },
];

test("every score is in a table a screen reader can read", () => {
  render(<ScoreTrend points={points} />);
  const table = screen.getByRole("table", { name: /Mock exam scores.*pass mark is 720/ });
  const rows = within(table).getAllByRole("row").slice(1);
  expect(rows.map((r) => r.textContent)).toEqual(["#1 10 Apr640below the pass mark", "#2 17 Apr755pass"]);
});

test("the drawing is hidden from assistive technology and holds nothing focusable", async () => {
  const { container } = render(<ScoreTrend points={points} />);
  const surface = await waitFor(() => {
    const svg = container.querySelector("svg.recharts-surface");
    if (!svg) throw new Error("chart not drawn yet");
    return svg;
  });
  expect(surface.closest('[aria-hidden="true"]')).not.toBeNull();
  for (const hidden of container.querySelectorAll('[aria-hidden="true"]')) {
    expect([...hidden.querySelectorAll("[tabindex]")].filter((e) => e.getAttribute("tabindex") !== "-1")).toEqual([]);
  }
});
