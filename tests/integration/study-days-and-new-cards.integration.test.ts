// The student's own days (User.timeZone) and the new-cards-per-day limit, end
// to end through grading: cards, activity rows, due counts and the dashboard.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { submitAttempt } from "@/lib/exams/submit-attempt";
import { loadRunnerView } from "@/lib/exams/runner-view";
import { saveAnswers } from "@/lib/exams/save-answers";
import { startAttempt } from "@/lib/exams/start-attempt";
import { forgetQuestionPool } from "@/lib/exams/question-pool";
import { loadDashboard } from "@/lib/learning/dashboard";
import { countDueCards, deferredNewCards } from "@/lib/learning/review-queue";
import { loadStudySettings } from "@/lib/learning/study-settings";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { responsesFor } from "@/lib/seed/scripted-responses";
import { runJobs } from "../support/jobs";
import { createTestSession } from "../support/sessions";

let t: TestDatabase;
const settings = { mockMinutes: 130, graceSeconds: 10 };

beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { demo: false });
  forgetQuestionPool(t.db);
});
afterAll(async () => t?.close());

async function newStudent(name: string, data: { timeZone?: string; newCardsPerDay?: number } = {}) {
  return (await t.db.user.create({ data: { email: `${name}@example.com`, name, passwordHash: "x", ...data } })).id;
}

/** A topic quiz on task statement 2.2 answered all wrong (every answer makes a new card), graded at `at`. */
async function missEverything(userId: string, count: number, at: Date) {
  const { attemptId } = await startAttempt(t.db, {
    userId,
    input: { mode: "QUIZ", scope: { kind: "taskStatement", taskStatement: "2.2" }, count },
    now: at,
    settings,
  });
  const view = await loadRunnerView(t.db, { userId, attemptId, now: at, settings });
  if ("graded" in view) throw new Error("unexpected");
  const saves = await responsesFor(t.db, attemptId, () => "wrong", { timeSpentMs: 40_000 });
  await saveAnswers(t.db, { userId, sessionId: await createTestSession(t.db, userId), attemptId, saves, now: at, settings });
  await submitAttempt(t.db, { userId, attemptId, now: at, settings });
  await runJobs(t);
}

const dues = async (userId: string) =>
  (await t.db.reviewCard.findMany({ where: { userId }, select: { due: true }, orderBy: { due: "asc" } })).map((c) => c.due.toISOString());

describe("new cards per day", () => {
  test("a quiz that misses more than the limit spreads the rest over the next days, and the student is told", async () => {
    const user = await newStudent("nina", { newCardsPerDay: 3 });
    const at = new Date("2026-05-04T10:00:00Z"); // Monday
    await missEverything(user, 8, at);
    const all = await dues(user);
    expect(all).toHaveLength(8);
    // Three within the day (FSRS: a minute after the miss), three at the start of Tuesday, two on Wednesday.
    expect(all.filter((d) => d < "2026-05-05")).toHaveLength(3);
    expect(all.filter((d) => d.startsWith("2026-05-05"))).toEqual(Array(3).fill("2026-05-05T00:00:00.000Z"));
    expect(all.filter((d) => d.startsWith("2026-05-06"))).toEqual(Array(2).fill("2026-05-06T00:00:00.000Z"));

    const soon = new Date(at.getTime() + 5 * 60_000);
    expect(await countDueCards(t.db, { userId: user, now: soon, timeZone: "UTC" })).toEqual({ now: 3, today: 3, week: 8, total: 8 });
    const limit = { timeZone: "UTC", newCardsPerDay: 3 };
    expect(await deferredNewCards(t.db, { userId: user, now: soon, settings: limit })).toBe(
      "5 more new cards are spread over the next days (3 tomorrow, 2 on Wed 6 May) to keep each day's new cards to 3.",
    );
    const d = await loadDashboard(t.db, { userId: user, now: soon, settings: limit });
    expect(d.newCardNotice).toBe(await deferredNewCards(t.db, { userId: user, now: soon, settings: limit }));

    // A second quiz the same day: today is full, so its new cards start after the earlier ones.
    await missEverything(user, 2, new Date(at.getTime() + 60 * 60_000));
    const later = await dues(user);
    expect(later.filter((d) => d.startsWith("2026-05-06"))).toHaveLength(3);
    expect(later.filter((d) => d.startsWith("2026-05-07"))).toEqual(["2026-05-07T00:00:00.000Z"]);
  });

  test("under the limit nothing moves, and no notice is shown", async () => {
    const user = await newStudent("omar");
    const at = new Date("2026-05-04T10:00:00Z");
    await missEverything(user, 5, at);
    expect((await dues(user)).every((d) => d < "2026-05-04T11:00")).toBe(true);
    expect(await deferredNewCards(t.db, { userId: user, now: at, settings: { timeZone: "UTC", newCardsPerDay: 20 } })).toBeNull();
  });

  test("held-back cards start at the student's own midnight", async () => {
    const user = await newStudent("pita", { timeZone: "Pacific/Kiritimati", newCardsPerDay: 1 });
    const at = new Date("2026-05-04T10:00:00Z"); // 00:00 on 5 May in Kiritimati (UTC+14)
    await missEverything(user, 2, at);
    // 6 May starts at 10:00 UTC on 5 May there.
    expect((await dues(user))[1]).toBe("2026-05-05T10:00:00.000Z");
  });
});

