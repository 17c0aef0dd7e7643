// The Learn area against a real database seeded with the content pack:
// full-text search, progress per domain, "Check yourself" grading and what
// the lesson page loader lets out.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadLearnCatalogue } from "@/lib/lessons/catalogue";
import { checkLessonAnswer } from "@/lib/lessons/lesson-check";
import { setLessonCompletion } from "@/lib/lessons/lesson-completion";
import { LESSON_CHECK_SIZE, lessonCheckQuestionIds } from "@/lib/lessons/lesson-check-set";
import { loadLessonCheckQuestions, loadLessonPage } from "@/lib/lessons/lesson-page";
import { searchLessons } from "@/lib/lessons/lesson-search";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seed(t.db, { demo: false });
});
afterAll(async () => t?.close());

async function makeStudent(id: string) {
  await t.db.user.create({ data: { id, email: `${id}@example.com`, name: "Lesson Tester", passwordHash: "x" } });
  return id;
}

async function correctKeysOf(questionId: string) {
  const choices = await t.db.choice.findMany({ where: { questionId }, orderBy: { position: "asc" }, select: { key: true, correct: true } });
  return { correct: choices.filter((c) => c.correct).map((c) => c.key), wrong: choices.filter((c) => !c.correct).map((c) => c.key) };
}

/** Every key of every object in a value, however deep. */
function keysDeep(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysDeep(v, into));
  else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, v] of Object.entries(value)) {
      into.add(key);
      keysDeep(v, into);
    }
  }
  return into;
}

describe("lesson search", () => {
  test("finds a lesson by a term that appears only in its body", async () => {
    const term = "ApplicationStop";
    const lessons = await t.db.lesson.findMany({ select: { id: true, title: true, objectives: true, body: true } });
    const holders = lessons.filter((l) => l.body.includes(term));
    // The premise: exactly one lesson mentions it, and only in its body.
    expect(holders.map((l) => l.id)).toEqual(["codedeploy-appspec-hooks"]);
    expect(holders[0]!.title).not.toMatch(new RegExp(term, "i"));
    expect(holders[0]!.objectives.join(" ")).not.toMatch(new RegExp(term, "i"));

    const hits = await searchLessons(t.db, { query: term });
    expect(hits.map((h) => h.id)).toEqual(["codedeploy-appspec-hooks"]);
    const [hit] = hits;
    expect(hit).toMatchObject({ title: holders[0]!.title, domainNumber: 3, taskStatementCode: "3.4" });
    expect(hit!.rank).toBeGreaterThan(0);
    // The snippet comes from the body and marks the match.
    expect(hit!.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain("applicationstop");
  });

  test("a title match ranks above body-only matches", async () => {
    const hits = await searchLessons(t.db, { query: "Step Functions" });
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0]!.id).toBe("step-functions");
    expect(hits.map((h) => h.rank)).toEqual([...hits.map((h) => h.rank)].sort((a, b) => b - a));
  });

  test("web-search syntax: a quoted phrase and an excluded word", async () => {
    const phrase = await searchLessons(t.db, { query: '"visibility timeout"' });
    expect(phrase.map((h) => h.id)).toContain("sqs-queues");
    const excluded = await searchLessons(t.db, { query: '"visibility timeout" -lambda' });
    for (const hit of excluded) {
      const body = (await t.db.lesson.findUniqueOrThrow({ where: { id: hit.id }, select: { body: true } })).body;
      expect(body.toLowerCase()).not.toContain("lambda");
    }
  });

  test.each([
    { name: "a word no lesson has", query: "zyzzyvaquux" },
    { name: "only stop words", query: "the and of" },
    { name: "SQL in the query is only text", query: `zyzzyvaquux'; DROP TABLE "Lesson"; --` },
  ])("no results: $name", async ({ query }) => {
    expect(await searchLessons(t.db, { query })).toEqual([]);
    expect(await t.db.lesson.count()).toBeGreaterThan(50);
  });

  test("a retired lesson is not found", async () => {
    await t.db.lesson.update({ where: { id: "codedeploy-appspec-hooks" }, data: { retiredAt: new Date() } });
    try {
      expect(await searchLessons(t.db, { query: "ApplicationStop" })).toEqual([]);
    } finally {
      await t.db.lesson.update({ where: { id: "codedeploy-appspec-hooks" }, data: { retiredAt: null } });
    }
  });
});

