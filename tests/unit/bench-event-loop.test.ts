// The bench's reading of the app's event-loop log (scripts/server.ts writes
// "pid time activeMs idleMs" once a second): the busiest process's share of
// busy time, from the lines inside the step only.
import { describe, expect, test } from "vitest";
import { eventLoopBusy } from "../../scripts/bench/cpu";

const log = [
  "101 1000 900.0 100.0", // before the step
  "101 2000 500.0 500.0",
  "202 2000 1000.0 0.0",
  "101 3000 300.0 700.0",
  "202 3000 600.0 400.0",
  "", // the file ends with a newline
  "101 9000 1000.0 0.0", // after the step
].join("\n");

describe("eventLoopBusy", () => {
  test.each([
    { name: "the busiest process over the step's lines", from: 1000, to: 3000, busy: 80 },
    { name: "one line each", from: 1000, to: 2000, busy: 100 },
    { name: "a step with only process 101's late line", from: 3000, to: 9000, busy: 100 },
    { name: "no line inside the step", from: 3000, to: 8000, busy: undefined },
  ])("$name", ({ from, to, busy }) => {
    expect(eventLoopBusy(log, from, to)).toBe(busy);
  });
});
