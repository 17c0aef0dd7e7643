// Question statistics and the two CSV exports in Chromium: staff open the
// page from the nav, filter and sort it, and download the table; an
// assignment's responses download for its instructor and admins; a student
// and another class's instructor get a 404 for each.
import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";

test("staff read the bank-wide statistics; students and strangers get 404s; the exports stream CSV", async ({ page, makeUser, signIn, db }) => {
  // Two questions with statistics as the refresh job would have written them.
  const [weak, fitted] = await db.question.findMany({ where: { retiredAt: null, type: "SINGLE" }, select: { id: true }, orderBy: { id: "desc" }, take: 2 });
  const stat = (questionId: string, data: object) => db.questionStat.upsert({ where: { questionId }, create: { questionId, ...data }, update: data });
  await stat(weak!.id, { answerCount: 48, rightCount: 6, facility: 0.125, answeredByCount: 40, discrimination: -0.21, flags: ["NEGATIVE_DISCRIMINATION", "UNUSED_DISTRACTOR"], fitAnswerCount: 48, fittedDifficulty: 2.31, fittedDifficultySe: 0.42 });
  await stat(fitted!.id, { answerCount: 120, rightCount: 96, facility: 0.8, answeredByCount: 90, discrimination: 0.44, flags: [], fitAnswerCount: 120, fittedDifficulty: -0.87, fittedDifficultySe: 0.24 });

  const instructor = await makeUser({ role: "INSTRUCTOR", name: "Ines Instructor" });
  await signIn(instructor);
  await page.goto("/dashboard");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Questions" }).click();
  await expect(page.getByRole("heading", { name: "Question statistics", level: 1 })).toBeVisible();

  await page.getByLabel("Flag").selectOption("NEGATIVE_DISCRIMINATION");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/flag=NEGATIVE_DISCRIMINATION/);
  const weakRow = page.getByRole("row").filter({ hasText: weak!.id });
  await expect(weakRow).toContainText("13%");
  await expect(weakRow).toContainText("-0.21");
  await expect(weakRow).toContainText("+2.31");
  await expect(weakRow).toContainText("negative discrimination: check the key");
  await expect(page.getByRole("row").filter({ hasText: fitted!.id })).toHaveCount(0);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).not.toHaveURL(/flag=/);
  await expect(page.getByLabel("Flag")).toHaveValue("");
  await page.getByRole("link", { name: /^Fitted/ }).click();
  await expect(page).toHaveURL(/sort=fitted/);
  await expect(page.getByRole("columnheader", { name: /Fitted/ })).toHaveAttribute("aria-sort", "ascending");
  // Fitted ascending: the easiest fitted question comes first.
  const firstRow = page.getByRole("row").nth(1);
  await expect(firstRow).toContainText(fitted!.id);
  await expect(firstRow).toContainText("in use");
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "test-results/question-stats-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: "test-results/question-stats-phone.png", fullPage: true });

  const csv = await page.request.get("/api/questions/statistics");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const body = await csv.text();
  expect(body).toContain("Question id,Domain,Task statement");
  expect(body).toMatch(new RegExp(`\\r\\n${weak!.id},[^\\r]*,48,40,0\\.125,-0\\.21,`));

  // An assignment in the instructor's class with a graded attempt by a student whose name is a formula.
  const student = await makeUser({ name: "=1+2 Mallory" });
  const classId = `e2e-class-${randomUUID().slice(0, 8)}`;
  await db.class.create({ data: { id: classId, instructorId: instructor.id, name: "Stats class", joinCode: `J${randomUUID().slice(0, 7)}`, enrollments: { create: { userId: student.id } } } });
  const assignment = await db.assignment.create({
    data: { classId, examId: "dva-c02", title: "Set", config: { kind: "mock" }, questionCount: 2, opensAt: new Date(Date.now() - 3_600_000), dueAt: new Date(Date.now() + 3_600_000) },
  });
  const questions = await db.question.findMany({ where: { id: { in: [weak!.id, fitted!.id] } }, select: { id: true, version: true, choices: { select: { key: true, correct: true } } } });
  await db.attempt.create({
    data: {
      userId: student.id, examId: "dva-c02", mode: "ASSIGNMENT", status: "SUBMITTED", config: {}, questionCount: 2, assignmentId: assignment.id,
      submittedAt: new Date(), gradedAt: new Date(), learningRecordedAt: new Date(), rawScore: 1, scaledScore: 550, passed: false,
      items: {
        create: questions.map((q, position) => ({
          position, questionId: q.id, questionVersion: q.version, choiceOrder: q.choices.map((c) => c.key),
          chosenKeys: [q.choices.find((c) => c.correct === (position === 0))!.key], correct: position === 0, timeSpentMs: 30_000, answeredAt: new Date(),
        })),
      },
    },
  });
  const responses = `/api/classes/${classId}/assignments/${assignment.id}/responses`;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/classes/${classId}/assignments/${assignment.id}/report`);
  await expect(page.getByRole("link", { name: "Download responses (CSV)" })).toHaveAttribute("href", responses);
  const download = await page.request.get(responses);
  expect(download.status()).toBe(200);
  const rows = (await download.text()).split("\r\n").filter(Boolean);
  expect(rows).toHaveLength(3);
  expect(rows[1]).toMatch(new RegExp(`^'=1\\+2 Mallory,${student.email},1,SUBMITTED,${questions[0]!.id},1,`));

  // Another instructor, a student (even of this class) and a signed-out visitor get nothing.
  await page.context().clearCookies();
  await signIn(await makeUser({ role: "INSTRUCTOR", name: "Other Instructor" }));
  expect((await page.request.get(responses)).status()).toBe(404);
  expect((await page.request.get(`/api/classes/other/assignments/${assignment.id}/responses`)).status()).toBe(404);
  await page.context().clearCookies();
  await signIn(student);
  expect((await page.request.get(responses)).status()).toBe(404);
  expect((await page.request.get("/api/questions/statistics")).status()).toBe(404);
  expect((await page.request.get("/questions/statistics")).status()).toBe(404);
  await page.goto("/dashboard");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Questions" })).toHaveCount(0);
  await page.context().clearCookies();
  expect((await page.request.get(responses)).status()).toBe(401);
  await signIn(await makeUser({ role: "ADMIN", name: "Ada Admin" }));
  expect((await page.request.get(responses)).status()).toBe(200);
  expect((await page.request.get("/questions/statistics")).status()).toBe(200);

  await db.attempt.deleteMany({ where: { assignmentId: assignment.id } });
  await db.class.delete({ where: { id: classId } });
  await db.questionStat.deleteMany({ where: { questionId: { in: [weak!.id, fitted!.id] } } });
});