describe("progress per domain", () => {
  test("counts each domain's completed lessons, and un-completing takes one back", async () => {
    const userId = await makeStudent("progress-student");
    const before = await loadLearnCatalogue(t.db, { userId });
    expect(before.domains.map((d) => [d.number, d.weight, d.completed])).toEqual([
      [1, 32, 0],
      [2, 26, 0],
      [3, 24, 0],
      [4, 18, 0],
    ]);
    const totals = await t.db.lesson.groupBy({ by: ["domainId"], where: { retiredAt: null }, _count: { _all: true }, orderBy: { domainId: "asc" } });
    expect(before.domains.map((d) => d.total)).toEqual(totals.map((row) => row._count._all));
    expect(before.nextLesson?.id).toBe("event-driven-architecture");

    for (const lessonId of ["event-driven-architecture", "sqs-queues", "codedeploy-appspec-hooks"]) {
      expect(await setLessonCompletion(t.db, { userId, lessonId, completed: true })).toEqual({ lessonId, completed: true });
    }
    // Completing twice records it once.
    await setLessonCompletion(t.db, { userId, lessonId: "sqs-queues", completed: true });
    // Another student's progress is not this one's.
    const other = await makeStudent("progress-other");
    await setLessonCompletion(t.db, { userId: other, lessonId: "iam-policies-and-evaluation", completed: true });

    const after = await loadLearnCatalogue(t.db, { userId });
    expect(after.domains.map((d) => d.completed)).toEqual([2, 0, 1, 0]);
    expect(after.completedCount).toBe(3);
    expect(after.nextLesson?.id).toBe("retries-backoff-idempotency");
    const d1 = after.domains[0]!;
    const sqs = d1.taskStatements.flatMap((ts) => ts.lessons).find((l) => l.id === "sqs-queues");
    expect(sqs?.completed).toBe(true);
    expect(d1.percent).toBe(Math.floor((2 / d1.total) * 100));

    await setLessonCompletion(t.db, { userId, lessonId: "sqs-queues", completed: false });
    expect((await loadLearnCatalogue(t.db, { userId })).domains.map((d) => d.completed)).toEqual([1, 0, 1, 0]);
    // Un-completing a lesson that was never complete changes nothing.
    await setLessonCompletion(t.db, { userId, lessonId: "sqs-queues", completed: false });
    expect(await t.db.lessonProgress.count({ where: { userId } })).toBe(2);
  });

  test("lessons appear under their task statements in order, and retired lessons and their completions drop out", async () => {
    const userId = await makeStudent("progress-retired");
    await setLessonCompletion(t.db, { userId, lessonId: "elastic-beanstalk", completed: true });
    const lessonsOf = async () =>
      (await loadLearnCatalogue(t.db, { userId })).domains.find((d) => d.number === 3)!;
    const live = await lessonsOf();
    expect(live.completed).toBe(1);
    for (const ts of live.taskStatements) {
      const orders = ts.lessons.map((l) => l.order);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }

    await t.db.lesson.update({ where: { id: "elastic-beanstalk" }, data: { retiredAt: new Date() } });
    try {
      const retired = await lessonsOf();
      expect(retired.total).toBe(live.total - 1);
      expect(retired.completed).toBe(0);
      expect(retired.taskStatements.flatMap((ts) => ts.lessons).map((l) => l.id)).not.toContain("elastic-beanstalk");
      // A retired lesson cannot be marked complete.
      expect(await setLessonCompletion(t.db, { userId, lessonId: "elastic-beanstalk", completed: true })).toBeNull();
    } finally {
      await t.db.lesson.update({ where: { id: "elastic-beanstalk" }, data: { retiredAt: null } });
    }
    expect(await setLessonCompletion(t.db, { userId, lessonId: "no-such-lesson", completed: true })).toBeNull();
  });
});

