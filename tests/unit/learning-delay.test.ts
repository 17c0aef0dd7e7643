import { afterEach, describe, expect, it } from "vitest";
import { reportRequestsInProcess, requestsInProcess } from "@/lib/edge/server-load";
import { BUSY_REQUESTS, LEARNING_DEFER_SECONDS, learningDelaySeconds } from "@/lib/learning/learning-delay";

describe("learningDelaySeconds", () => {
  it.each([
    [0, 0],
    [1, 0],
    [BUSY_REQUESTS - 1, 0],
    [BUSY_REQUESTS, LEARNING_DEFER_SECONDS],
    [900, LEARNING_DEFER_SECONDS],
  ])("with %i requests in the server process, the learning waits %i s", (waiting, seconds) => {
    expect(learningDelaySeconds(waiting)).toBe(seconds);
  });

  it("puts the learning off long enough to matter, and not for minutes", () => {
    expect(LEARNING_DEFER_SECONDS).toBeGreaterThanOrEqual(10);
    expect(LEARNING_DEFER_SECONDS).toBeLessThanOrEqual(60);
  });
});

describe("requestsInProcess", () => {
  afterEach(() => reportRequestsInProcess(() => 0));

  it("is 0 when no server reported, and what the server's probe says when one did", () => {
    expect(requestsInProcess()).toBe(0);
    let waiting = 3;
    reportRequestsInProcess(() => waiting);
    expect(requestsInProcess()).toBe(3);
    waiting = 40;
    expect(requestsInProcess()).toBe(40);
  });
});
