// The class dashboard in Chromium: an instructor finds the student at risk,
// opens their read-only dashboard, assigns a drill on the class's weakest task
// statement from the pre-filled form, the student sits it, and the instructor
// reads the assignment's report and the gradebook CSV they download.
import { readFile } from "node:fs/promises";
import { expect, signInViaApi, test } from "./support/fixtures";
import { answerCurrent } from "./support/answers";

test.use({ timezoneId: "UTC" });

const DAY = 86_400_000;

test("an instructor finds the at-risk student, assigns a drill on the weakest task statement, and reads the report and the gradebook", async ({ page, browser, makeUser, signIn, db }) => {
  test.setTimeout(300_000);
  const instructor = await makeUser({ role: "INSTRUCTOR", name: "Iris Instructor" });
  const ada = await makeUser({ name: "Ada Strong" });
  const ben = await makeUser({ name: "Ben Behind" });
  const now = Date.now();
  const cls = await db.class.create({ data: { instructorId: instructor.id, name: "Spring cohort", joinCode: `P${String(now).slice(-7)}` } });
  await db.enrollment.createMany({ data: [ada, ben].map((s) => ({ classId: cls.id, userId: s.id, joinedAt: new Date(now - 20 * DAY) })) });
  // What the learning model knows: Ada is strong everywhere and studied today;
  // Ben is weak, most of all in 1.2, and last studied ten days ago.
  const taskStatements = await db.taskStatement.findMany({ select: { id: true } });
  const mastery = (userId: string, rating: (code: string) => number) =>
    taskStatements.map((ts) => ({ userId, scope: "TASK_STATEMENT" as const, scopeId: ts.id, rating: rating(ts.id), variance: 0.15, evidence: 8, correct: 4 }));
  await db.mastery.createMany({ data: [...mastery(ada.id, () => 1.6), ...mastery(ben.id, (code) => (code === "1.2" ? -2.5 : -1))] });
  await db.dailyActivity.createMany({
    data: [
      { userId: ada.id, day: new Date(new Date(now).toISOString().slice(0, 10)), answered: 30, correct: 25 },
      { userId: ben.id, day: new Date(new Date(now - 10 * DAY).toISOString().slice(0, 10)), answered: 12, correct: 4 },
    ],
  });

  await signIn(instructor);
  await page.goto(`/classes/${cls.id}`);
  await page.getByRole("link", { name: "Class progress" }).click();
  await expect(page.getByRole("heading", { name: "Progress: Spring cohort", level: 1 })).toBeVisible();
  const table = page.getByRole("region", { name: /^Students, scroll sideways/ });
  await expect(table.getByRole("row")).toHaveCount(3);
  // At risk first by default; Ben for both reasons, Ada on track.
  const benRow = table.getByRole("row", { name: /Ben Behind/ });
  await expect(benRow).toContainText("At risk");
  await expect(benRow).toContainText(/\d+% chance of passing; inactive for 10 days/);
  await expect(table.getByRole("row").nth(1)).toContainText("Ben Behind");
  await expect(table.getByRole("row", { name: /Ada Strong/ })).toContainText("On track");

  // Filter to the students at risk, then sort by predicted score.
  await page.getByLabel("At risk only").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("Showing 1 student (2 in the class).")).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);
  await page.getByRole("link", { name: "Show everyone" }).click();
  await table.getByRole("link", { name: /Predicted score/ }).click();
  await expect(page).toHaveURL(/sort=score&dir=asc/);
  await expect(table.getByRole("columnheader", { name: /Predicted score/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(table.getByRole("row").nth(1)).toContainText("Ben Behind");

  // The heat map carries every task statement for each student.
  const heatmap = page.getByRole("region", { name: /^Mastery heat map/ });
  await expect(heatmap.getByRole("row", { name: /Ben Behind/ }).getByRole("cell")).toHaveCount(taskStatements.length);

  for (const [name, width, height] of [["desktop", 1280, 900], ["phone", 390, 844]] as const) {
    await page.setViewportSize({ width, height });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `no sideways page scroll at ${width}px`).toBe(true);
    await page.screenshot({ path: `test-results/class-progress-${name}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Ben's own dashboard, read-only.
  await table.getByRole("link", { name: "Ben Behind" }).click();
  await expect(page.getByRole("heading", { name: "Ben Behind", level: 1 })).toBeVisible();
  await expect(page.getByText("Ben Behind's own dashboard, read-only")).toBeVisible();
  await page.getByRole("link", { name: "Back to class progress" }).click();

  // The weakest task statement is 1.2 (Ben's weakest, and Ada's strength does not hide it): assign a drill on it.
  const weakest = page.getByRole("region", { name: "Weakest task statements" });
  await expect(weakest.getByRole("listitem").first()).toContainText("1.2");
  await weakest.getByRole("link", { name: /Assign a drill on this: 1\.2/ }).click();
  await expect(page.getByRole("heading", { name: "New drill: 1.2", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(/^Drill: 1\.2 /);
  await expect(page.getByRole("checkbox", { name: /^1\.2 .*\(whole task statement\)/ })).toBeChecked();
  await expect(page.getByLabel("Number of questions")).toHaveValue("10");
  await page.getByRole("button", { name: "Assign to the class" }).click();
  await expect(page.getByRole("heading", { name: /^Drill: 1\.2/, level: 1 })).toBeVisible();
  const assignment = await db.assignment.findFirstOrThrow({ where: { classId: cls.id } });
  expect(assignment.config).toMatchObject({ kind: "scoped", taskStatements: ["1.2"] });
  expect(assignment.timeLimitMinutes).toBeNull();

  // Ben sits the drill: one answer, then submits.
  const benContext = await browser.newContext({ timezoneId: "UTC" });
  const benPage = await benContext.newPage();
  await signInViaApi(benPage.request, ben.email, ben.password);
  await benPage.goto(`/assignments/${assignment.id}`);
  await benPage.getByRole("button", { name: "Start now" }).click();
  // A runner's first load on a fresh server (its chunks, the offline copy) can take longer than 10 s on this shared machine.
  await expect(benPage.getByRole("heading", { name: /Question 1 of 10/ })).toBeVisible({ timeout: 30_000 });
  const attemptId = benPage.url().split("/attempts/")[1]!;
  const first = await db.attemptItem.findFirstOrThrow({ where: { attemptId, position: 0 } }); // positions count from 0
  await answerCurrent(benPage, { key: { db, questionId: first.questionId, right: true } });
  await expect(benPage.locator("[data-save-state]")).toHaveText(/All answers saved/);
  await benPage.getByRole("button", { name: "Review and submit" }).click();
  await benPage.getByRole("button", { name: "Submit exam" }).click();
  await benPage.getByRole("dialog").getByRole("button", { name: "Submit" }).click();
  await expect(benPage).toHaveURL(new RegExp(`/attempts/${attemptId}/results$`));
  await benContext.close();

  // The instructor reads the report and downloads the gradebook.
  await page.goto(`/classes/${cls.id}/assignments/${assignment.id}/report`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Drill: 1.2");
  await expect(page.getByText("Ben Behind").first()).toBeVisible();
  await page.goto(`/classes/${cls.id}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the gradebook (CSV)" }).click()]);
  const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(csv[0]).toMatch(/^Student,Email,In class,"?Drill: 1\.2 .*\(of 10\)"?,"?Drill: 1\.2 .* scaled"?$/);
  expect(csv).toContain(`Ada Strong,${ada.email},yes,,`);
  expect(csv.find((line) => line.startsWith("Ben Behind,"))).toMatch(new RegExp(`^Ben Behind,${ben.email.replace(/\./g, "\\.")},yes,1,\\d+$`));
});
