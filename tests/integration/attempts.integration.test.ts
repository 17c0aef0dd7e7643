// The exam engine against a real database: nothing lost, graded once, the
// server's clock obeyed, and other people's attempts invisible.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { checkAnswer } from "@/lib/exams/check-answer";
import { gradeOverdueAttempts } from "@/lib/exams/sweep";
import { loadResults } from "@/lib/exams/attempt-results";
import { loadRunnerView, type RunnerView } from "@/lib/exams/runner-view";
import { saveAnswers } from "@/lib/exams/save-answers";
import { startAttempt } from "@/lib/exams/start-attempt";
import { insertAttempt } from "@/lib/exams/insert-attempt";
import { drawsFrom } from "@/lib/exams/modes";
import { questionPool } from "@/lib/exams/question-pool";
import { submitAttempt } from "@/lib/exams/submit-attempt";
import { runJobs } from "../support/jobs";
import { AppError } from "@/lib/app-error";
import { type AnswerSave, answerSaveSchema } from "@/lib/exams/inputs";
import { seed } from "@/lib/seed/seed";
import { loadContentPack } from "@/lib/content/pack";
import { syncContent } from "@/lib/content/sync";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { createTestSession } from "../support/sessions";

let t: TestDatabase;
const settings = { mockMinutes: 130, graceSeconds: 10 };
const T0 = new Date("2026-03-01T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
let users: string[] = [];

beforeAll(async () => {
  // Several connections where the server allows it, so concurrent calls really overlap.
  t = await createTestDatabase({ poolMax: 8 });
  await seed(t.db, { demo: false });
  users = [];
  for (const name of ["alice", "bob", "carol", "dave", "erin", "frank"]) {
    const user = await t.db.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x" } });
    users.push(user.id);
  }
});
afterAll(async () => t?.close());

/** One live session per user, made on first use (saves check the session row). */
const sessions = new Map<string, Promise<string>>();
const sid = (userId: string) => {
  if (!sessions.has(userId)) sessions.set(userId, createTestSession(t.db, userId, T0));
  return sessions.get(userId)!;
};

const save = (position: number, chosenKeys: string[], seq: number, extra: Partial<AnswerSave> = {}): AnswerSave =>
  answerSaveSchema.parse({ position, chosenKeys, flagged: false, unsure: false, timeSpentMs: 1000, seq, ...extra });

/** A key the schema accepts (a–j) that this item lacks; a mock item has at most six choices, so one always exists. */
const keyNotIn = (item: Parameters<typeof choicesOf>[0]) => "abcdefghij".split("").find((k) => !choicesOf(item).some((c) => c.key === k))!;

let userCount = 0;
async function newUser(): Promise<string> {
  userCount++;
  return (await t.db.user.create({ data: { email: `extra${userCount}@example.com`, name: `Extra ${userCount}`, passwordHash: "x" } })).id;
}

/** The choices of a choice item as the runner shows them (exam-length modes only draw choice items). */
function choicesOf(item: RunnerView["items"][number]): Array<{ key: string; text: string }> {
  if (item.display.kind !== "single" && item.display.kind !== "multiple") throw new Error(`item ${item.position} is a ${item.display.kind} item`);
  return item.display.choices;
}

async function runner(userId: string, attemptId: string, now = at(5)): Promise<RunnerView> {
  const view = await loadRunnerView(t.db, { userId, attemptId, now, settings });
  if ("graded" in view) throw new Error("expected a running attempt");
  return view;
}

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

describe("starting a mock", () => {
  test("65 questions balanced to the blueprint, shuffled choices kept on resume, one mock at a time", async () => {
    const [alice] = users;
    const first = await startAttempt(t.db, { userId: alice!, input: { mode: "MOCK" }, now: T0, settings });
    expect(first).toMatchObject({ resumed: false, short: false });
    const again = await startAttempt(t.db, { userId: alice!, input: { mode: "MOCK" }, now: at(60), settings });
    expect(again).toEqual({ attemptId: first.attemptId, resumed: true, short: false });

    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: first.attemptId } });
    expect(attempt.deadline!.toISOString()).toBe(at(130 * 60).toISOString());
    const items = await t.db.attemptItem.findMany({
      where: { attemptId: first.attemptId },
      include: { question: { select: { taskStatementId: true } } },
    });
    expect(items).toHaveLength(65);
    const byDomain = [1, 2, 3, 4].map((d) => items.filter((i) => i.question.taskStatementId.startsWith(`${d}.`)).length);
    expect(byDomain).toEqual([21, 17, 16, 11]);

    const view1 = await runner(alice!, first.attemptId);
    const view2 = await runner(alice!, first.attemptId, at(100));
    expect(view2.items.map((i) => choicesOf(i).map((c) => c.key))).toEqual(view1.items.map((i) => choicesOf(i).map((c) => c.key)));
    // Not every question keeps its authored a-b-c-d order.
    expect(view1.items.some((i) => choicesOf(i).map((c) => c.key).join("") !== [...choicesOf(i).map((c) => c.key)].sort().join(""))).toBe(true);
  });

  test("an accommodation stretches the deadline", async () => {
    const dave = users[3]!;
    const instructor = await t.db.user.create({ data: { email: "teach@example.com", name: "T", passwordHash: "x", role: "INSTRUCTOR" } });
    const klass = await t.db.class.create({ data: { instructorId: instructor.id, name: "C", joinCode: "JOIN01" } });
    await t.db.accommodation.create({ data: { classId: klass.id, userId: dave, timeMultiplier: 1.5 } });
    const started = await startAttempt(t.db, { userId: dave, input: { mode: "MOCK" }, now: T0, settings });
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(attempt.deadline!.toISOString()).toBe(at(195 * 60).toISOString());
  });

  test("an unlimited accommodation counts as ×2 on a student's own mock, the largest of their classes wins, and untimed modes stay untimed", async () => {
    const erin = await newUser();
    const instructor = await t.db.user.create({ data: { email: "teach-erin@example.com", name: "T", passwordHash: "x", role: "INSTRUCTOR" } });
    const [one, two] = await Promise.all(
      ["ERIN01", "ERIN02"].map((joinCode) => t.db.class.create({ data: { instructorId: instructor.id, name: joinCode, joinCode } })),
    );
    await t.db.accommodation.create({ data: { classId: one!.id, userId: erin, timeMultiplier: 1.25 } });
    await t.db.accommodation.create({ data: { classId: two!.id, userId: erin, timeMultiplier: null } });
    const mock = await t.db.attempt.findUniqueOrThrow({ where: { id: (await startAttempt(t.db, { userId: erin, input: { mode: "MOCK" }, now: T0, settings })).attemptId } });
    expect([mock.timeMultiplier, mock.deadline!.toISOString()]).toEqual([2, at(260 * 60).toISOString()]);

    const untimed = await startAttempt(t.db, { userId: erin, input: { mode: "REVIEW_EXAM", timed: false }, now: T0, settings });
    const quiz = await startAttempt(t.db, { userId: erin, input: { mode: "QUIZ", scope: { kind: "domain", domain: 1 }, count: 5 }, now: T0, settings });
    for (const { attemptId } of [untimed, quiz]) {
      const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
      expect([attempt.timeMultiplier, attempt.deadline]).toEqual([1, null]);
    }
    const timedReview = await startAttempt(t.db, { userId: await newUser(), input: { mode: "REVIEW_EXAM", timed: true }, now: T0, settings });
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: timedReview.attemptId } })).deadline!.toISOString()).toBe(at(130 * 60).toISOString());
  });

  test("two final mocks a student, and a third is refused; an open final mock resumes instead", async () => {
    const fay = await newUser();
    const first = await startAttempt(t.db, { userId: fay, input: { mode: "FINAL_MOCK" }, now: T0, settings });
    expect(await startAttempt(t.db, { userId: fay, input: { mode: "FINAL_MOCK" }, now: at(60), settings })).toEqual({ attemptId: first.attemptId, resumed: true, short: false });
    await submitAttempt(t.db, { userId: fay, attemptId: first.attemptId, now: at(120), settings });
    const second = await startAttempt(t.db, { userId: fay, input: { mode: "FINAL_MOCK" }, now: at(180), settings });
    expect(second.resumed).toBe(false);
    await submitAttempt(t.db, { userId: fay, attemptId: second.attemptId, now: at(240), settings });
    await expectAppError(startAttempt(t.db, { userId: fay, input: { mode: "FINAL_MOCK" }, now: at(300), settings }), "CONFLICT");
    // A plain mock is not held back by them.
    expect((await startAttempt(t.db, { userId: fay, input: { mode: "MOCK" }, now: at(300), settings })).resumed).toBe(false);
  });

  test("starts racing each other (a double click, two tabs) make one exam of each mode, and every other start resumes it", async () => {
    const gus = await newUser();
    for (const input of [{ mode: "MOCK" }, { mode: "REVIEW_EXAM", timed: false }, { mode: "FINAL_MOCK" }] as const) {
      const starts = await Promise.all(Array.from({ length: 6 }, () => startAttempt(t.db, { userId: gus, input, now: T0, settings })));
      expect(new Set(starts.map((s) => s.attemptId)).size).toBe(1);
      expect(starts.filter((s) => !s.resumed)).toHaveLength(1);
      expect(await t.db.attempt.count({ where: { userId: gus, mode: input.mode } })).toBe(1);
    }
  });

  test("final mocks racing at the allowance: one more starts, and none beyond it", async () => {
    const hal = await newUser();
    const first = await startAttempt(t.db, { userId: hal, input: { mode: "FINAL_MOCK" }, now: T0, settings });
    await submitAttempt(t.db, { userId: hal, attemptId: first.attemptId, now: at(60), settings });
    const racing = await Promise.all(Array.from({ length: 6 }, () => startAttempt(t.db, { userId: hal, input: { mode: "FINAL_MOCK" }, now: at(120), settings })));
    expect(new Set(racing.map((s) => s.attemptId)).size).toBe(1);
    await submitAttempt(t.db, { userId: hal, attemptId: racing[0]!.attemptId, now: at(180), settings });
    const refused = await Promise.allSettled(Array.from({ length: 6 }, () => startAttempt(t.db, { userId: hal, input: { mode: "FINAL_MOCK" }, now: at(240), settings })));
    expect(refused.every((r) => r.status === "rejected" && r.reason instanceof AppError && r.reason.code === "CONFLICT")).toBe(true);
    expect(await t.db.attempt.count({ where: { userId: hal, mode: "FINAL_MOCK" } })).toBe(2);
  });

  test("the database itself refuses a second open exam of a mode and a final mock beyond the allowance", async () => {
    const ida = await newUser();
    const pool = await questionPool(t.db);
    const questions = pool.questions.filter((q) => drawsFrom("MOCK", q)).slice(0, 3);
    const insert = (mode: "MOCK" | "FINAL_MOCK" | "QUIZ") =>
      insertAttempt(t.db, { id: randomUUID(), userId: ida, examId: "dva-c02", mode, config: {}, startedAt: T0, deadline: null, timeMultiplier: 1 }, questions, () => 0.5);
    expect(await insert("MOCK")).toBe(true);
    expect(await insert("MOCK")).toBe(false); // one open self-started mock
    expect([await insert("QUIZ"), await insert("QUIZ")]).toEqual([true, true]); // practice may be open many times
    expect(await insert("FINAL_MOCK")).toBe(true);
    await t.db.attempt.updateMany({ where: { userId: ida, mode: "FINAL_MOCK" }, data: { status: "SUBMITTED" } });
    expect(await insert("FINAL_MOCK")).toBe(true);
    await t.db.attempt.updateMany({ where: { userId: ida, mode: "FINAL_MOCK" }, data: { status: "SUBMITTED" } });
    expect(await insert("FINAL_MOCK")).toBe(false); // a third, though none is open
    expect(await t.db.attempt.count({ where: { userId: ida } })).toBe(5);
  });

  test("the runner's data never carries keys or explanations", async () => {
    const { attemptId } = await startAttempt(t.db, { userId: users[0]!, input: { mode: "MOCK" }, now: T0, settings });
    const json = JSON.stringify(await runner(users[0]!, attemptId));
    expect(json).not.toMatch(/"correct"|"explanation"|"correctKeys"/);
  });
});

