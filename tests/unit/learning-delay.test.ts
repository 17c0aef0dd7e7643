import { afterEach, describe, expect, it } from "vitest";
import { recentMaximum, reportServerLoad, serverLoad } from "@/lib/edge/server-load";
import { BUSY_REQUESTS, BUSY_WAIT_MS, LEARNING_DEFER_SECONDS, learningDelaySeconds } from "@/lib/learning/learning-delay";

describe("learningDelaySeconds", () => {
  it.each([
    [0, 0, 0],
    [1, 0, 0],
    [BUSY_REQUESTS - 1, 0, 0],
    [BUSY_REQUESTS, 0, LEARNING_DEFER_SECONDS],
    [900, 0, LEARNING_DEFER_SECONDS],
    [0, BUSY_WAIT_MS - 1, 0],
    [1, BUSY_WAIT_MS, LEARNING_DEFER_SECONDS],
    [0, 20_000, LEARNING_DEFER_SECONDS],
  ])("with %i requests in the server process and a recent wait of %i ms, the learning waits %i s", (requests, recentWaitMs, seconds) => {
    expect(learningDelaySeconds({ requests, recentWaitMs })).toBe(seconds);
  });

  it("puts the learning off long enough to matter, and not for minutes", () => {
    expect(LEARNING_DEFER_SECONDS).toBeGreaterThanOrEqual(10);
    expect(LEARNING_DEFER_SECONDS).toBeLessThanOrEqual(60);
  });
});

describe("serverLoad", () => {
  afterEach(() => reportServerLoad(() => ({ requests: 0, recentWaitMs: 0 })));

  it("is idle when no server reported, and what the server's probe says when one did", () => {
    expect(serverLoad()).toEqual({ requests: 0, recentWaitMs: 0 });
    let requests = 3;
    reportServerLoad(() => ({ requests, recentWaitMs: 7 }));
    expect(serverLoad()).toEqual({ requests: 3, recentWaitMs: 7 });
    requests = 40;
    expect(serverLoad().requests).toBe(40);
  });
});

describe("recentMaximum", () => {
  it("is 0 before anything is noted", () => {
    expect(recentMaximum(1000).value(5_000)).toBe(0);
  });

  it("keeps the largest value of the current window and the one before, then forgets it", () => {
    const waits = recentMaximum(1000);
    waits.note(300, 10_000);
    waits.note(1200, 10_400);
    waits.note(50, 10_900);
    expect(waits.value(10_950)).toBe(1200); // same window
    expect(waits.value(11_500)).toBe(1200); // the next window remembers the one before
    waits.note(80, 11_600);
    expect(waits.value(12_600)).toBe(80); // a window after that one: only the values noted since
    expect(waits.value(14_000)).toBe(0); // nothing noted for over two windows
  });

  it("a large value noted late in a window outlasts smaller ones noted after it", () => {
    const waits = recentMaximum(1000);
    waits.note(900, 20_990);
    waits.note(10, 21_100);
    expect(waits.value(21_200)).toBe(900);
  });
});
