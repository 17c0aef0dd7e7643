import { describe, expect, test } from "vitest";
import { labelledIndexes, pointLeft, scoreHeight } from "@/components/charts/score-trend-geometry";

describe("scoreHeight", () => {
  test.each([
    [100, 0],
    [550, 50],
    [720, (620 / 900) * 100],
    [1000, 100],
    [50, 0],
    [1200, 100],
  ])("%d sits at %d%%", (score, height) => expect(scoreHeight(score)).toBeCloseTo(height, 10));
});

describe("pointLeft", () => {
  test.each([
    [0, 1, 50],
    [0, 2, 0],
    [1, 2, 100],
    [1, 3, 50],
    [3, 5, 75],
  ])("point %d of %d is at %d%%", (index, count, left) => expect(pointLeft(index, count)).toBe(left));
});

describe("labelledIndexes", () => {
  test.each([
    [0, []],
    [1, [0]],
    [6, [0, 1, 2, 3, 4, 5]],
    [7, [0, 1, 2, 4, 5, 6]],
    [11, [0, 2, 4, 6, 8, 10]],
    [30, [0, 6, 12, 17, 23, 29]],
  ])("%d points label %j", (count, indexes) => expect(labelledIndexes(count)).toEqual(indexes));
  test("never more than asked for, always the first and the last", () => {
    for (let count = 2; count < 100; count++) {
      const shown = labelledIndexes(count, 4);
      expect(shown.length).toBeLessThanOrEqual(4);
      expect(shown[0]).toBe(0);
      expect(shown.at(-1)).toBe(count - 1);
    }
  });
});