describe("saving answers", () => {
  test("20 concurrent saves and a submit lose nothing", async () => {
    const bob = users[1]!;
    const { attemptId } = await startAttempt(t.db, { userId: bob, input: { mode: "MOCK" }, now: T0, settings });
    const view = await runner(bob, attemptId);
    const chosen = view.items.slice(0, 20).map((item) => ({ position: item.position, key: choicesOf(item)[1]!.key }));
    const bobSession = await sid(bob);
    const results = await Promise.all(
      chosen.map(({ position, key }, i) =>
        saveAnswers(t.db, { userId: bob, sessionId: bobSession, attemptId, saves: [save(position, [key], 1000 + i)], now: at(30), settings }),
      ),
    );
    expect(results.flat().every((r) => r.status === "saved")).toBe(true);
    await submitAttempt(t.db, { userId: bob, attemptId, now: at(40), settings });

    const items = await t.db.attemptItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    for (const { position, key } of chosen) expect(items[position]!.chosenKeys).toEqual([key]);
    const results2 = await loadResults(t.db, { userId: bob, attemptId, now: at(41), settings });
    expect(results2!.items.filter((i) => i.answered)).toHaveLength(20);
  });

  test("a late, stale save never overwrites a newer one", async () => {
    const carol = await newUser();
    const { attemptId } = await startAttempt(t.db, { userId: carol, input: { mode: "MOCK" }, now: T0, settings });
    const item = (await runner(carol, attemptId)).items[0]!;
    const [first, second] = [choicesOf(item)[0]!.key, choicesOf(item)[2]!.key];
    const newer = await saveAnswers(t.db, { userId: carol, sessionId: await sid(carol), attemptId, saves: [save(0, [second], 20)], now: at(10), settings });
    const older = await saveAnswers(t.db, { userId: carol, sessionId: await sid(carol), attemptId, saves: [save(0, [first], 10)], now: at(11), settings });
    expect(newer).toEqual([{ position: 0, status: "saved", seq: "20" }]);
    expect(older).toEqual([{ position: 0, status: "stale", seq: "20" }]);
    expect((await runner(carol, attemptId)).items[0]!.chosenKeys).toEqual([second]);
  });

  test("unknown keys, too many choices and unknown positions are refused and change nothing", async () => {
    const carol = await newUser();
    const { attemptId } = await startAttempt(t.db, { userId: carol, input: { mode: "MOCK" }, now: T0, settings });
    const view = await runner(carol, attemptId);
    const single = view.items.find((i) => i.display.kind === "single")!;
    const unused = keyNotIn(single);
    const attempts = [
      save(single.position, [unused], 50),
      save(single.position, [choicesOf(single)[0]!.key, choicesOf(single)[1]!.key], 51),
      save(150, ["a"], 52),
    ];
    for (const bad of attempts) {
      await expectAppError(saveAnswers(t.db, { userId: carol, sessionId: await sid(carol), attemptId, saves: [bad], now: at(20), settings }), "INVALID");
    }
    expect((await runner(carol, attemptId)).items.find((i) => i.position === single.position)!.chosenKeys).toEqual([]);
    expect(answerSaveSchema.safeParse({ position: 0, chosenKeys: ["a", "a"], flagged: false, timeSpentMs: 0, seq: 1 }).success).toBe(false);
    expect(answerSaveSchema.safeParse({ position: 0, chosenKeys: ["zz"], flagged: false, timeSpentMs: 0, seq: 1 }).success).toBe(false);
    expect(answerSaveSchema.safeParse({ position: 999, chosenKeys: ["a"], flagged: false, timeSpentMs: 0, seq: 1 }).success).toBe(false);
  });

  test("a batch is all-or-nothing: one invalid save and none is applied (finding 9)", async () => {
    const user = await newUser();
    const { attemptId } = await startAttempt(t.db, { userId: user, input: { mode: "MOCK" }, now: T0, settings });
    const view = await runner(user, attemptId);
    const [first, second] = view.items;
    // A key the second question lacks: refused by the save statement, so the whole batch is.
    const unused = keyNotIn(second!);
    const batch = [save(first!.position, [choicesOf(first!)[0]!.key], 10), save(second!.position, [unused], 11)];
    await expectAppError(saveAnswers(t.db, { userId: user, sessionId: await sid(user), attemptId, saves: batch, now: at(20), settings }), "INVALID");
    const after = await runner(user, attemptId);
    expect(after.items[0]!.chosenKeys).toEqual([]);
    expect(after.items[0]!.saveSeq).toBe("0");
    // The same batch without the bad save is applied whole.
    const ok = await saveAnswers(t.db, { userId: user, sessionId: await sid(user), attemptId, saves: [batch[0]!, save(second!.position, [choicesOf(second!)[1]!.key], 11)], now: at(21), settings });
    expect(ok.map((r) => r.status)).toEqual(["saved", "saved"]);
  });

  test("saves inside the grace are accepted, after it refused; an on-time submit still queued is graded SUBMITTED", async () => {
    const erin = users[4]!;
    const short = { ...settings, mockMinutes: 1 };
    const { attemptId } = await startAttempt(t.db, { userId: erin, input: { mode: "MOCK" }, now: T0, settings: short });
    const view = await runner(erin, attemptId);
    const [item, third] = [view.items[0]!, view.items[2]!]; // each answered with its own choices
    const inGrace = await saveAnswers(t.db, { userId: erin, sessionId: await sid(erin), attemptId, saves: [save(0, [choicesOf(item)[0]!.key], 1)], now: at(65), settings: short });
    expect(inGrace[0]!.status).toBe("saved");
    // Arrived at deadline + grace exactly (served later, behind a storm): accepted.
    const graceExactly = await saveAnswers(t.db, { userId: erin, sessionId: await sid(erin), attemptId, saves: [save(2, [choicesOf(third)[0]!.key], 3)], now: at(70), settings: short });
    expect(graceExactly[0]!.status).toBe("saved");
    await expectAppError(
      saveAnswers(t.db, { userId: erin, sessionId: await sid(erin), attemptId, saves: [save(1, [choicesOf(item)[0]!.key], 2)], now: at(70.001), settings: short }),
      "TIME_UP",
    );
    // The late save does not close the attempt: a submit that arrived in time may still be queued behind it.
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("IN_PROGRESS");
    const submitted = await submitAttempt(t.db, { userId: erin, attemptId, now: at(69.5), settings: short });
    expect(submitted).toMatchObject({ alreadyGraded: false, status: "SUBMITTED" });
    expect((await t.db.attemptItem.findFirstOrThrow({ where: { attemptId, position: 1 } })).chosenKeys).toEqual([]);
    expect((await t.db.attemptItem.findFirstOrThrow({ where: { attemptId, position: 0 } })).chosenKeys).toEqual([choicesOf(item)[0]!.key]);
  });

  test("a save arriving after the queue allowance too closes the attempt as expired", async () => {
    const user = await newUser();
    const short = { ...settings, mockMinutes: 1 };
    const { attemptId } = await startAttempt(t.db, { userId: user, input: { mode: "MOCK" }, now: T0, settings: short });
    const item = (await runner(user, attemptId)).items[0]!;
    const sessionId = await sid(user);
    const attemptSave = (seconds: number, seq: number) =>
      saveAnswers(t.db, { userId: user, sessionId, attemptId, saves: [save(0, [choicesOf(item)[0]!.key], seq)], now: at(seconds), settings: short });
    await expectAppError(attemptSave(130, 1), "TIME_UP"); // deadline 60 + grace 10 + allowance 60, exactly
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("IN_PROGRESS");
    await expectAppError(attemptSave(130.001, 2), "TIME_UP");
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("EXPIRED");
  });

  test("a revoked session (signed out, password changed) cannot save; a live one can", async () => {
    const frank = users[5]!;
    // A mock: exam-length modes draw only choice items (a quiz's first item may be numeric, which made this test flaky).
    const { attemptId } = await startAttempt(t.db, { userId: frank, input: { mode: "MOCK" }, now: T0, settings });
    const old = await createTestSession(t.db, frank, T0);
    await t.db.authSession.update({ where: { id: old }, data: { revokedAt: at(1) } });
    const key = choicesOf((await runner(frank, attemptId)).items[0]!)[0]!.key;
    await expectAppError(saveAnswers(t.db, { userId: frank, sessionId: old, attemptId, saves: [save(0, [key], 1)], now: at(5), settings }), "UNAUTHENTICATED");
    // Another user's live session is no key to frank's attempt either.
    await expectAppError(saveAnswers(t.db, { userId: frank, sessionId: await sid(users[0]!), attemptId, saves: [save(0, [key], 1)], now: at(5), settings }), "UNAUTHENTICATED");
    expect((await t.db.attemptItem.findFirstOrThrow({ where: { attemptId, position: 0 } })).chosenKeys).toEqual([]);
    expect((await saveAnswers(t.db, { userId: frank, sessionId: await sid(frank), attemptId, saves: [save(0, [key], 1)], now: at(5), settings }))[0]!.status).toBe("saved");
  });
});

