// Classes in Chromium: an instructor creates a class, a student joins it, the
// instructor assigns a short timed mock with ×1.5 time for that student, the
// student sits it on those terms, and the instructor sees the submission.
import type { Page } from "@playwright/test";
import { expect, signInViaApi, test } from "./support/fixtures";

// Wall-clock times in the forms are read in the browser's zone; keep it fixed.
test.use({ timezoneId: "UTC" });

/** Answers the current question of a mock (exam-length sets hold single and multiple choice only). */
async function chooseFirst(page: Page) {
  const card = page.getByRole("group", { name: /Question \d+/ });
  const choose = card.getByText(/^Choose \d/);
  const count = (await choose.count()) > 0 ? Number(/Choose (\d)/.exec((await choose.textContent()) ?? "")?.[1] ?? 1) : 1;
  const choices = card.locator("input[type=radio], input[type=checkbox]");
  for (let i = 0; i < count; i++) await choices.nth(i).check();
}

test("instructor to student and back: a class, a join code, ×1.5 time on a short timed mock, graded on those terms", async ({ page, browser, makeUser, signIn, db }) => {
  test.setTimeout(180_000);
  const instructor = await makeUser({ role: "INSTRUCTOR", name: "Iris Instructor" });
  const student = await makeUser({ name: "Stu Dent" });
  await signIn(instructor);

  // A new class.
  await page.goto("/classes");
  await expect(page.getByText("No classes yet")).toBeVisible();
  await page.getByLabel("Class name").fill("Friday cohort");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name: "Friday cohort", level: 1 })).toBeVisible();
  const created = await db.class.findFirstOrThrow({ where: { instructorId: instructor.id } });
  await expect(page.getByText(created.joinCode, { exact: true })).toBeVisible();

  // The student joins with the code, typed as people type it.
  const studentContext = await browser.newContext({ timezoneId: "UTC" });
  const studentPage = await studentContext.newPage();
  await signInViaApi(studentPage.request, student.email, student.password);
  await studentPage.goto("/classes");
  await studentPage.getByLabel("Join code").fill(`${created.joinCode.slice(0, 4).toLowerCase()}-${created.joinCode.slice(4)}`);
  await studentPage.getByRole("button", { name: "Join class" }).click();
  await expect(studentPage).toHaveURL(new RegExp(`/classes/${created.id}$`));
  await expect(studentPage.getByRole("heading", { name: "Friday cohort" })).toBeVisible();

  // The instructor gives the student ×1.5 time.
  await page.reload();
  await expect(page.getByText("Stu Dent", { exact: true })).toBeVisible();
  await page.getByText("Accommodation and removal").click();
  await page.getByLabel("Time").selectOption("1.5");
  await page.getByRole("button", { name: "Save accommodation" }).click();
  await expect(page.getByText("Accommodation saved.")).toBeVisible();
  await page.reload();
  await expect(page.locator("span", { hasText: /^×1.5 time$/ })).toBeVisible();

  // A short timed mock: 2 minutes (3 for this student).
  await page.getByRole("link", { name: "New assignment" }).click();
  await page.getByLabel("Title").fill("Quick check");
  await page.getByLabel("Time limit (minutes)").fill("2");
  await page.getByRole("button", { name: "Assign to the class" }).click();
  await expect(page.getByRole("heading", { name: "Quick check" })).toBeVisible();
  const students = page.getByRole("region", { name: "Students" });
  await expect(students).toContainText("Stu Dent");
  await expect(students).toContainText("3 min (×1.5 time)");
  await page.screenshot({ path: "test-results/classes-assignment-desktop.png", fullPage: true });

  // The student sees it on their dashboard, on their terms, and starts it.
  await studentPage.goto("/dashboard");
  const assigned = studentPage.getByRole("region", { name: "Assigned to you" });
  await expect(assigned).toContainText("Quick check");
  await expect(assigned).toContainText("Friday cohort");
  await expect(assigned).toContainText("3 min (×1.5 time)");
  await assigned.getByRole("link", { name: "Quick check", exact: true }).click();
  await expect(studentPage.getByText("If you start now you will have 3 min.")).toBeVisible();
  await studentPage.getByRole("button", { name: "Start now" }).click();
  // A runner's first load on a fresh server (its chunks, the offline copy) can take longer than 10 s on this shared machine.
  await expect(studentPage.getByRole("heading", { name: /Question 1 of 65/ })).toBeVisible({ timeout: 30_000 });
  const attemptId = studentPage.url().split("/attempts/")[1]!;
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  expect(attempt.mode).toBe("ASSIGNMENT");
  expect(attempt.deadline!.getTime() - attempt.startedAt.getTime()).toBe(180_000);
  // The clock shows the student's three minutes, not the assignment's two.
  const timer = studentPage.getByRole("timer");
  await expect(timer).toHaveAttribute("aria-label", /Time left: 2:[3-5]\d/);

  for (let q = 1; q <= 3; q++) {
    await chooseFirst(studentPage);
    await studentPage.getByRole("button", { name: "Next →" }).click();
  }
  await expect(studentPage.locator("[data-save-state]")).toHaveText(/All answers saved/);
  await studentPage.getByRole("button", { name: "Review and submit" }).click();
  await studentPage.getByRole("button", { name: "Submit exam" }).click();
  await studentPage.getByRole("dialog").getByRole("button", { name: "Submit" }).click();
  await expect(studentPage).toHaveURL(new RegExp(`/attempts/${attemptId}/results$`));
  // The default review policy: the full review after the due time, nothing before.
  await expect(studentPage.getByText(/Your instructor shares results after the due time/)).toBeVisible();
  await expect(studentPage.getByRole("heading", { name: "Scaled score" })).toHaveCount(0);
  const graded = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { items: true } });
  expect(graded.status).toBe("SUBMITTED");
  expect(graded.items.filter((i) => i.chosenKeys.length > 0)).toHaveLength(3);

  // The instructor sees the submission and the full results.
  await page.reload();
  await expect(students).toContainText("Submitted");
  await students.getByRole("link", { name: /Attempt 1: \d+ scaled/ }).click();
  await expect(page.getByRole("heading", { name: "Stu Dent: Quick check" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Scaled score" })).toBeVisible();
  // The review shows ten questions at a time; "show all" brings the last one.
  await expect(page.getByRole("heading", { name: "Question 10", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Question 11", exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Show all 65" }).click();
  await expect(page.getByRole("heading", { name: "Question 65", exact: true })).toBeVisible();

  // The instructor's pages at desktop and phone widths.
  for (const [name, width, height] of [["desktop", 1280, 900], ["phone", 390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.goto(`/classes/${created.id}`);
    await expect(page.getByRole("heading", { name: "Friday cohort", level: 1 })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways scroll at ${width}px`).toBe(true);
    await page.screenshot({ path: `test-results/classes-class-${name}.png`, fullPage: true });
    await page.goto("/classes");
    await page.screenshot({ path: `test-results/classes-list-${name}.png`, fullPage: true });
  }
  await studentContext.close();
});

test("a join link brings a signed-out student through sign-up and back; a rotated code stops the old link", async ({ page, makeUser, db, browser }) => {
  const instructor = await makeUser({ role: "INSTRUCTOR", name: "Ivo Instructor" });
  const klass = await db.class.create({ data: { instructorId: instructor.id, name: "Link cohort", joinCode: "JQNK2345" } });

  await page.goto(`/classes/join/JQNK2345`);
  await expect(page.getByRole("heading", { name: "Join Link cohort" })).toBeVisible();
  await page.getByRole("link", { name: "Create an account" }).click();
  const email = `joiner-${Date.now()}@example.com`;
  await page.getByLabel("Name").fill("Jo Iner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("a-long-pass-123");
  await page.getByRole("button", { name: /Create account/ }).click();
  await expect(page).toHaveURL(/\/classes\/join\/JQNK2345$/);
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page).toHaveURL(new RegExp(`/classes/${klass.id}$`));
  const joined = await db.user.findUniqueOrThrow({ where: { email } });
  expect(await db.enrollment.count({ where: { classId: klass.id, userId: joined.id } })).toBe(1);

  // The instructor rotates the code: the old link no longer works.
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signInViaApi(staffPage.request, instructor.email, instructor.password);
  await staffPage.goto(`/classes/${klass.id}`);
  await staffPage.getByRole("button", { name: "New code" }).click();
  await staffPage.getByRole("button", { name: "Yes, new code" }).click();
  await expect(staffPage.getByText(/^New code [A-Z2-9]{8}\. The old code and link no longer work\.$/)).toBeVisible();
  await staff.close();
  await page.goto(`/classes/join/JQNK2345`);
  await expect(page.getByRole("heading", { name: "This join link does not work" })).toBeVisible();
  await db.user.delete({ where: { id: joined.id } });
});

test("a foreign class or assignment is a 404; a student on a staff page is a 403; signed out goes to sign-in", async ({ page, makeUser, signIn, db }) => {
  const owner = await makeUser({ role: "INSTRUCTOR", name: "Owner" });
  const klass = await db.class.create({ data: { instructorId: owner.id, name: "Private", joinCode: "PRVT2345" } });
  const assignment = await db.assignment.create({
    data: { classId: klass.id, examId: "dva-c02", title: "Secret", config: { kind: "mock" }, questionCount: 65, timeLimitMinutes: 130, opensAt: new Date(), dueAt: new Date(Date.now() + 86_400_000) },
  });
  const paths = [`/classes/${klass.id}`, `/classes/${klass.id}/assignments/${assignment.id}`, `/assignments/${assignment.id}`];

  for (const path of paths) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), `signed out: ${path}`).toBe(307);
    expect(response.headers()["location"], path).toContain("/sign-in?callbackUrl=");
  }
  const gradebook = `/api/classes/${klass.id}/gradebook`;
  expect((await page.request.get(gradebook)).status(), "signed out: gradebook").toBe(401);
  const other = await makeUser({ role: "INSTRUCTOR", name: "Other" });
  await signIn(other);
  for (const path of [...paths, gradebook]) expect((await page.request.get(path)).status(), `another instructor: ${path}`).toBe(404);
  await page.context().clearCookies();
  const student = await makeUser();
  await signIn(student);
  expect((await page.request.get(`/classes/${klass.id}`)).status()).toBe(404);
  expect((await page.request.get(`/assignments/${assignment.id}`)).status()).toBe(404);
  expect((await page.request.get(`/classes/${klass.id}/assignments/${assignment.id}`)).status()).toBe(403);
  expect((await page.request.get(gradebook)).status()).toBe(403);
  // The owner downloads it.
  await page.context().clearCookies();
  await signIn(owner);
  const csv = await page.request.get(gradebook);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("Secret (of 65)");
});
