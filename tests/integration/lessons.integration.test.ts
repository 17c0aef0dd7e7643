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
import { Prisma } from "@/lib/generated/prisma/client";
import { seed } from "@/lib/seed/seed";
import { type TestDatabase, createTestDatabase } from "../support/database";
import { responseToShown } from "../support/responses";

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

  type Kind = "SINGLE" | "MULTIPLE" | "ORDERING" | "MATCHING" | "NUMERIC";
  /** The first question of `type` that some lesson's "Check yourself" shows this student, as the page shows it. */
  async function shown(type: Kind, student = userId) {
    const lessons = await t.db.lesson.findMany({ where: { retiredAt: null }, select: { id: true }, orderBy: { id: "asc" } });
    for (const { id: lessonId } of lessons) {
      const ids = await lessonCheckQuestionIds(t.db, { lessonId, userId: student });
      const question = await t.db.question.findFirst({ where: { id: { in: ids }, type }, orderBy: { id: "asc" }, select: { id: true } });
      if (!question) continue;
      const item = (await loadLessonCheckQuestions(t.db, { lessonId, userId: student })).find((q) => q.questionId === question.id)!;
      return { lessonId, questionId: question.id, version: item.version, item };
    }
    throw new Error(`no lesson shows a ${type} question`);
  }

  test("grades a single-answer question right and wrong, with every choice's explanation", async () => {
    const { lessonId, questionId, version, item } = await shown("SINGLE");
    const keys = await correctKeysOf(questionId);
    expect(keys.correct).toHaveLength(1);

    const right = await checkLessonAnswer(t.db, { lessonId, userId, questionId, version, response: keys.correct });
    expect(right).toMatchObject({ status: "checked", questionId, reveal: { correct: true, correctResponse: keys.correct } });
    const wrong = await checkLessonAnswer(t.db, { lessonId, userId, questionId, version, response: [keys.wrong[0]!] });
    expect(wrong).toMatchObject({ status: "checked", reveal: { correct: false, correctResponse: keys.correct } });
    expect(item.display.kind).toBe("single");

    const stored = await t.db.choice.findMany({ where: { questionId }, orderBy: { position: "asc" }, select: { key: true, correct: true, explanation: true } });
    expect(right.status === "checked" && right.reveal.choiceExplanations).toEqual(stored);
  });

  test("grades a multiple-response question all or nothing, and refuses to check a partial answer", async () => {
    const { lessonId, questionId, version } = await shown("MULTIPLE");
    const keys = await correctKeysOf(questionId);
    expect(keys.correct.length).toBeGreaterThanOrEqual(2);

    const all = await checkLessonAnswer(t.db, { lessonId, userId, questionId, version, response: [...keys.correct].reverse() });
    expect(all).toMatchObject({ status: "checked", reveal: { correct: true, correctResponse: keys.correct } });
    const half = [keys.correct[0]!, ...keys.wrong.slice(0, keys.correct.length - 1)];
    expect(await checkLessonAnswer(t.db, { lessonId, userId, questionId, version, response: half })).toMatchObject({ status: "checked", reveal: { correct: false } });
    const partial = await checkLessonAnswer(t.db, { lessonId, userId, questionId, version, response: [keys.correct[0]!] });
    expect(partial).toMatchObject({ status: "refused", reason: "INVALID", message: `Choose ${keys.correct.length} before checking.` });
    expect(keysDeep(partial)).not.toContain("reveal");
  });

  test.each(["ORDERING", "MATCHING", "NUMERIC"] as const)("serves and grades a %s item, laid out the same on every visit, without its key until checked", async (type) => {
    const { lessonId, questionId, version, item } = await shown(type);
    expect(item.display.kind).toBe(type.toLowerCase());
    const practice = (await t.db.question.findUniqueOrThrow({ where: { id: questionId }, select: { practice: true } })).practice as { explanation: string; items?: Array<{ text: string }> };
    expect(JSON.stringify(item)).not.toContain(practice.explanation);
    if (item.display.kind === "ordering") expect(item.display.steps.map((s) => s.text)).not.toEqual(practice.items!.map((i) => i.text));
    // The same layout on the next visit, and for this student only.
    const again = (await loadLessonCheckQuestions(t.db, { lessonId, userId })).find((q) => q.questionId === questionId);
    expect(again).toEqual(item);

    const right = await responseToShown(t.db, item, "right");
    const checked = await checkLessonAnswer(t.db, { lessonId, userId, questionId, version, response: right });
    expect(checked).toMatchObject({ status: "checked", questionId, reveal: { correct: true, explanation: practice.explanation } });
    const wrong = await responseToShown(t.db, item, "wrong");
    expect(await checkLessonAnswer(t.db, { lessonId, userId, questionId, version, response: wrong })).toMatchObject({ status: "checked", reveal: { correct: false } });
    // An answer for another version than the page showed is refused.
    expect(await checkLessonAnswer(t.db, { lessonId, userId, questionId, version: version + 1, response: right })).toMatchObject({ status: "refused", reason: "CHANGED" });
  });

  test("another student's layout of the same ordering item is read in their own tokens", async () => {
    const mine = await shown("ORDERING");
    const theirs = await shown("ORDERING", await makeStudent("check-other-student"));
    expect(theirs.questionId).toBe(mine.questionId);
    const right = await responseToShown(t.db, theirs.item, "right");
    expect(await checkLessonAnswer(t.db, { lessonId: theirs.lessonId, userId: "check-other-student", questionId: theirs.questionId, version: theirs.version, response: right })).toMatchObject({
      reveal: { correct: true },
    });
  });

  test("refuses bad input and every question the lesson does not show", async () => {
    const single = await shown("SINGLE");
    const multiple = await shown("MULTIPLE");
    const ordering = await shown("ORDERING");
    const lessonQuestions = await t.db.question.findMany({ where: { lessonId: single.lessonId }, select: { id: true } });
    const shownIds = await lessonCheckQuestionIds(t.db, { lessonId: single.lessonId, userId });
    const notShown = lessonQuestions.map((q) => q.id).find((id) => !shownIds.includes(id));
    const otherLesson = await t.db.question.findFirstOrThrow({ where: { lessonId: { not: single.lessonId }, type: "SINGLE" }, select: { id: true } });
    const s = { lessonId: single.lessonId, questionId: single.questionId, version: single.version };
    const cases = [
      { name: "a key the question does not have", ...s, response: ["f"], reason: "INVALID" },
      { name: "two keys for a single-answer question", ...s, response: ["a", "b"], reason: "INVALID" },
      { name: "more keys than a multiple-response question's correct ones", lessonId: multiple.lessonId, questionId: multiple.questionId, version: multiple.version, response: ["a", "b", "c", "d"], reason: "INVALID" },
      { name: "no keys", ...s, response: [], reason: "INVALID" },
      { name: "an ordering answer with a step missing", lessonId: ordering.lessonId, questionId: ordering.questionId, version: ordering.version, response: ["a", "b"], reason: "INVALID" },
      { name: "a choice key for an ordering item", lessonId: ordering.lessonId, questionId: ordering.questionId, version: ordering.version, response: ["a:b"], reason: "INVALID" },
      { name: "a question of another lesson", ...s, questionId: otherLesson.id, response: ["a"], reason: "NOT_FOUND" },
      { name: "an unknown question", ...s, questionId: "q-nope-999", response: ["a"], reason: "NOT_FOUND" },
      // Finding 6: the action once answered for ANY question of the lesson.
      ...(notShown ? [{ name: "a question of this lesson that its check does not show", ...s, questionId: notShown, response: ["a"], reason: "NOT_FOUND" }] : []),
    ];
    expect(notShown).toBeDefined();
    for (const c of cases) {
      const result = await checkLessonAnswer(t.db, { lessonId: c.lessonId, userId, questionId: c.questionId, version: c.version, response: c.response });
      expect(result, c.name).toMatchObject({ status: "refused", reason: c.reason });
      expect(keysDeep(result)).not.toContain("reveal");
      expect(keysDeep(result)).not.toContain("correctResponse");
    }
  });

  test("never answers for a question of the caller's timed attempt in progress (finding 6)", async () => {
    const student = await makeStudent("check-mock-student");
    const { lessonId, questionId, version, item } = await shown("MATCHING", student);
    const right = await responseToShown(t.db, item, "right");
    // A mock in progress that holds this question.
    const attempt = await t.db.attempt.create({
      data: { userId: student, examId: "dva-c02", mode: "MOCK", config: {}, questionCount: 1, deadline: new Date(Date.now() + 3_600_000) },
    });
    await t.db.attemptItem.create({ data: { attemptId: attempt.id, position: 0, questionId, questionVersion: version, choiceOrder: ["a", "b", "c"], kind: "MATCHING" } });
    expect(await lessonCheckQuestionIds(t.db, { lessonId, userId: student })).not.toContain(questionId);
    expect((await loadLessonCheckQuestions(t.db, { lessonId, userId: student })).map((q) => q.questionId)).not.toContain(questionId);
    expect(await checkLessonAnswer(t.db, { lessonId, userId: student, questionId, version, response: right })).toEqual({ status: "refused", reason: "NOT_FOUND" });
    // Once that attempt is over, the lesson shows and checks it again.
    await t.db.attempt.update({ where: { id: attempt.id }, data: { status: "SUBMITTED" } });
    expect(await checkLessonAnswer(t.db, { lessonId, userId: student, questionId, version, response: right })).toMatchObject({ status: "checked", reveal: { correct: true } });
  });

  test("refuses a retired question, and any question of a retired lesson", async () => {
    const { lessonId, questionId, version } = await shown("SINGLE");
    const { correct } = await correctKeysOf(questionId);
    const check = () => checkLessonAnswer(t.db, { lessonId, userId, questionId, version, response: correct });
    await t.db.question.update({ where: { id: questionId }, data: { retiredAt: new Date() } });
    try {
      expect(await check()).toEqual({ status: "refused", reason: "NOT_FOUND" });
    } finally {
      await t.db.question.update({ where: { id: questionId }, data: { retiredAt: null } });
    }
    await t.db.lesson.update({ where: { id: lessonId }, data: { retiredAt: new Date() } });
    try {
      expect(await check()).toEqual({ status: "refused", reason: "NOT_FOUND" });
    } finally {
      await t.db.lesson.update({ where: { id: lessonId }, data: { retiredAt: null } });
    }
    expect(await check()).toMatchObject({ status: "checked", reveal: { correct: true } });
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
    const practice = await t.db.question.findMany({ where: { lessonId: "sns-eventbridge-fanout", practice: { not: Prisma.AnyNull } }, select: { practice: true } });
    expect(explanations.length).toBeGreaterThan(0);
    expect(practice.length).toBeGreaterThan(0);
    for (const explanation of [...explanations.map((e) => e.explanation), ...practice.map((p) => (p.practice as { explanation: string }).explanation)]) {
      expect(serialised).not.toContain(explanation);
    }

    // Its matching items come first (ids "p-…" before "q-…"), then its exam questions.
    const questions = page!.checkQuestions;
    expect(questions.length).toBe(LESSON_CHECK_SIZE);
    expect(questions.map((q) => q.questionId)).toEqual([...questions.map((q) => q.questionId)].sort());
    expect(questions.map((q) => q.display.kind)).toEqual(["matching", "matching", "single"]);
    for (const question of questions) {
      if (question.display.kind === "matching") {
        // Answers carry position tokens, not the content's pair keys.
        expect(question.display.answers.map((a) => a.key)).toEqual([..."abcdefghij"].slice(0, question.display.answers.length));
        for (const entry of [...question.display.prompts, ...question.display.answers]) expect(Object.keys(entry).sort()).toEqual(["key", "text"]);
      }
      if (question.display.kind === "single" || question.display.kind === "multiple") {
        for (const choice of question.display.choices) expect(Object.keys(choice).sort()).toEqual(["key", "text"]);
        // The page knows how many to choose, which is the number of correct choices.
        expect(question.display.chooseCount).toBe((await correctKeysOf(question.questionId)).correct.length);
      }
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

  test("leaves out retired questions", async () => {
    const userId = await makeStudent("page-retired");
    const all = await loadLessonCheckQuestions(t.db, { lessonId: "sns-eventbridge-fanout", userId });
    const firstId = all[0]!.questionId;
    await t.db.question.update({ where: { id: firstId }, data: { retiredAt: new Date() } });
    try {
      const without = await loadLessonCheckQuestions(t.db, { lessonId: "sns-eventbridge-fanout", userId });
      expect(without.map((q) => q.questionId)).not.toContain(firstId);
      expect(without).toHaveLength(LESSON_CHECK_SIZE);
    } finally {
      await t.db.question.update({ where: { id: firstId }, data: { retiredAt: null } });
    }
  });
});
