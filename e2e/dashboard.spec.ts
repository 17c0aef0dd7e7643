import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

async function correctKeysFor(db: import("@/lib/generated/prisma/client").PrismaClient, attemptId: string) {
  const items = await db.attemptItem.findMany({
    where: { attemptId },
    orderBy: { position: "asc" },
    include: { question: { include: { choices: true } } },
  });
  return items.map((i) => i.question.choices.filter((c) => c.correct).map((c) => c.key));
}

/** Chooses answers by key in the current question (the inputs carry the choice keys as values). */
async function chooseKeys(page: Page, keys: string[]) {
  const group = page.getByRole("group", { name: /Question \d+/ });
  for (const key of keys) await group.locator(`input[value="${key}"]`).check();
}

test("a new student's dashboard fills in as they practise and review", async ({ page, makeUser, signIn, db }) => {
  test.setTimeout(120_000);
  const user = await makeUser({ name: "Dana Dashboard" });
  await signIn(user);

  // Empty state: what to do first, and why there is no prediction yet.
  await page.goto("/dashboard");
  await expect(page.getByText("Three steps to start")).toBeVisible();
  await expect(page.getByText("Not enough evidence yet")).toBeVisible();
  await expect(page.getByText(/Answer 40 more questions across Development with AWS Services, Security, Deployment and Troubleshooting and Optimization/)).toBeVisible();
  await page.screenshot({ path: "test-results/dashboard-empty-desktop.png", fullPage: true });

  // A five-question topic quiz: two wrong, three right.
  await page.goto("/practice");
  await page.getByLabel("What to practise").selectOption({ label: "2.2 · AWS KMS keys, envelope encryption, data keys and encryption context" });
  await page.getByLabel("5").check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByRole("heading", { name: "Question 1 of 5" })).toBeVisible();
  const attemptId = page.url().split("/attempts/")[1]!;
  const keys = await correctKeysFor(db, attemptId);
  const items = await db.attemptItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
  for (let i = 0; i < 5; i++) {
    const wrongAnswer = i < 2;
    const chosen = wrongAnswer ? items[i]!.choiceOrder.filter((k) => !keys[i]!.includes(k)).slice(0, keys[i]!.length) : keys[i]!;
    await chooseKeys(page, chosen);
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByText(wrongAnswer ? "✗ Not quite." : "✓ Correct.")).toBeVisible();
    if (i < 4) await page.getByRole("button", { name: "Next →" }).click();
  }
  await page.getByRole("button", { name: "Review answers" }).click();
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("heading", { name: "Practice results" })).toBeVisible();

  // Mastery and weak topics moved; two cards wait for review.
  await page.goto("/dashboard");
  await expect(page.getByText("Three steps to start")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Mastery by task statement" })).toContainText("5 answers");
  const weak = page.getByRole("region", { name: "Weakest topics" });
  await expect(weak.getByRole("listitem")).toHaveCount(1);
  await expect(weak).toContainText("AWS KMS keys, envelope encryption");
  await expect(page.getByText(/5 questions answered on 1 of the last 56 days/)).toBeVisible();
  const reviews = page.getByRole("region", { name: "Reviews" });
  await expect(reviews).toContainText("2 cards in your deck.");

  // Bring the first card due now (FSRS schedules a missed question a minute or so out) and review it.
  await db.reviewCard.updateMany({ where: { userId: user.id }, data: { due: new Date(Date.now() - 1000) } });
  await page.goto("/practice/review");
  await expect(page.getByRole("heading", { name: /Review card · 2 due now/ })).toBeVisible();
  const card = await db.reviewCard.findFirstOrThrow({ where: { userId: user.id }, orderBy: { due: "asc" } });
  const right = await db.choice.findMany({ where: { questionId: card.questionId, correct: true } });
  for (const choice of right) await page.locator("label", { hasText: choice.text }).locator("input").check();
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByText(/✓ Correct\. This card comes back in/)).toBeVisible();
  await page.getByRole("button", { name: "Next card" }).click();
  await expect(page.getByRole("heading", { name: /Review card · 1 due now/ })).toBeVisible();

  // The dashboard counts the review in the day's activity, and one card fewer is due now. (Both stay
  // due today: FSRS's learning steps bring a just-relearned card back after about ten minutes.)
  await page.goto("/dashboard");
  await expect(page.getByText(/6 questions answered on 1 of the last 56 days/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Review 1 card ready now" })).toBeVisible();
  await expect(page.getByText("1 ready now, 1 more later today; 2 cards in your deck.")).toBeVisible();
  await page.screenshot({ path: "test-results/dashboard-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/dashboard-phone.png", fullPage: true });
});
