// Reporting a problem with a question (issue 12, item 4): a student checks a
// quiz answer and reports its key as wrong; an instructor finds the question
// marked "Key disputed" first in the queue and resolves it with a note; the
// student reads the note. Screenshots of the dialog, the queue and the
// student's reports at desktop and phone width go to test-results/screenshots.
import type { Page } from "@playwright/test";
import { answerCurrent } from "./support/answers";
import { expect, signInViaApi, test } from "./support/fixtures";

const shots = async (page: Page, name: string, options: { fullPage?: boolean } = {}) => {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `test-results/screenshots/question-reports-${name}-${width}.png`, fullPage: options.fullPage ?? true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
};

test("a student reports a wrong key, staff resolve it with a note, the student reads it", async ({ page, browser, db, makeUser, signIn }) => {
  // Two users, two browsers and six screenshots on a shared two-core machine.
  test.setTimeout(180_000);
  const student = await makeUser({ name: "Reporting Student" });
  await signIn(student);
  await page.goto("/practice");
  await page.getByLabel("What to practise").selectOption({ label: "1.3 · DynamoDB capacity modes and RCU/WCU arithmetic" });
  await page.getByLabel("5").check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  // The runner loads in the browser: on a cold server with two busy cores that can take a while.
  await expect(page.getByRole("heading", { name: "Question 1 of 5" })).toBeVisible({ timeout: 30_000 });

  // No report before the answer is shown.
  await expect(page.getByRole("button", { name: "Report a problem" })).toHaveCount(0);
  await answerCurrent(page);
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByText(/✓ Correct\.|✗ Not quite\./)).toBeVisible();

  const trigger = page.getByRole("button", { name: "Report a problem" });
  await trigger.click();
  const dialog = page.getByRole("dialog", { name: "Report a problem with this question" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "The answer shown as right is wrong" })).toBeFocused();
  // "Something else" needs a comment: the error shows beside it, the choice is kept.
  await dialog.getByRole("radio", { name: "Something else" }).check();
  await dialog.getByRole("button", { name: "Send report" }).click();
  await expect(dialog.getByText("Say what is wrong: a comment is needed for “Something else”.")).toBeVisible();
  await expect(dialog.getByRole("textbox", { name: /Comment/ })).toBeFocused();
  await expect(dialog.getByRole("radio", { name: "Something else" })).toBeChecked();
  await shots(page, "dialog-error", { fullPage: false });

  // By keyboard: back to the reasons, pick "wrong key", type the comment, send.
  await dialog.getByRole("radio", { name: "The answer shown as right is wrong" }).check();
  await dialog.getByRole("textbox", { name: /Comment/ }).fill("The key says provisioned, but on-demand fits an unpredictable load: see the DynamoDB capacity mode docs.");
  await shots(page, "dialog", { fullPage: false });
  await dialog.getByRole("button", { name: "Send report" }).press("Enter");
  await expect(dialog.getByText(/Thank you: your report is in\./)).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reported · report again" })).toBeFocused();

  const report = await db.questionReport.findFirstOrThrow({ where: { reporterId: student.id } });
  expect(report).toMatchObject({ reason: "WRONG_KEY", status: "OPEN", position: 0 });

  // A student is not staff: the queue is forbidden.
  expect((await page.request.get("/questions/reports")).status()).toBe(403);

  // The instructor's queue: the question is marked and first; resolved with a note.
  const instructor = await makeUser({ role: "INSTRUCTOR", name: "Queue Instructor" });
  const staff = await browser.newContext();
  const staffPage = await staff.newPage();
  await signInViaApi(staffPage.request, instructor.email, instructor.password);
  await staffPage.goto("/dashboard");
  await staffPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Question reports" }).click();
  await expect(staffPage.getByRole("heading", { name: "Question reports", level: 1 })).toBeVisible();
  const card = staffPage.locator("section", { has: staffPage.getByRole("heading", { name: report.questionId }) });
  await expect(card.getByText("⚠ Key disputed")).toBeVisible();
  await expect(staffPage.getByRole("listitem").first()).toContainText("Key disputed");
  await expect(card.getByText(/on-demand fits an unpredictable load/)).toBeVisible();
  await expect(card.getByText(/Facility \d+%: \d+ of \d+ graded answers? right\.|No graded answers yet\./)).toBeVisible();
  await card.getByText("The question, its key and explanations").click();
  await expect(card.getByText(/^✓ Key/).first()).toBeVisible();
  await shots(staffPage, "queue");

  // A resolution needs a note.
  await card.getByRole("button", { name: "Resolve" }).click();
  await expect(card.getByText("Write a note for the student: they read it.")).toBeVisible();
  await card.getByLabel("Resolution").selectOption({ label: "Rejected" });
  await card.getByLabel(/Note to the student/).fill("Thanks for looking closely. The scenario states a steady, predictable load, so provisioned capacity is right.");
  await card.getByRole("button", { name: "Resolve" }).click();
  await expect(card.getByText("Resolved: the student will see your note.")).toBeVisible();
  expect(await db.questionReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ status: "REJECTED", resolvedById: instructor.id });
  await staffPage.goto("/questions/reports");
  await expect(staffPage.getByRole("heading", { name: report.questionId })).toHaveCount(0);
  await staff.close();

  // The student reads the note under My question reports, reached from the profile.
  await page.goto("/profile");
  await page.getByRole("link", { name: "My question reports" }).click();
  await expect(page.getByRole("heading", { name: "My question reports", level: 1 })).toBeVisible();
  await expect(page.getByText("Rejected", { exact: true })).toBeVisible();
  await expect(page.getByText(/The scenario states a steady, predictable load/)).toBeVisible();
  await shots(page, "my-reports");
});
