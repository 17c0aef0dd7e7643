// The bench's reading of the app's handoff log (scripts/server.ts writes
// "pid receivedAt arrivedAt" for each connection the primary handed over): how
// many connections a step handed over and how long they waited, from the lines
// inside the step only.
import { describe, expect, test } from "vitest";
import { handoffWaits } from "../../scripts/bench/cpu";

const log = [
  "101 1000 990", // before the step
  ...Array.from({ length: 98 }, (_, i) => `101 ${2000 + i} ${2000 + i - 10}`), // 98 connections that waited 10 ms
  "202 2500 2300", // one that waited 200 ms
  "202 2600 1600", // and one 1,000 ms
  "", // the file ends with a newline
  "101 9000 8000", // after the step
].join("\n");

describe("handoffWaits", () => {
  test("counts the step's connections and their waits", () => {
    expect(handoffWaits(log, 1000, 3000)).toEqual({ connections: 100, waitP50Ms: 10, waitP99Ms: 1000, waitMaxMs: 1000 });
  });
  test("a step that ends before the slowest connection was handed over", () => {
    expect(handoffWaits(log, 1000, 2550)).toEqual({ connections: 99, waitP50Ms: 10, waitP99Ms: 200, waitMaxMs: 200 });
  });
  test("no connection inside the step", () => {
    expect(handoffWaits(log, 3000, 8000)).toBeUndefined();
  });
});