describe("checking a Check yourself answer", () => {
  let userId: string;
  beforeAll(async () => {
    userId = await makeStudent("check-student");
  });

  /** The first question of `type` that some lesson's "Check yourself" shows this student. */
  async function shown(type: "SINGLE" | "MULTIPLE") {
    const lessons = await t.db.lesson.findMany({ where: { retiredAt: null }, select: { id: true }, orderBy: { id: "asc" } });
    for (const { id: lessonId } of lessons) {
      const ids = await lessonCheckQuestionIds(t.db, { lessonId, userId });
      const question = await t.db.question.findFirst({ where: { id: { in: ids }, type }, orderBy: { id: "asc" }, select: { id: true } });
      if (question) return { lessonId, questionId: question.id };
    }
    throw new Error(`no lesson shows a ${type} question`);
  }

  test("grades a single-answer question right and wrong, with every choice's explanation", async () => {
    const { lessonId, questionId } = await shown("SINGLE");
    const keys = await correctKeysOf(questionId);
    expect(keys.correct).toHaveLength(1);

    const right = await checkLessonAnswer(t.db, { lessonId, userId, questionId, chosenKeys: keys.correct });
    expect(right).toMatchObject({ status: "checked", questionId, correct: true, correctKeys: keys.correct });
    const wrong = await checkLessonAnswer(t.db, { lessonId, userId, questionId, chosenKeys: [keys.wrong[0]!] });
    expect(wrong).toMatchObject({ status: "checked", correct: false, correctKeys: keys.correct });

    const stored = await t.db.choice.findMany({ where: { questionId }, orderBy: { position: "asc" }, select: { key: true, explanation: true } });
    expect(right.status === "checked" && right.explanations).toEqual(stored);
  });

  test("grades a multiple-response question all or nothing", async () => {
    const { lessonId, questionId } = await shown("MULTIPLE");
    const keys = await correctKeysOf(questionId);
    expect(keys.correct.length).toBeGreaterThanOrEqual(2);

    const all = await checkLessonAnswer(t.db, { lessonId, userId, questionId, chosenKeys: [...keys.correct].reverse() });
    expect(all).toMatchObject({ status: "checked", correct: true, correctKeys: keys.correct });
    const half = [keys.correct[0]!, ...keys.wrong.slice(0, keys.correct.length - 1)];
    expect(await checkLessonAnswer(t.db, { lessonId, userId, questionId, chosenKeys: half })).toMatchObject({ status: "checked", correct: false });
    expect(await checkLessonAnswer(t.db, { lessonId, userId, questionId, chosenKeys: [keys.correct[0]!] })).toMatchObject({
      status: "checked",
      correct: false,
    });
  });

  test("refuses bad input and every question the lesson does not show", async () => {
    const single = await shown("SINGLE");
    const multiple = await shown("MULTIPLE");
    const lessonQuestions = await t.db.question.findMany({ where: { lessonId: single.lessonId, type: { in: ["SINGLE", "MULTIPLE"] } }, select: { id: true } });
    const shownIds = await lessonCheckQuestionIds(t.db, { lessonId: single.lessonId, userId });
    const notShown = lessonQuestions.map((q) => q.id).find((id) => !shownIds.includes(id));
    const practice = await t.db.question.findFirstOrThrow({ where: { type: { notIn: ["SINGLE", "MULTIPLE"] } }, select: { id: true, lessonId: true } });
    const otherLesson = await t.db.question.findFirstOrThrow({ where: { lessonId: { not: single.lessonId }, type: "SINGLE" }, select: { id: true } });
    const cases = [
      { name: "a key the question does not have", ...single, chosenKeys: ["f"], reason: "FOREIGN_KEYS" },
      { name: "two keys for a single-answer question", ...single, chosenKeys: ["a", "b"], reason: "TOO_MANY_KEYS" },
      { name: "more keys than a multiple-response question's correct ones", ...multiple, chosenKeys: ["a", "b", "c", "d"], reason: "TOO_MANY_KEYS" },
      { name: "no keys", ...single, chosenKeys: [], reason: "NO_KEYS" },
      { name: "a question of another lesson", lessonId: single.lessonId, questionId: otherLesson.id, chosenKeys: ["a"], reason: "NOT_FOUND" },
      { name: "a practice item, which has no choices", lessonId: practice.lessonId, questionId: practice.id, chosenKeys: ["a"], reason: "NOT_FOUND" },
      { name: "an unknown question", lessonId: single.lessonId, questionId: "q-nope-999", chosenKeys: ["a"], reason: "NOT_FOUND" },
      // Finding 6: the action once answered for ANY question of the lesson.
      ...(notShown ? [{ name: "a question of this lesson that its check does not show", lessonId: single.lessonId, questionId: notShown, chosenKeys: ["a"], reason: "NOT_FOUND" }] : []),
    ];
    expect(notShown).toBeDefined();
    for (const c of cases) {
      const result = await checkLessonAnswer(t.db, { lessonId: c.lessonId, userId, questionId: c.questionId, chosenKeys: c.chosenKeys });
      expect(result, c.name).toMatchObject({ status: "refused", reason: c.reason });
      expect(keysDeep(result)).not.toContain("explanations");
      expect(keysDeep(result)).not.toContain("correctKeys");
    }
  });

  test("never answers for a question of the caller's timed attempt in progress (finding 6)", async () => {
    const student = await makeStudent("check-mock-student");
    const { lessonId, questionId } = await shown("SINGLE");
    const { correct } = await correctKeysOf(questionId);
    // A mock in progress that holds this question.
    const attempt = await t.db.attempt.create({
      data: { userId: student, examId: "dva-c02", mode: "MOCK", config: {}, questionCount: 1, deadline: new Date(Date.now() + 3_600_000) },
    });
    const version = await t.db.question.findUniqueOrThrow({ where: { id: questionId }, select: { version: true } });
    await t.db.attemptItem.create({ data: { attemptId: attempt.id, position: 0, questionId, questionVersion: version.version, choiceOrder: ["a", "b", "c", "d"] } });
    expect(await lessonCheckQuestionIds(t.db, { lessonId, userId: student })).not.toContain(questionId);
    expect(await checkLessonAnswer(t.db, { lessonId, userId: student, questionId, chosenKeys: correct })).toEqual({ status: "refused", reason: "NOT_FOUND" });
    // Once that attempt is over, the lesson shows and checks it again.
    await t.db.attempt.update({ where: { id: attempt.id }, data: { status: "SUBMITTED" } });
    expect(await checkLessonAnswer(t.db, { lessonId, userId: student, questionId, chosenKeys: correct })).toMatchObject({ status: "checked", correct: true });
  });

  test("refuses a retired question, and any question of a retired lesson", async () => {
    const { lessonId, questionId } = await shown("SINGLE");
    const { correct } = await correctKeysOf(questionId);
    await t.db.question.update({ where: { id: questionId }, data: { retiredAt: new Date() } });
    try {
      expect(await checkLessonAnswer(t.db, { lessonId, userId, questionId, chosenKeys: correct })).toEqual({ status: "refused", reason: "NOT_FOUND" });
    } finally {
      await t.db.question.update({ where: { id: questionId }, data: { retiredAt: null } });
    }
    await t.db.lesson.update({ where: { id: lessonId }, data: { retiredAt: new Date() } });
    try {
      expect(await checkLessonAnswer(t.db, { lessonId, userId, questionId, chosenKeys: correct })).toEqual({ status: "refused", reason: "NOT_FOUND" });
    } finally {
      await t.db.lesson.update({ where: { id: lessonId }, data: { retiredAt: null } });
    }
    expect(await checkLessonAnswer(t.db, { lessonId, userId, questionId, chosenKeys: correct })).toMatchObject({ status: "checked", correct: true });
  });
});