describe("a submit carrying the runner's unacknowledged saves", () => {
  const short = { ...settings, mockMinutes: 1 }; // deadline at(60), grace to at(70)
  async function openMock(s = settings) {
    const user = await newUser();
    const { attemptId } = await startAttempt(t.db, { userId: user, input: { mode: "MOCK" }, now: T0, settings: s });
    return { user, attemptId, view: await runner(user, attemptId), sessionId: await sid(user) };
  }
  const stored = async (attemptId: string, position: number) => (await t.db.attemptItem.findFirstOrThrow({ where: { attemptId, position } })).chosenKeys;

  test("applies them before grading, and the grade counts them", async () => {
    const { user, attemptId, view, sessionId } = await openMock();
    const [first, second] = [view.items[0]!, view.items[1]!];
    const saves = [save(0, [choicesOf(first)[0]!.key], 10), save(1, [choicesOf(second)[1]!.key], 11, { flagged: true })];
    const outcome = await submitAttempt(t.db, { userId: user, attemptId, now: at(30), settings, saves, sessionId });
    expect(outcome).toMatchObject({ alreadyGraded: false, status: "SUBMITTED" });
    expect(outcome.saves).toEqual([
      { position: 0, status: "saved", seq: "10" },
      { position: 1, status: "saved", seq: "11" },
    ]);
    expect(await stored(attemptId, 0)).toEqual([choicesOf(first)[0]!.key]);
    expect(await stored(attemptId, 1)).toEqual([choicesOf(second)[1]!.key]);
    const results = await loadResults(t.db, { userId: user, attemptId, now: at(31), settings });
    expect(results!.items.filter((i) => i.answered).map((i) => i.position)).toEqual([0, 1]);
    // Each carried answer was graded: its stored correctness is set, and the score counts the right ones.
    const graded = await t.db.attemptItem.findMany({ where: { attemptId, position: { in: [0, 1] } }, orderBy: { position: "asc" } });
    expect(graded.every((i) => i.correct !== null)).toBe(true);
    expect(results!.rawScore).toBe(graded.filter((i) => i.correct).length);
  });

  test("a carried save older than one the server holds is stale and overwrites nothing", async () => {
    const { user, attemptId, view, sessionId } = await openMock();
    const item = view.items[0]!;
    const [older, newer] = [choicesOf(item)[0]!.key, choicesOf(item)[2]!.key];
    await saveAnswers(t.db, { userId: user, sessionId, attemptId, saves: [save(0, [newer], 20)], now: at(10), settings });
    const outcome = await submitAttempt(t.db, { userId: user, attemptId, now: at(11), settings, saves: [save(0, [older], 10)], sessionId });
    expect(outcome.saves).toEqual([{ position: 0, status: "stale", seq: "20" }]);
    expect(await stored(attemptId, 0)).toEqual([newer]);
  });

  test("arriving after the deadline but within the grace: accepted, answers applied, graded SUBMITTED", async () => {
    const { user, attemptId, view, sessionId } = await openMock(short);
    const key = choicesOf(view.items[3]!)[0]!.key;
    const outcome = await submitAttempt(t.db, { userId: user, attemptId, now: at(70), settings: short, saves: [save(3, [key], 5)], sessionId });
    expect(outcome).toMatchObject({ alreadyGraded: false, status: "SUBMITTED", saves: [{ position: 3, status: "saved", seq: "5" }] });
    expect(await stored(attemptId, 3)).toEqual([key]);
  });

  test("arriving after the grace: graded EXPIRED from what was saved before; the carried answers are not applied", async () => {
    const { user, attemptId, view, sessionId } = await openMock(short);
    const [kept, carried] = [choicesOf(view.items[0]!)[0]!.key, choicesOf(view.items[1]!)[0]!.key];
    await saveAnswers(t.db, { userId: user, sessionId, attemptId, saves: [save(0, [kept], 1)], now: at(50), settings: short });
    const outcome = await submitAttempt(t.db, { userId: user, attemptId, now: at(70.001), settings: short, saves: [save(1, [carried], 2)], sessionId });
    expect(outcome).toMatchObject({ alreadyGraded: false, status: "EXPIRED", saves: [] });
    expect(await stored(attemptId, 0)).toEqual([kept]);
    expect(await stored(attemptId, 1)).toEqual([]);
  });

  test("one save that can never be applied fails the whole submit: nothing applied, nothing graded", async () => {
    const { user, attemptId, view, sessionId } = await openMock();
    const second = view.items[1]!;
    const unused = keyNotIn(second);
    const saves = [save(0, [choicesOf(view.items[0]!)[0]!.key], 10), save(1, [unused], 11)];
    await expectAppError(submitAttempt(t.db, { userId: user, attemptId, now: at(30), settings, saves, sessionId }), "INVALID");
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("IN_PROGRESS");
    expect(await stored(attemptId, 0)).toEqual([]);
  });

  test("a revoked session's carried saves are refused and the attempt stays open", async () => {
    const { user, attemptId, view } = await openMock();
    const revoked = await createTestSession(t.db, user, T0);
    await t.db.authSession.update({ where: { id: revoked }, data: { revokedAt: at(1) } });
    const saves = [save(0, [choicesOf(view.items[0]!)[0]!.key], 10)];
    await expectAppError(submitAttempt(t.db, { userId: user, attemptId, now: at(30), settings, saves, sessionId: revoked }), "UNAUTHENTICATED");
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("IN_PROGRESS");
  });

  test("a submit from a revoked or another student's session grades nothing, even with no saves to carry", async () => {
    const { user, attemptId } = await openMock();
    const revoked = await createTestSession(t.db, user, T0);
    await t.db.authSession.update({ where: { id: revoked }, data: { revokedAt: at(1) } });
    await expectAppError(submitAttempt(t.db, { userId: user, attemptId, now: at(30), settings, sessionId: revoked }), "UNAUTHENTICATED");
    const someoneElse = await createTestSession(t.db, await newUser(), T0);
    await expectAppError(submitAttempt(t.db, { userId: user, attemptId, now: at(30), settings, sessionId: someoneElse }), "UNAUTHENTICATED");
    const expired = await createTestSession(t.db, user, T0);
    await t.db.authSession.update({ where: { id: expired }, data: { expiresAt: at(20) } });
    await expectAppError(submitAttempt(t.db, { userId: user, attemptId, now: at(30), settings, sessionId: expired }), "UNAUTHENTICATED");
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("IN_PROGRESS");
    const live = await createTestSession(t.db, user, T0);
    expect(await submitAttempt(t.db, { userId: user, attemptId, now: at(30), settings, sessionId: live })).toMatchObject({ alreadyGraded: false, status: "SUBMITTED" });
  });

  test("a second submit (double click) carrying the same saves grades nothing twice and applies nothing more", async () => {
    const { user, attemptId, view, sessionId } = await openMock();
    const [a, b] = [choicesOf(view.items[0]!)[0]!.key, choicesOf(view.items[0]!)[1]!.key];
    const first = await submitAttempt(t.db, { userId: user, attemptId, now: at(30), settings, saves: [save(0, [a], 10)], sessionId });
    const second = await submitAttempt(t.db, { userId: user, attemptId, now: at(31), settings, saves: [save(0, [b], 11)], sessionId });
    expect([first.alreadyGraded, second.alreadyGraded]).toEqual([false, true]);
    expect(second.saves).toEqual([]);
    expect(await stored(attemptId, 0)).toEqual([a]);
  });
});

