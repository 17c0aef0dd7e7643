// The exam runner as a student uses it (issue 10): partly answered questions,
// a full multiple-response question, the keyboard, review mode, and ordering
// and matching items answered by keyboard alone.
import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

async function startFromExams(page: Page, button: string, timed = false) {
  await page.goto("/exams");
  if (timed) await page.getByLabel("Run against the clock (you can pause it)").check();
  await page.getByRole("button", { name: button }).click();
  await expect(page).toHaveURL(/\/attempts\/[\w-]+$/);
  await expect(page.getByRole("heading", { name: /Question \d+ of 65/ })).toBeVisible();
  return page.url().split("/attempts/")[1]!;
}

const navButton = (page: Page, n: number) => page.getByRole("navigation", { name: "Questions" }).getByRole("button", { name: new RegExp(`^Question ${n},`) });

/** Presses Tab until `done` holds for the focused element (keyboard only, never a click). */
async function tabUntil(page: Page, done: () => Promise<boolean>, max = 80) {
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("never reached by Tab");
}

test.describe("the runner", () => {
  test("defect 1 and 4: a partly answered multiple-response question is shown as incomplete everywhere, and a full one says why a click did not take", async ({ page, db, makeUser, signIn }) => {
    await signIn(await makeUser());
    const attemptId = await startFromExams(page, "Start a mock exam");
    const item = await db.attemptItem.findFirstOrThrow({ where: { attemptId, chooseCount: { gt: 1 } }, orderBy: { position: "asc" } });
    const n = item.position + 1;
    await navButton(page, n).click();
    const card = page.getByRole("group", { name: `Question ${n}` });
    const boxes = card.getByRole("checkbox");
    await boxes.nth(0).check();
    await expect(card.getByText(`(1 of ${item.chooseCount} chosen)`)).toBeVisible();
    await expect(navButton(page, n)).toHaveAccessibleName(new RegExp(`^Question ${n}, partly answered`));
    await expect(page.getByText(/^0 of 65 answered$/)).toBeVisible();

    // The review screen lists it as partly answered; the submit dialog warns.
    await page.getByRole("button", { name: "Review and submit" }).click();
    await expect(page.getByText(`1 partly answered`, { exact: false })).toBeVisible();
    await expect(page.getByRole("button", { name: `Question ${n} (1 of ${item.chooseCount} chosen)` })).toBeVisible();
    await page.getByRole("button", { name: "Submit exam" }).click();
    await expect(page.getByRole("dialog")).toContainText("1 is only partly answered");
    await page.getByRole("dialog").getByRole("button", { name: "Keep working" }).click();

    // Fill it; one more click is refused with a reason, and no option leaves the Tab order.
    await page.getByRole("button", { name: `Question ${n} (1 of ${item.chooseCount} chosen)` }).click();
    for (let i = 1; i < item.chooseCount; i++) await boxes.nth(i).check();
    await expect(navButton(page, n)).toHaveAccessibleName(new RegExp(`^Question ${n}, answered`));
    const extra = boxes.nth(item.chooseCount);
    await extra.click();
    await expect(extra).not.toBeChecked();
    await expect(card.locator("[data-notice]")).toHaveText(new RegExp(`You have chosen ${item.chooseCount} of ${item.chooseCount}\\. Clear one`));
    for (let i = 0; i < (await boxes.count()); i++) await expect(boxes.nth(i)).toBeEnabled();
    await extra.focus();
    await expect(extra).toBeFocused();
  });

  test("answers the save route never acknowledged go with the submit, are graded, and nothing waits for them", async ({ page, db, makeUser, signIn }) => {
    await signIn(await makeUser());
    const attemptId = await startFromExams(page, "Start a mock exam");
    // Every save fails (network down for that route): the answer stays queued in the browser.
    await page.route("**/api/attempts/*/answers", (route) => route.abort());
    const choice = page.getByRole("group", { name: "Question 1" }).locator("input").first();
    await choice.check();
    const key = await choice.getAttribute("value");
    await expect(page.getByText("Offline — will retry (1 unsent)")).toBeVisible();
    expect((await db.attemptItem.findFirstOrThrow({ where: { attemptId, position: 0 } })).chosenKeys).toEqual([]);

    await page.getByRole("button", { name: "Review and submit" }).click();
    await page.getByRole("button", { name: "Submit exam" }).click();
    const submitted = page.waitForRequest((r) => r.url().endsWith(`/api/attempts/${attemptId}/submit`));
    await page.getByRole("dialog").getByRole("button", { name: "Submit" }).click();
    const body = (await submitted).postDataJSON() as { saves: Array<{ position: number; chosenKeys: string[] }> };
    expect(body.saves.map((s) => [s.position, s.chosenKeys])).toEqual([[0, [key]]]);
    await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/results$`));

    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.status).toBe("SUBMITTED");
    const graded = await db.attemptItem.findFirstOrThrow({ where: { attemptId, position: 0 } });
    expect(graded.chosenKeys).toEqual([key]);
    expect(graded.correct).not.toBeNull();
  });

  test("defect 5: shortcuts never fire from a choice, can be turned off, and the navigator is one Tab stop crossed with arrows", async ({ page, makeUser, signIn }) => {
    await signIn(await makeUser());
    await startFromExams(page, "Start a mock exam");
    const heading = page.getByRole("heading", { name: /Question \d+ of 65/ });
    await expect(heading).toHaveText("Question 1 of 65");
    // A letter pressed while a choice has focus belongs to the choice, not to "next".
    await page.getByRole("group", { name: "Question 1" }).locator("input").first().focus();
    await page.keyboard.press("n");
    await expect(heading).toHaveText("Question 1 of 65");
    // From the question itself, n moves on.
    await heading.focus();
    await page.keyboard.press("n");
    await expect(heading).toHaveText("Question 2 of 65");
    // Turned off, it does nothing.
    await page.getByText("Keyboard shortcuts (on)").click();
    await page.getByLabel("Use single-key shortcuts").uncheck();
    await heading.focus();
    await page.keyboard.press("n");
    await expect(heading).toHaveText("Question 2 of 65");

    // The navigator: Tab reaches the current question, arrows move, Enter opens, one more Tab leaves it.
    await tabUntil(page, async () => (await page.evaluate(() => document.activeElement?.getAttribute("aria-current"))) === "step");
    await page.keyboard.press("ArrowRight");
    await expect(page.locator(":focus")).toHaveAccessibleName(/^Question 3,/);
    await page.keyboard.press("Enter");
    await expect(heading).toHaveText("Question 3 of 65");
    await tabUntil(page, async () => (await page.evaluate(() => document.activeElement?.getAttribute("aria-current"))) === "step");
    await page.keyboard.press("Tab");
    const after = await page.evaluate(() => document.activeElement?.closest("nav")?.getAttribute("aria-label") ?? null);
    expect(after).not.toBe("Questions");
  });

  test("review mode: explanations after each answer, and a timed one pauses and resumes the server's clock", async ({ page, db, makeUser, signIn }) => {
    await signIn(await makeUser());
    const untimed = await startFromExams(page, "Start a review exam");
    await expect(page.getByRole("timer")).toHaveCount(0);
    await page.getByRole("group", { name: "Question 1" }).locator("input").first().check();
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByText(/✓ Correct\.|✗ Not quite\./)).toBeVisible();
    await expect(page.getByText(/Correct answer\./).first()).toBeVisible();
    expect((await db.attempt.findUniqueOrThrow({ where: { id: untimed } })).deadline).toBeNull();
    await page.getByRole("button", { name: "Leave" }).click();
    await expect(page).toHaveURL(/\/exams$/);

    // An open review exam is resumed rather than a second one started: close this one first.
    await expect(page.getByRole("heading", { name: "Review exam: in progress" })).toBeVisible();
    await db.attempt.update({ where: { id: untimed }, data: { status: "SUBMITTED", gradedAt: new Date() } });
    const timed = await startFromExams(page, "Start a review exam", true);
    await expect(page.getByRole("timer")).toBeVisible();
    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByText("Paused: the clock is stopped.")).toBeVisible();
    await expect(page.getByRole("timer")).toHaveCount(0);
    const paused = await db.attempt.findUniqueOrThrow({ where: { id: timed } });
    expect(paused.deadline).toBeNull();
    expect(paused.remainingMs).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Resume" }).click();
    await expect(page.getByRole("timer")).toBeVisible();
    expect((await db.attempt.findUniqueOrThrow({ where: { id: timed } })).deadline).not.toBeNull();
  });

  test("ordering and matching items are answered by keyboard alone and graded on the server", async ({ page, db, makeUser, signIn }) => {
    await signIn(await makeUser());
    for (const type of ["ORDERING", "MATCHING"] as const) {
      const question = await db.question.findFirstOrThrow({ where: { type, retiredAt: null }, select: { id: true, topicId: true, version: true } });
      await page.goto("/practice");
      await page.getByLabel("What to practise").selectOption({ value: `topic:${question.topicId}` });
      await page.getByLabel("20").check();
      await page.getByRole("button", { name: "Start quiz" }).click();
      await expect(page).toHaveURL(/\/attempts\/[\w-]+$/);
      const attemptId = page.url().split("/attempts/")[1]!;
      const item = await db.attemptItem.findFirstOrThrow({ where: { attemptId, questionId: question.id } });
      const snapshot = (await db.questionVersion.findUniqueOrThrow({ where: { questionId_version: { questionId: question.id, version: item.questionVersion } } })).snapshot as {
        practice: { items?: Array<{ key: string; text: string }>; pairs?: Array<{ key: string; prompt: string; answer: string }> };
      };
      // Reach the item through the navigator with the keyboard.
      await page.getByRole("heading", { name: /Question \d+ of/ }).focus();
      await tabUntil(page, async () => (await page.evaluate(() => document.activeElement?.getAttribute("aria-current"))) === "step");
      for (let i = 0; i < item.position; i++) await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      const card = page.getByRole("group", { name: `Question ${item.position + 1}` });

      if (type === "ORDERING") {
        const want = snapshot.practice.items!.map((s) => s.text);
        for (let target = 0; target < want.length; target++) {
          const steps = card.getByRole("list").first().getByRole("listitem");
          const texts = await steps.evaluateAll((els) => els.map((e) => e.querySelector("span.flex-1")?.textContent ?? ""));
          let at = texts.indexOf(want[target]!);
          await tabUntil(page, async () => (await page.evaluate(() => document.activeElement?.tagName)) === "LI" && (await page.locator(":focus").textContent())!.includes(want[target]!));
          while (at > target) {
            await page.keyboard.press("Alt+ArrowUp");
            at--;
          }
        }
      } else {
        for (const pair of snapshot.practice.pairs!) {
          const select = card.getByLabel(pair.prompt, { exact: true });
          await tabUntil(page, async () => (await page.evaluate(() => document.activeElement?.tagName)) === "SELECT" && (await page.locator(":focus").getAttribute("id")) === (await select.getAttribute("id")));
          const options = await select.locator("option").allTextContents();
          const steps = options.indexOf(pair.answer);
          for (let i = 0; i < steps; i++) await page.keyboard.press("ArrowDown");
          await expect(select).toHaveValue(/[a-j]/);
        }
      }
      await tabUntil(page, async () => (await page.locator(":focus").textContent()) === "Check answer");
      await page.keyboard.press("Enter");
      await expect(card.getByText("✓ Correct.")).toBeVisible();
      const saved = await db.attemptItem.findFirstOrThrow({ where: { attemptId, questionId: question.id } });
      expect(saved.correct).toBe(true);
      await page.getByRole("button", { name: "Leave" }).click();
      // Leaving navigates on the client: wait for it, or the next goto races it (net::ERR_ABORTED).
      await expect(page).toHaveURL(/\/exams$/);
    }
  });
});
