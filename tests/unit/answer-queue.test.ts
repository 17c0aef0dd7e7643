import { describe, expect, test } from "vitest";
import { type PendingMap, applyAcks, backoffDelay, dropAcknowledged, newerOnDevice, nextSeq, recordSaved } from "@/lib/exams/answer-queue";

const save = (position: number, seq: string, chosenKeys = ["a"]) => ({ position, chosenKeys, flagged: false, unsure: false, timeSpentMs: 0, seq });

describe("nextSeq", () => {
  test.each([
    { name: "first change uses the clock", last: null, now: 1_700_000_000_000, seq: "1700000000000" },
    { name: "clock ahead of the last seq", last: "1700000000000", now: 1_700_000_000_500, seq: "1700000000500" },
    { name: "two changes in the same millisecond", last: "1700000000500", now: 1_700_000_000_500, seq: "1700000000501" },
    { name: "clock moved backwards", last: "1700000000900", now: 1_699_999_999_000, seq: "1700000000901" },
  ])("$name", ({ last, now, seq }) => expect(nextSeq(last, now)).toBe(seq));
});

describe("dropAcknowledged (on load)", () => {
  test("keeps only changes newer than what the server holds", () => {
    const pending: PendingMap = { 0: save(0, "100"), 1: save(1, "200"), 2: save(2, "300"), 9: save(9, "900") };
    const kept = dropAcknowledged(pending, [
      { position: 0, saveSeq: "100" }, // server has it
      { position: 1, saveSeq: "150" }, // ours is newer: resend
      { position: 2, saveSeq: "400" }, // server has a newer one (another tab): ours is stale
    ]); // position 9 is not in this attempt
    expect(Object.keys(kept)).toEqual(["1"]);
  });
});

describe("applyAcks", () => {
  test("removes acknowledged entries but keeps a change made while the batch was in flight", () => {
    const pending: PendingMap = { 0: save(0, "105", ["b"]), 1: save(1, "200") };
    const after = applyAcks(pending, [
      { position: 0, status: "saved", seq: "100" }, // the batch carried seq 100; 105 came later
      { position: 1, status: "saved", seq: "200" },
    ]);
    expect(after).toEqual({ 0: save(0, "105", ["b"]) });
  });

  test("a stale answer (server already newer) and a locked one both leave the queue", () => {
    const pending: PendingMap = { 0: save(0, "100"), 1: save(1, "100") };
    expect(applyAcks(pending, [{ position: 0, status: "stale", seq: "300" }, { position: 1, status: "locked", seq: "50" }])).toEqual({});
  });
});

describe("backoffDelay", () => {
  test.each([
    { attempt: 0, random: 1, delay: 500 },
    { attempt: 3, random: 1, delay: 4000 },
    { attempt: 10, random: 1, delay: 30_000 }, // capped
    { attempt: 3, random: 0.5, delay: 2000 }, // jitter spreads retries
    { attempt: 3, random: 0, delay: 100 }, // never a busy loop
  ])("attempt $attempt, random $random → $delay ms", ({ attempt, random, delay }) => {
    expect(backoffDelay(attempt, () => random)).toBe(delay);
  });
});

describe("recordSaved (answers the server acknowledged, kept for an offline copy of the page)", () => {
  test("keeps the batch's own change when the server saved it, never a stale or locked one", () => {
    const batch = [save(0, "100", ["a"]), save(1, "200", ["b"]), save(2, "300", ["c"])];
    const saved = recordSaved({}, batch, [
      { position: 0, status: "saved", seq: "100" },
      { position: 1, status: "stale", seq: "250" }, // another tab's newer answer: not ours to show
      { position: 2, status: "locked", seq: "300" },
    ]);
    expect(saved).toEqual({ 0: batch[0] });
  });

  test("a newer saved answer replaces an older one, an older never replaces a newer", () => {
    const first = recordSaved({}, [save(0, "100", ["a"])], [{ position: 0, status: "saved", seq: "100" }]);
    const second = recordSaved(first, [save(0, "150", ["b"])], [{ position: 0, status: "saved", seq: "150" }]);
    expect(second[0]!.chosenKeys).toEqual(["b"]);
    const late = recordSaved(second, [save(0, "120", ["c"])], [{ position: 0, status: "saved", seq: "120" }]);
    expect(late[0]!.chosenKeys).toEqual(["b"]);
  });
});

describe("newerOnDevice (a page older than this device's answers, opened offline)", () => {
  test("shows unsent changes first, then saved answers the page does not have yet", () => {
    const server = [
      { position: 0, saveSeq: "100" },
      { position: 1, saveSeq: "0" },
      { position: 2, saveSeq: "0" },
      { position: 3, saveSeq: "500" },
    ];
    const { pending, shown } = newerOnDevice(server, {
      pending: { 2: save(2, "400", ["p"]) },
      saved: { 0: save(0, "100", ["old"]), 1: save(1, "300", ["s"]), 2: save(2, "350", ["s2"]), 3: save(3, "450", ["behind"]) },
    });
    expect(pending).toEqual({ 2: save(2, "400", ["p"]) });
    expect(shown).toEqual({ 1: save(1, "300", ["s"]), 2: save(2, "400", ["p"]) });
  });
});