describe("submitting and grading", () => {
  test("double submit (and a submit racing it) grades once, with the same result", async () => {
    const alice = users[0]!;
    const { attemptId } = await startAttempt(t.db, { userId: alice, input: { mode: "REVIEW_EXAM", timed: false }, now: T0, settings });
    const view = await runner(alice, attemptId);
    await saveAnswers(t.db, {
      userId: alice,
      sessionId: await sid(alice),
      attemptId,
      saves: view.items.slice(0, 5).map((i, n) => save(i.position, [choicesOf(i)[0]!.key], 100 + n)),
      now: at(20),
      settings,
    });
    const evidence = async () =>
      (await t.db.mastery.aggregate({ where: { userId: alice, scope: "TASK_STATEMENT" }, _sum: { evidence: true } }))._sum.evidence ?? 0;
    const before = await evidence();
    const outcomes = await Promise.all([1, 2, 3].map(() => submitAttempt(t.db, { userId: alice, attemptId, now: at(30), settings })));
    expect(outcomes.filter((o) => !o.alreadyGraded)).toHaveLength(1);
    await runJobs(t); // the learning job the one grade queued
    expect((await evidence()) - before).toBe(5); // five answers counted once, not three times
    const r1 = await loadResults(t.db, { userId: alice, attemptId, now: at(31), settings });
    const r2 = await loadResults(t.db, { userId: alice, attemptId, now: at(99), settings });
    expect(r1!.scaledScore).toBe(r2!.scaledScore);
    expect(r1!.rawScore).toBe(r1!.items.filter((i) => i.correct).length);
  });

  test("an expired attempt is graded by the sweep from what was saved", async () => {
    const bob = users[1]!;
    const short = { ...settings, mockMinutes: 2 };
    const { attemptId } = await startAttempt(t.db, { userId: bob, input: { mode: "MOCK" }, now: T0, settings: short });
    const view = await runner(bob, attemptId);
    await saveAnswers(t.db, { userId: bob, sessionId: await sid(bob), attemptId, saves: [save(0, [choicesOf(view.items[0]!)[0]!.key], 1)], now: at(30), settings: short });
    expect(await gradeOverdueAttempts(t.db, { now: at(125), settings: short })).toBe(0); // inside the grace
    expect(await gradeOverdueAttempts(t.db, { now: at(190), settings: short })).toBe(0); // on-time requests may still be queued
    expect(await gradeOverdueAttempts(t.db, { now: at(191), settings: short })).toBeGreaterThanOrEqual(1);
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.status).toBe("EXPIRED");
    expect(attempt.scaledScore).not.toBeNull();
    const results = await loadResults(t.db, { userId: bob, attemptId, now: at(200), settings: short });
    expect(results!.items.filter((i) => i.answered).map((i) => i.position)).toEqual([0]);
    expect(await gradeOverdueAttempts(t.db, { now: at(300), settings: short })).toBe(0); // nothing twice
  });

  test("reading an expired attempt grades it even without the sweep", async () => {
    const carol = users[2]!;
    const short = { ...settings, mockMinutes: 1 };
    await t.db.attempt.updateMany({ where: { userId: carol, status: "IN_PROGRESS" }, data: { status: "SUBMITTED" } });
    const { attemptId } = await startAttempt(t.db, { userId: carol, input: { mode: "MOCK" }, now: T0, settings: short });
    expect(await loadRunnerView(t.db, { userId: carol, attemptId, now: at(120), settings: short })).toEqual({ graded: true });
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("EXPIRED");
  });

  test("a practice quiz reveals one answer at a time; a mock never does", async () => {
    const erin = users[4]!;
    const quiz = await startAttempt(t.db, { userId: erin, input: { mode: "QUIZ", scope: { kind: "topic", topic: "sqs" }, count: 6 }, now: T0, settings });
    const choiceItems = (await runner(erin, quiz.attemptId)).items.filter((i) => i.display.kind === "single" || i.display.kind === "multiple");
    const [item, other] = choiceItems;
    const reveal = await checkAnswer(t.db, { userId: erin, attemptId: quiz.attemptId, position: item!.position, chosenKeys: [choicesOf(item!)[0]!.key], now: at(5) });
    expect(reveal.choiceExplanations).toHaveLength(choicesOf(item!).length);
    expect(reveal.correct).toBe(reveal.correctResponse.length === 1 && reveal.correctResponse[0] === choicesOf(item!)[0]!.key);
    // Checked answers are final: a later save is reported locked and changes nothing.
    const locked = await saveAnswers(t.db, { userId: erin, sessionId: await sid(erin), attemptId: quiz.attemptId, saves: [save(item!.position, [choicesOf(item!)[1]!.key], 99)], now: at(6), settings });
    expect(locked[0]!.status).toBe("locked");
    const view = await runner(erin, quiz.attemptId);
    expect(view.items.find((i) => i.position === item!.position)!.reveal).not.toBeNull();
    expect(view.items.find((i) => i.position === other!.position)!.reveal).toBeNull();

    const mock = await startAttempt(t.db, { userId: erin, input: { mode: "MOCK" }, now: T0, settings });
    await expectAppError(checkAnswer(t.db, { userId: erin, attemptId: mock.attemptId, position: 0, chosenKeys: ["a"], now: at(5) }), "FORBIDDEN");
  });
});