describe("the student's days", () => {
  test("activity is written on the student's local date, and the dashboard counts days there", async () => {
    const user = await newStudent("quin", { timeZone: "Pacific/Kiritimati" });
    // 23:30 on 10 April in Kiritimati, still the 10th; an hour later it is the 11th there (UTC: still the 10th).
    await missEverything(user, 2, new Date("2026-04-10T09:30:00Z"));
    await missEverything(user, 3, new Date("2026-04-10T10:30:00Z"));
    const rows = await t.db.dailyActivity.findMany({ where: { userId: user }, orderBy: { day: "asc" } });
    expect(rows.map((r) => [r.day.toISOString().slice(0, 10), r.answered])).toEqual([
      ["2026-04-10", 2],
      ["2026-04-11", 3],
    ]);
    const d = await loadDashboard(t.db, { userId: user, now: new Date("2026-04-10T11:00:00Z"), settings: { timeZone: "Pacific/Kiritimati", newCardsPerDay: 20 } });
    expect(d.activity.at(-1)).toEqual({ day: "2026-04-11", answered: 3, correct: 0 });
    expect(d.activity.at(-2)).toEqual({ day: "2026-04-10", answered: 2, correct: 0 });
  });

  test("'due today' ends at the student's midnight, not UTC's", async () => {
    const user = await newStudent("rosa", { timeZone: "America/New_York" });
    await missEverything(user, 1, new Date("2026-04-10T12:00:00Z"));
    // Due at 02:00 UTC on the 11th: 22:00 on the 10th in New York, so due today there; tomorrow in UTC.
    await t.db.reviewCard.updateMany({ where: { userId: user }, data: { due: new Date("2026-04-11T02:00:00Z") } });
    const now = new Date("2026-04-10T20:00:00Z");
    expect(await countDueCards(t.db, { userId: user, now, timeZone: "America/New_York" })).toMatchObject({ now: 0, today: 1 });
    expect(await countDueCards(t.db, { userId: user, now, timeZone: "UTC" })).toMatchObject({ now: 0, today: 0 });
  });

  test("the browser's zone is stored when it differs and is valid; a zone picked on the profile holds while pinned", async () => {
    const user = await newStudent("sven");
    expect(await loadStudySettings(t.db, { userId: user, browser: { zone: undefined, pinnedFor: undefined } })).toEqual({ timeZone: "UTC", newCardsPerDay: 20 });
    expect((await loadStudySettings(t.db, { userId: user, browser: { zone: "Not/AZone", pinnedFor: undefined } })).timeZone).toBe("UTC");
    expect((await loadStudySettings(t.db, { userId: user, browser: { zone: "Europe/Berlin", pinnedFor: undefined } })).timeZone).toBe("Europe/Berlin");
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user } })).timeZone).toBe("Europe/Berlin");
    // The student picks Tokyo on the profile while the browser is in Berlin: the pick holds.
    await t.db.user.update({ where: { id: user }, data: { timeZone: "Asia/Tokyo" } });
    expect((await loadStudySettings(t.db, { userId: user, browser: { zone: "Europe/Berlin", pinnedFor: "Europe/Berlin" } })).timeZone).toBe("Asia/Tokyo");
    // They travel: the browser's new zone is taken.
    expect((await loadStudySettings(t.db, { userId: user, browser: { zone: "America/Denver", pinnedFor: "Europe/Berlin" } })).timeZone).toBe("America/Denver");
  });
});
