import { describe, expect, test } from "vitest";
import { requestGate } from "@/lib/edge/request-gate";

describe("requestGate", () => {
  test("runs up to the limit at once and queues the rest, first come first served", () => {
    const gate = requestGate(2);
    const started: number[] = [];
    for (let i = 1; i <= 5; i++) gate.enter(() => started.push(i));
    expect(started).toEqual([1, 2]);
    expect([gate.inProgress, gate.waiting]).toEqual([2, 3]);
    gate.leave();
    expect(started).toEqual([1, 2, 3]);
    gate.leave();
    gate.leave();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect([gate.inProgress, gate.waiting]).toEqual([2, 0]);
    gate.leave();
    gate.leave();
    expect([gate.inProgress, gate.waiting]).toEqual([0, 0]);
  });

  test("a place freed with nobody waiting is taken by the next arrival at once", () => {
    const gate = requestGate(1);
    const started: string[] = [];
    gate.enter(() => started.push("a"));
    gate.leave();
    gate.enter(() => started.push("b"));
    expect(started).toEqual(["a", "b"]);
    expect(gate.inProgress).toBe(1);
  });

  test("an extra leave never lets more than the limit in", () => {
    const gate = requestGate(1);
    gate.leave();
    const started: number[] = [];
    gate.enter(() => started.push(1));
    gate.enter(() => started.push(2));
    expect(started).toEqual([1]);
  });

  test.each([0, -1, 1.5, Number.NaN])("rejects a limit of %s", (limit) => expect(() => requestGate(limit)).toThrow(/positive integer/));
});