describe("ordering, matching and numeric items", () => {
  test("quizzes serve them without giving the answer away, and the server grades them", async () => {
    const user = await newUser();
    const practiceIds = (await t.db.question.findMany({ where: { type: { in: ["ORDERING", "MATCHING", "NUMERIC"] }, retiredAt: null }, select: { id: true, topicId: true } }));
    const topics = [...new Set(practiceIds.map((q) => q.topicId))];
    let checked = 0;
    for (const topic of topics.slice(0, 12)) {
      const quiz = await startAttempt(t.db, { userId: user, input: { mode: "QUIZ", scope: { kind: "topic", topic }, count: 30 }, now: T0, settings });
      const view = await runner(user, quiz.attemptId);
      for (const item of view.items.filter((i) => i.display.kind !== "single" && i.display.kind !== "multiple")) {
        // The browser's view holds no answer: no "correct", no explanation.
        expect(JSON.stringify(item)).not.toMatch(/"correct"|"[A-Za-z]*[eE]xplanations?":|"answer"/);
        const row = await t.db.attemptItem.findFirstOrThrow({ where: { attemptId: quiz.attemptId, position: item.position }, select: { questionId: true, questionVersion: true } });
        const version = await t.db.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: row.questionId, version: row.questionVersion } } });
        const practice = (version.snapshot as { practice: { items?: Array<{ text: string }>; pairs?: Array<{ key: string; answer: string }>; answer?: number } }).practice;
        let right: string[] = [];
        if (item.display.kind === "ordering") {
          const tokenOf = new Map(item.display.steps.map((s) => [s.text, s.key]));
          right = practice.items!.map((i) => tokenOf.get(i.text)!);
        } else if (item.display.kind === "matching") {
          const tokenOf = new Map(item.display.answers.map((a) => [a.text, a.key]));
          right = practice.pairs!.map((p) => `${p.key}:${tokenOf.get(p.answer)}`);
        } else right = [String(practice.answer)];
        // A wrong answer first on a copy of the order, then the right one on the real item.
        const reveal = await checkAnswer(t.db, { userId: user, attemptId: quiz.attemptId, position: item.position, chosenKeys: right, now: at(5) });
        expect(reveal.correct, `${item.display.kind} item ${row.questionId}`).toBe(true);
        expect(reveal.explanation.length).toBeGreaterThan(0);
        checked++;
      }
      await submitAttempt(t.db, { userId: user, attemptId: quiz.attemptId, now: at(9), settings });
      const results = (await loadResults(t.db, { userId: user, attemptId: quiz.attemptId, now: at(10), settings }))!;
      for (const item of results.items.filter((i) => i.display.kind !== "single" && i.display.kind !== "multiple")) expect(item.correct).toBe(true);
    }
    expect(checked).toBeGreaterThan(3);
  });

  test("a wrong order is wrong, and an answer that is not the item's shape is refused", async () => {
    const user = await newUser();
    const ordering = await t.db.question.findFirstOrThrow({ where: { type: "ORDERING", retiredAt: null }, select: { topicId: true } });
    const quiz = await startAttempt(t.db, { userId: user, input: { mode: "QUIZ", scope: { kind: "topic", topic: ordering.topicId }, count: 30 }, now: T0, settings });
    const item = (await runner(user, quiz.attemptId)).items.find((i) => i.display.kind === "ordering")!;
    if (item.display.kind !== "ordering") throw new Error();
    await expectAppError(checkAnswer(t.db, { userId: user, attemptId: quiz.attemptId, position: item.position, chosenKeys: ["z"], now: at(5) }), "INVALID");
    // Shown order is never the right order, so answering it as shown is wrong.
    const reveal = await checkAnswer(t.db, { userId: user, attemptId: quiz.attemptId, position: item.position, chosenKeys: item.display.steps.map((s) => s.key), now: at(5) });
    expect(reveal.correct).toBe(false);
  });
});

