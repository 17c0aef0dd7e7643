// The mock-score chart: drawn without a chart library (positions from
// score-trend-geometry.ts), a text alternative (a visually hidden table), and
// nothing focusable inside the aria-hidden drawing.
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, expect, test } from "vitest";
import { ScoreTrend } from "@/components/charts/score-trend";

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

test("each mock is a dot at its score, oldest left, joined by one line, with the pass line at 720", () => {
  const { container } = render(<ScoreTrend points={points} />);
  const dots = screen.getAllByTestId("score-trend-dot");
  expect(dots.map((d) => [d.style.left, d.style.bottom, d.getAttribute("title")])).toEqual([
    ["0%", "60%", "#1 10 Apr: 640"],
    ["100%", `${(655 / 900) * 100}%`, "#2 17 Apr: 755"],
  ]);
  expect(container.querySelector("polyline")?.getAttribute("points")).toBe(`0,40 100,${100 - (655 / 900) * 100}`);
  expect(screen.getByTestId("score-trend-drawing").textContent).toContain("720 pass");
});

test("a single mock is one dot in the middle and no line", () => {
  const { container } = render(<ScoreTrend points={[{ label: "#1 10 Apr", score: 1000 }]} />);
  expect(screen.getAllByTestId("score-trend-dot").map((d) => [d.style.left, d.style.bottom])).toEqual([["50%", "100%"]]);
  expect(container.querySelector("polyline")).toBeNull();
});

test("the drawing is hidden from assistive technology and holds nothing focusable", () => {
  const { container } = render(<ScoreTrend points={points} />);
  expect(screen.getByTestId("score-trend-drawing").getAttribute("aria-hidden")).toBe("true");
  for (const hidden of container.querySelectorAll('[aria-hidden="true"]')) {
    expect(hidden.querySelectorAll("a, button, input, [tabindex]")).toHaveLength(0);
  }
});