describe("the lesson page loader", () => {
  test("returns the lesson with no correct flags or explanations anywhere", async () => {
    const userId = await makeStudent("page-student");
    const page = await loadLessonPage(t.db, { lessonId: "sns-eventbridge-fanout", userId });
    expect(page).not.toBeNull();

    const keys = keysDeep(page);
    expect(keys).not.toContain("correct");
    expect(keys).not.toContain("explanation");
    expect(keys).not.toContain("explanations");
    expect(keys).not.toContain("correctKeys");
    // Not even as text: no explanation of any of the lesson's questions is in what the page gets.
    const serialised = JSON.stringify(page);
    const explanations = await t.db.choice.findMany({ where: { question: { lessonId: "sns-eventbridge-fanout" } }, select: { explanation: true } });
    expect(explanations.length).toBeGreaterThan(0);
    for (const { explanation } of explanations) expect(serialised).not.toContain(explanation);

    const questions = page!.checkQuestions;
    expect(questions.length).toBe(LESSON_CHECK_SIZE);
    expect(questions.map((q) => q.id)).toEqual([...questions.map((q) => q.id)].sort());
    for (const question of questions) {
      expect(["SINGLE", "MULTIPLE"]).toContain(question.type);
      for (const choice of question.choices) expect(Object.keys(choice).sort()).toEqual(["key", "text"]);
      // The page knows how many to choose, which is the number of correct choices.
      expect(question.chooseCount).toBe((await correctKeysOf(question.id)).correct.length);
    }
  });

  test("carries the blueprint place, related lessons, neighbours in reading order and completion", async () => {
    const userId = await makeStudent("page-neighbours");
    const first = await loadLessonPage(t.db, { lessonId: "event-driven-architecture", userId });
    expect(first!.previous).toBeNull();
    expect(first!.next?.id).toBe("retries-backoff-idempotency");
    expect(first!.completedAt).toBeNull();

    // The last lesson of domain 1 leads into domain 2.
    const lastOfDomain1 = await t.db.lesson.findFirstOrThrow({ where: { domainId: "dva-c02:1" }, orderBy: { order: "desc" } });
    const crossing = await loadLessonPage(t.db, { lessonId: lastOfDomain1.id, userId });
    expect(crossing!.next).toMatchObject({ domainNumber: 2, id: "iam-policies-and-evaluation" });

    await setLessonCompletion(t.db, { userId, lessonId: "sns-eventbridge-fanout", completed: true });
    const page = await loadLessonPage(t.db, { lessonId: "sns-eventbridge-fanout", userId });
    expect(page!.completedAt).toBeInstanceOf(Date);
    expect(page!.lesson).toMatchObject({ domain: { number: 1, weight: 32 }, taskStatement: { code: "1.1" } });
    const stored = await t.db.lesson.findUniqueOrThrow({ where: { id: "sns-eventbridge-fanout" }, select: { related: true } });
    expect(page!.related.map((l) => l.id)).toEqual(stored.related);
  });

  test("is null for an unknown or retired lesson", async () => {
    const userId = await makeStudent("page-missing");
    expect(await loadLessonPage(t.db, { lessonId: "no-such-lesson", userId })).toBeNull();
    await t.db.lesson.update({ where: { id: "step-functions" }, data: { retiredAt: new Date() } });
    try {
      expect(await loadLessonPage(t.db, { lessonId: "step-functions", userId })).toBeNull();
    } finally {
      await t.db.lesson.update({ where: { id: "step-functions" }, data: { retiredAt: null } });
    }
  });

  test("leaves out retired and practice questions", async () => {
    const userId = await makeStudent("page-retired");
    const all = await loadLessonCheckQuestions(t.db, { lessonId: "sns-eventbridge-fanout", userId });
    const firstId = all[0]!.id;
    await t.db.question.update({ where: { id: firstId }, data: { retiredAt: new Date() } });
    try {
      const without = await loadLessonCheckQuestions(t.db, { lessonId: "sns-eventbridge-fanout", userId });
      expect(without.map((q) => q.id)).not.toContain(firstId);
      expect(without.every((q) => !q.id.startsWith("p-"))).toBe(true);
    } finally {
      await t.db.question.update({ where: { id: firstId }, data: { retiredAt: null } });
    }
  });
});
