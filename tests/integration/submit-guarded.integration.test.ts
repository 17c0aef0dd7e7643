// A submit grades from one unlocked read and writes the grade in one guarded
// statement (lib/exams/grade-statement.ts): these tests interleave saves with
// it on a second connection, so they need PostgreSQL, not the embedded
// database (PGlite serves one transaction at a time).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { AppError } from "@/lib/app-error";
import { queryConfig } from "@/lib/database/direct";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadSubmitState } from "@/lib/exams/attempt-items";
import { learningDelayNow, scoreAttempt } from "@/lib/exams/grade-attempt";
import { guardedGradeStatement } from "@/lib/exams/grade-statement";
import { type AnswerSave, answerSaveSchema } from "@/lib/exams/inputs";
import { saveAnswers } from "@/lib/exams/save-answers";
import { saveAnswerStatement } from "@/lib/exams/save-statement";
import { startAttempt } from "@/lib/exams/start-attempt";
import { submitAttempt } from "@/lib/exams/submit-attempt";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { createTestSession } from "../support/sessions";

const postgres = Boolean(process.env.TEST_DATABASE_URL);
let t: TestDatabase;
const settings = { mockMinutes: 130, graceSeconds: 10 };
const T0 = new Date("2026-03-01T10:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

beforeAll(async () => {
  if (!postgres) return;
  t = await createTestDatabase({ poolMax: 4 });
  await seed(t.db, { demo: false });
});
afterAll(async () => t?.close());

const save = (position: number, chosenKeys: string[], seq: number): AnswerSave =>
  answerSaveSchema.parse({ position, chosenKeys, flagged: false, unsure: false, timeSpentMs: 1000, seq });

let users = 0;
/** A student with a live session and an open mock. */
async function openMock() {
  users++;
  const userId = (await t.db.user.create({ data: { email: `guarded${users}@example.com`, name: `Guarded ${users}`, passwordHash: "x" } })).id;
  const sessionId = await createTestSession(t.db, userId, T0);
  const { attemptId } = await startAttempt(t.db, { userId, input: { mode: "MOCK" }, now: T0, settings });
  return { userId, sessionId, attemptId };
}

/** The right response to the attempt's item at `position`, and a wrong one. */
async function responses(attemptId: string, position: number) {
  const item = await t.db.attemptItem.findFirstOrThrow({ where: { attemptId, position } });
  const choices = await t.db.choice.findMany({ where: { questionId: item.questionId }, select: { key: true, correct: true } });
  return { right: choices.filter((c) => c.correct).map((c) => c.key), wrong: [choices.find((c) => !c.correct)!.key] };
}

/** `db` with its interactive transactions counted: the submit's fast path opens none, its fallback one. */
function countingTransactions(db: PrismaClient) {
  let count = 0;
  const proxy = new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property) as unknown;
      if (property === "$transaction") return (...args: Parameters<PrismaClient["$transaction"]>) => (count++, target.$transaction(...args));
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: proxy, transactions: () => count };
}

/** The guarded grade of the attempt as it stands now, with `saves` carried. */
async function guardedFromNow(o: { userId: string; sessionId: string; attemptId: string }, now: Date, saves: AnswerSave[] = []) {
  const read = (await loadSubmitState(t.db, { ...o, now }))!;
  const { judged, grade } = scoreAttempt(read.items);
  return guardedGradeStatement(
    { attemptId: o.attemptId, now, status: "SUBMITTED", grade, judged, learningAfterSeconds: learningDelayNow() },
    { userId: o.userId, sessionId: o.sessionId, deadline: read.deadline, items: read.items, saves },
  );
}