describe("a save racing the grading", () => {
  // Needs two connections whose transactions interleave: PostgreSQL, not the
  // embedded database (PGlite serves one transaction at a time, so the grader's
  // open transaction would block the save's connection forever).
  test.skipIf(!process.env.TEST_DATABASE_URL)("waits for a grading in progress and is then refused, never acknowledged and left ungraded", async () => {
    const user = await newUser();
    const { attemptId } = await startAttempt(t.db, { userId: user, input: { mode: "MOCK" }, now: T0, settings });
    const key = choicesOf((await runner(user, attemptId)).items[0]!)[0]!.key;
    // Another connection does what grading does first: lock the attempt for update.
    const grader = new pg.Client({ connectionString: t.url });
    await grader.connect();
    await grader.query("BEGIN");
    await grader.query(`SELECT id FROM "Attempt" WHERE id = $1 FOR UPDATE`, [attemptId]);
    let settled = false;
    const outcome = saveAnswers(t.db, { userId: user, sessionId: await sid(user), attemptId, saves: [save(0, [key], 7)], now: at(60), settings }).then(
      (results) => ((settled = true), results),
      (error: unknown) => ((settled = true), error),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false); // the save waits for the grading transaction
    await grader.query(`UPDATE "Attempt" SET status = 'SUBMITTED', "gradedAt" = now() WHERE id = $1`, [attemptId]);
    await grader.query("COMMIT");
    await grader.end();
    const result = await outcome;
    expect(result instanceof AppError && result.code === "CLOSED", `the racing save answered ${JSON.stringify(result)}`).toBe(true);
    expect((await t.db.attemptItem.findFirstOrThrow({ where: { attemptId, position: 0 } })).chosenKeys).toEqual([]);
  });
});

