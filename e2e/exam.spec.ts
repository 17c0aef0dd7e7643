// Mock exams and practice in Chromium. The e2e server runs mocks of 1.5 minutes
// (STRATUS_MOCK_MINUTES in e2e/support/server.ts) so the clock can run out here.
import type { Page } from "@playwright/test";
import { answerCurrent } from "./support/answers";
import { expect, learningRecorded, test } from "./support/fixtures";
import { saveState } from "./support/runner";

async function startMock(page: Page) {
  await page.goto("/exams");
  await page.getByRole("button", { name: "Start a mock exam" }).click();
  await expect(page).toHaveURL(/\/attempts\/[\w-]+$/);
  await expect(page.getByRole("heading", { name: /Question \d+ of 65/ })).toBeVisible();
  return page.url().split("/attempts/")[1]!;
}


test.describe("mock exam", () => {
  test("answers survive a reload and a dropped connection, and every one is graded", async ({ page, makeUser, signIn, db }) => {
    const user = await makeUser();
    await signIn(user);
    const attemptId = await startMock(page);

    // Answer questions 1–3 and flag question 2.
    for (let q = 1; q <= 3; q++) {
      await answerCurrent(page);
      if (q === 2) await page.getByRole("button", { name: "Flag for review" }).click();
      await page.getByRole("button", { name: "Next →" }).click();
    }
    await expect(saveState(page)).toHaveText(/All answers saved/);

    // Reload: answers and the flag come back from the server.
    await page.reload();
    await page.getByRole("button", { name: /^Question 2, answered, flagged$/ }).click();
    await expect(page.getByRole("button", { name: "Flagged for review" })).toBeVisible();

    // Offline: answer questions 4 and 5; they wait in the browser.
    await page.context().setOffline(true);
    for (const position of [4, 5]) {
      await page.getByRole("button", { name: new RegExp(`^Question ${position}, not answered`) }).click();
      await answerCurrent(page);
    }
    await expect(saveState(page)).toHaveText(/Offline — will retry \(2 unsent\)/);

    // Back online but the save endpoint still fails, then a reload: the unsent answers are restored from the browser.
    await page.route("**/api/attempts/*/answers", (route) => route.abort());
    await page.context().setOffline(false);
    await page.reload();
    await expect(page.getByRole("button", { name: /^Question 5, answered/ })).toBeVisible();
    await page.unroute("**/api/attempts/*/answers");
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect(saveState(page)).toHaveText(/All answers saved/, { timeout: 20_000 });

    // Review screen lists what is flagged and unanswered; confirm before submitting.
    await page.getByRole("button", { name: "Review and submit" }).click();
    await expect(page.getByText("5 of 65 answered · 0 partly answered · 60 not answered · 1 flagged")).toBeVisible();
    await page.getByRole("button", { name: "Submit exam" }).click();
    await expect(page.getByRole("dialog")).toContainText("60 questions are not answered");
    await page.getByRole("dialog").getByRole("button", { name: "Submit" }).click();

    await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/results$`));
    await expect(page.getByRole("heading", { name: "Mock exam results" })).toBeVisible();
    await page.getByRole("button", { name: /^Unanswered \(60\)$/ }).waitFor();
    await page.getByRole("button", { name: /^Flagged \(1\)$/ }).click();
    await expect(page.getByRole("listitem").filter({ hasText: "Question 2" }).first()).toContainText("flagged");

    // The database agrees: five answers stored, graded once.
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId }, include: { items: true } });
    expect(attempt.status).toBe("SUBMITTED");
    expect(attempt.items.filter((i) => i.chosenKeys.length > 0)).toHaveLength(5);
    expect(attempt.items.filter((i) => i.correct !== null)).toHaveLength(65);
  });

  test("when the clock runs out the attempt is graded from the saved answers", async ({ page, makeUser, signIn, db }) => {
    const user = await makeUser();
    await signIn(user);
    const attemptId = await startMock(page);
    await answerCurrent(page);
    await expect(saveState(page)).toHaveText(/All answers saved/);
    // Close the runner and come back after the deadline: nobody submits.
    await page.goto("/dashboard");
    const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    const wait = attempt.deadline!.getTime() + 11_000 - Date.now();
    test.setTimeout(wait + 60_000);
    await page.waitForTimeout(Math.max(0, wait));

    await page.goto(`/attempts/${attemptId}`);
    await expect(page).toHaveURL(new RegExp(`/attempts/${attemptId}/results$`));
    await expect(page.getByText("graded when time ran out")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Unanswered \(64\)$/ })).toBeVisible();
    const graded = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(graded.status).toBe("EXPIRED");
  });

  test("no response of an in-progress attempt carries answer keys or explanations", async ({ page, makeUser, signIn, db }) => {
    const user = await makeUser();
    await signIn(user);
    const bodies: string[] = [];
    page.on("response", async (response) => {
      try {
        bodies.push(await response.text());
      } catch {
        // redirects and aborted responses have no body
      }
    });
    const attemptId = await startMock(page);
    for (let q = 0; q < 3; q++) {
      await answerCurrent(page);
      await page.getByRole("button", { name: "Next →" }).click();
    }
    await expect(saveState(page)).toHaveText(/All answers saved/);
    await page.reload();
    await expect(page.getByRole("heading", { name: /Question \d+ of 65/ })).toBeVisible();
    // The RSC payload of the runner page as a client navigation would fetch it.
    const rsc = await page.request.get(`/attempts/${attemptId}`, { headers: { RSC: "1" } });
    bodies.push(await rsc.text());

    const items = await db.attemptItem.findMany({ where: { attemptId }, select: { questionId: true, questionVersion: true } });
    const versions = await db.questionVersion.findMany({
      where: { OR: items.map((i) => ({ questionId: i.questionId, version: i.questionVersion })) },
    });
    const explanations = versions.flatMap((v) => (v.snapshot as { choices: Array<{ explanation: string }> }).choices.map((c) => c.explanation));
    expect(explanations.length).toBeGreaterThan(250);
    expect(bodies.length).toBeGreaterThan(5);
    const all = bodies.join("\n");
    // An explanation that opens like a stem or choice the page shows anyway (one choice's text repeats another
    // question's explanation: "Filter policy changes are eventually consistent…") proves nothing either way.
    const shown = versions.flatMap((v) => {
      const snapshot = v.snapshot as { stem: string; choices: Array<{ text: string }> };
      return [snapshot.stem, ...snapshot.choices.map((c) => c.text)];
    });
    const leaked = explanations.filter((e) => all.includes(e.slice(0, 60)) && !shown.some((text) => text.includes(e.slice(0, 60))));
    expect(leaked).toEqual([]);
    expect(all).not.toMatch(/"correct"\s*:\s*true|"correctKeys"/);
  });
});

test.describe("practice", () => {
  test("a topic quiz explains each answer, and the topic then shows among the weak topics", async ({ page, makeUser, signIn, db }) => {
    const user = await makeUser();
    await signIn(user);
    await page.goto("/practice");
    await expect(page.getByText(/a topic shows up here once it has at least three answers/)).toBeVisible();
    await page.getByLabel("What to practise").selectOption({ label: "1.3 · DynamoDB capacity modes and RCU/WCU arithmetic" });
    await page.getByLabel("5").check();
    await page.getByRole("button", { name: "Start quiz" }).click();
    await expect(page.getByRole("heading", { name: "Question 1 of 5" })).toBeVisible();

    for (let q = 1; q <= 5; q++) {
      await answerCurrent(page);
      await page.getByRole("button", { name: "Check answer" }).click();
      await expect(page.getByText(/✓ Correct\.|✗ Not quite\./)).toBeVisible();
      await expect(page.getByRole("link", { name: "Study the lesson" })).toBeVisible();
      // Checked answers are final: no control to change them is offered.
      const controls = page.getByRole("group", { name: /Question \d+/ }).locator("input[name^=question-], select, input[inputmode]");
      for (let i = 0; i < (await controls.count()); i++) {
        const control = controls.nth(i);
        expect((await control.getAttribute("aria-disabled")) === "true" || (await control.getAttribute("readonly")) !== null).toBe(true);
      }
      if (q < 5) await page.getByRole("button", { name: "Next →" }).click();
    }
    await page.getByRole("button", { name: "Review answers" }).click();
    await page.getByRole("button", { name: "Finish and see results" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Finish" }).click();
    await expect(page.getByRole("heading", { name: "Practice results" })).toBeVisible();

    await learningRecorded(db, user.id);
    await page.goto("/practice");
    const weak = page.getByRole("heading", { name: "Your weakest topics" }).locator("..");
    await expect(weak.getByRole("listitem").first()).toContainText(/% mastery from \d+ answers/);
    await expect(weak.getByRole("button", { name: /^Drill / }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Drill my weak topics" })).toBeVisible();
  });
});