const itemAt = (attemptId: string, position: number) => t.db.attemptItem.findFirstOrThrow({ where: { attemptId, position } });
const statusOf = async (attemptId: string) => (await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status;

describe.skipIf(!postgres)("a submit's guarded grade", () => {
  test("grades an attempt nobody touched in one statement, without a transaction", async () => {
    const mock = await openMock();
    const { right } = await responses(mock.attemptId, 0);
    const counted = countingTransactions(t.db);
    const outcome = await submitAttempt(counted.db, { ...mock, now: at(30), settings, saves: [save(0, right, 5)] });
    expect(outcome).toMatchObject({ alreadyGraded: false, status: "SUBMITTED", saves: [{ position: 0, status: "saved", seq: "5" }] });
    expect(counted.transactions()).toBe(0);
    const item = await itemAt(mock.attemptId, 0);
    expect([item.chosenKeys.sort(), item.correct, item.saveSeq]).toEqual([right.sort(), true, 5n]);
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: mock.attemptId } });
    expect(attempt.rawScore).toBe(1);
    expect(await t.db.attemptItem.count({ where: { attemptId: mock.attemptId, correct: null } })).toBe(0);
  });

  test("writes nothing once an item changed after the read, and the submit then grades under the lock, counting the change", async () => {
    const mock = await openMock();
    const { right, wrong } = await responses(mock.attemptId, 1);
    const stale = await guardedFromNow(mock, at(30), [save(2, wrong, 9)]);
    await saveAnswers(t.db, { ...mock, saves: [save(1, right, 3)], now: at(29), settings });
    expect(await t.db.$queryRaw(stale)).toEqual([]);
    expect(await statusOf(mock.attemptId)).toBe("IN_PROGRESS");
    expect(await t.db.attemptItem.count({ where: { attemptId: mock.attemptId, correct: { not: null } } })).toBe(0);
    expect((await itemAt(mock.attemptId, 2)).chosenKeys).toEqual([]); // the carried save it held was not applied either

    const counted = countingTransactions(t.db);
    await submitAttempt(counted.db, { ...mock, now: at(31), settings });
    expect(counted.transactions()).toBe(0); // nothing changed after this submit's own read
    expect((await itemAt(mock.attemptId, 1)).correct).toBe(true);
  });

  test("writes nothing if the deadline moved or the session ended after the read", async () => {
    const moved = await openMock();
    const before = await guardedFromNow(moved, at(30));
    await t.db.attempt.update({ where: { id: moved.attemptId }, data: { deadline: at(9_000) } });
    expect(await t.db.$queryRaw(before)).toEqual([]);

    const signedOut = await openMock();
    const read = await guardedFromNow(signedOut, at(30));
    await t.db.authSession.update({ where: { id: signedOut.sessionId }, data: { revokedAt: at(20) } });
    expect(await t.db.$queryRaw(read)).toEqual([]);
    expect([await statusOf(moved.attemptId), await statusOf(signedOut.attemptId)]).toEqual(["IN_PROGRESS", "IN_PROGRESS"]);
  });

  test("a save still in flight when the submit writes: the write waits for it, sees it, and the grade counts it", async () => {
    const mock = await openMock();
    const { right } = await responses(mock.attemptId, 0);
    // Another connection's save has updated the item and holds the attempt FOR KEY SHARE, not committed yet.
    const saver = new pg.Client({ connectionString: t.url });
    await saver.connect();
    await saver.query("BEGIN");
    const statement = saveAnswerStatement({ save: save(0, right, 4), ...mock, now: at(29), graceSeconds: settings.graceSeconds });
    expect((await saver.query(queryConfig(statement))).rowCount).toBe(1);
    const counted = countingTransactions(t.db);
    let settled = false;
    const submitted = submitAttempt(counted.db, { ...mock, now: at(30), settings }).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false); // the guarded write waits for the save's lock
    await saver.query("COMMIT");
    await saver.end();
    expect(await submitted).toMatchObject({ alreadyGraded: false, status: "SUBMITTED" });
    expect(counted.transactions()).toBe(1); // its read was stale: it graded again under the lock
    const item = await itemAt(mock.attemptId, 0);
    expect([item.chosenKeys.sort(), item.correct]).toEqual([right.sort(), true]);
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: mock.attemptId } })).rawScore).toBe(1);
  });

  test("a save arriving while the guarded write is open waits for it and is refused, never acknowledged and left ungraded", async () => {
    const mock = await openMock();
    const { right } = await responses(mock.attemptId, 0);
    const statement = await guardedFromNow(mock, at(30));
    const grader = new pg.Client({ connectionString: t.url });
    await grader.connect();
    await grader.query("BEGIN"); // held open, so the save can be seen waiting
    expect((await grader.query(queryConfig(statement))).rowCount).toBe(1);
    let settled = false;
    const saved = saveAnswers(t.db, { ...mock, saves: [save(0, right, 7)], now: at(31), settings }).then(
      (results) => ((settled = true), results),
      (error: unknown) => ((settled = true), error),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    await grader.query("COMMIT");
    await grader.end();
    const result = await saved;
    expect(result instanceof AppError && result.code === "CLOSED", `the racing save answered ${JSON.stringify(result)}`).toBe(true);
    expect((await itemAt(mock.attemptId, 0)).chosenKeys).toEqual([]);
  });
});