describe("keys of an open timed attempt stay locked everywhere (finding 6)", () => {
  test("practice started during a mock never draws the mock's questions", async () => {
    const user = await newUser();
    const mock = await startAttempt(t.db, { userId: user, input: { mode: "MOCK" }, now: T0, settings });
    const inMock = new Set((await t.db.attemptItem.findMany({ where: { attemptId: mock.attemptId }, select: { questionId: true } })).map((i) => i.questionId));
    const topic = (await t.db.question.findFirstOrThrow({ where: { id: { in: [...inMock] } }, select: { topicId: true } })).topicId;
    const quiz = await startAttempt(t.db, { userId: user, input: { mode: "QUIZ", scope: { kind: "topic", topic }, count: 30 }, now: at(1), settings });
    const inQuiz = (await t.db.attemptItem.findMany({ where: { attemptId: quiz.attemptId }, select: { questionId: true } })).map((i) => i.questionId);
    expect(inQuiz.length).toBeGreaterThan(0);
    expect(inQuiz.filter((id) => inMock.has(id))).toEqual([]);
  });

  test("a practice check, a practice runner and quiz results withhold a question that is also in the open mock", async () => {
    const user = await newUser();
    // A quiz from before the mock, then a mock that shares its first question.
    const quiz = await startAttempt(t.db, { userId: user, input: { mode: "QUIZ", scope: { kind: "domain", domain: 1 }, count: 10 }, now: T0, settings });
    // Two choice questions of the quiz (a quiz may also hold ordering, matching and numeric items).
    const items = await t.db.attemptItem.findMany({ where: { attemptId: quiz.attemptId, kind: "CHOICE" }, orderBy: { position: "asc" } });
    const shared = items[0]!;
    const keys = await t.db.choice.findMany({ where: { questionId: shared.questionId }, select: { key: true, correct: true } });
    const mock = await t.db.attempt.create({
      data: { userId: user, examId: "dva-c02", mode: "MOCK", config: {}, questionCount: 1, startedAt: at(1), deadline: at(3600) },
    });
    await t.db.attemptItem.create({
      data: { attemptId: mock.id, position: 0, questionId: shared.questionId, questionVersion: shared.questionVersion, choiceOrder: shared.choiceOrder },
    });
    const correct = keys.filter((k) => k.correct).map((k) => k.key);
    await expectAppError(checkAnswer(t.db, { userId: user, attemptId: quiz.attemptId, position: shared.position, chosenKeys: correct, now: at(2) }), "FORBIDDEN");
    // Another question of the same quiz is still checked as usual.
    const other = await t.db.choice.findFirstOrThrow({ where: { questionId: items[1]!.questionId }, select: { key: true } });
    expect((await checkAnswer(t.db, { userId: user, attemptId: quiz.attemptId, position: items[1]!.position, chosenKeys: [other.key], now: at(2) })).choiceExplanations.length).toBeGreaterThan(0);

    await saveAnswers(t.db, { userId: user, sessionId: await sid(user), attemptId: quiz.attemptId, saves: [save(shared.position, correct, 5)], now: at(3), settings });
    await submitAttempt(t.db, { userId: user, attemptId: quiz.attemptId, now: at(4), settings });
    const results = (await loadResults(t.db, { userId: user, attemptId: quiz.attemptId, now: at(5), settings }))!;
    const withheld = results.items.find((i) => i.questionId === shared.questionId)!;
    expect(withheld.reveal).toBeNull();
    expect(withheld.correct).toBe(false);
    expect(JSON.stringify(withheld)).not.toMatch(/"correct":true|"[A-Za-z]*[eE]xplanations?":/);
    expect(results.items.find((i) => i.questionId === items[1]!.questionId)!.reveal).not.toBeNull();

    // Once the mock is graded, the same results show everything.
    await submitAttempt(t.db, { userId: user, attemptId: mock.id, now: at(6), settings });
    const after = (await loadResults(t.db, { userId: user, attemptId: quiz.attemptId, now: at(7), settings }))!;
    const shown = after.items.find((i) => i.questionId === shared.questionId)!;
    expect(shown.reveal).not.toBeNull();
    expect(shown.correct).toBe(true);
    expect(shown.reveal!.choiceExplanations.some((c) => c.correct && c.explanation.length > 0)).toBe(true);
  });
});

describe("other people's attempts", () => {
  test("cannot be read, saved to, checked, submitted or reviewed: 404", async () => {
    const [owner, intruder] = [users[0]!, users[5]!];
    const { attemptId } = await startAttempt(t.db, { userId: owner, input: { mode: "QUIZ", scope: { kind: "domain", domain: 4 }, count: 10 }, now: T0, settings });
    // A quiz serves every item kind: take a choice item, whose keys the checks below send.
    const item = (await runner(owner, attemptId)).items.find((i) => i.display.kind === "single" || i.display.kind === "multiple")!;
    const [position, key] = [item.position, choicesOf(item)[0]!.key];
    await expectAppError(loadRunnerView(t.db, { userId: intruder, attemptId, now: at(1), settings }), "NOT_FOUND");
    await expectAppError(saveAnswers(t.db, { userId: intruder, sessionId: await sid(intruder), attemptId, saves: [save(position, [key], 5)], now: at(1), settings }), "NOT_FOUND");
    await expectAppError(checkAnswer(t.db, { userId: intruder, attemptId, position, chosenKeys: [key], now: at(1) }), "NOT_FOUND");
    await expectAppError(submitAttempt(t.db, { userId: intruder, attemptId, now: at(1), settings }), "NOT_FOUND");
    await submitAttempt(t.db, { userId: owner, attemptId, now: at(2), settings });
    await expectAppError(loadResults(t.db, { userId: intruder, attemptId, now: at(3), settings }), "NOT_FOUND");
    expect((await t.db.attemptItem.findFirstOrThrow({ where: { attemptId, position } })).chosenKeys).toEqual([]);
  });
});

describe("question versions held in the process (question-versions.ts)", () => {
  type PackItem = ReturnType<typeof loadContentPack>["items"][number]["item"];
  type Single = Extract<PackItem, { type: "single" }>;
  const singles = (pack: ReturnType<typeof loadContentPack>) => pack.items.map((l) => l.item).filter((item): item is Single => item.type === "single");
  const correctKey = (item: Single) => item.choices.find((c) => c.correct)!.key;

  /** An open practice attempt of one item, at the given version, for a new user. */
  async function attemptOf(db: TestDatabase["db"], questionId: string, version: number, choiceOrder: string[]) {
    const userId = (await db.user.create({ data: { email: `v${randomUUID()}@example.com`, name: "Versions", passwordHash: "x" } })).id;
    const attempt = await db.attempt.create({
      data: {
        userId,
        examId: "dva-c02",
        mode: "QUIZ",
        config: {},
        questionCount: 1,
        items: { create: { position: 0, questionId, questionVersion: version, choiceOrder } },
      },
    });
    return { userId, attemptId: attempt.id };
  }
  const stemShown = async (db: TestDatabase["db"], userId: string, attemptId: string) => {
    const view = await loadRunnerView(db, { userId, attemptId, now: at(5), settings });
    if ("graded" in view) throw new Error("expected a running attempt");
    return view.items[0]!.stem;
  };

  test("an attempt is shown and graded by the version it was drawn from after the question is edited; the edit is read fresh", async () => {
    const pack = loadContentPack();
    const item = singles(pack)[0]!;
    const keys = item.choices.map((c) => c.key);
    const oldKey = correctKey(item);
    const { version } = await t.db.question.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } });
    const before = await attemptOf(t.db, item.id, version, keys);
    expect(await stemShown(t.db, before.userId, before.attemptId)).toBe(item.stem);

    // The edit: a new stem, and another choice is the right one.
    const originalStem = item.stem;
    item.stem = `${originalStem} (edited)`;
    for (const choice of item.choices) choice.correct = choice.key === keys.find((k) => k !== oldKey);
    expect((await syncContent(t.db, pack)).updated.questions).toBe(1);
    const after = await attemptOf(t.db, item.id, version + 1, keys);

    expect(await stemShown(t.db, after.userId, after.attemptId)).toBe(`${originalStem} (edited)`);
    expect(await stemShown(t.db, before.userId, before.attemptId)).toBe(originalStem);
    for (const { userId, attemptId } of [before, after]) {
      await saveAnswers(t.db, { userId, sessionId: await sid(userId), attemptId, saves: [save(0, [oldKey], 1)], now: at(6), settings });
      await submitAttempt(t.db, { userId, attemptId, now: at(7), settings });
    }
    const correct = async (attemptId: string) => (await t.db.attemptItem.findFirstOrThrow({ where: { attemptId } })).correct;
    expect(await correct(before.attemptId)).toBe(true);
    expect(await correct(after.attemptId)).toBe(false);
  });

  test("two databases holding the same version number of a question with different content each show their own", async () => {
    const pack = loadContentPack();
    const item = singles(pack)[1]!;
    const keys = item.choices.map((c) => c.key);
    const here = await attemptOf(t.db, item.id, 1, keys);
    expect(await stemShown(t.db, here.userId, here.attemptId)).toBe(item.stem);

    const other = await createTestDatabase();
    try {
      const originalStem = item.stem;
      item.stem = `${originalStem} (as another database has it)`;
      await syncContent(other.db, pack);
      const there = await attemptOf(other.db, item.id, 1, keys);
      expect(await stemShown(other.db, there.userId, there.attemptId)).toBe(item.stem);
      expect(await stemShown(t.db, here.userId, here.attemptId)).toBe(originalStem);
    } finally {
      await other.close();
    }
  });
});
