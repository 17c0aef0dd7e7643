import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { answerCurrent } from "./support/answers";
import { expect, learningRecorded, test } from "./support/fixtures";

// The browser's clock zone is fixed (the tests that need another zone say so).
test.use({ timezoneId: "UTC" });

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

  // A five-question topic quiz, of whatever item kinds it draws: two wrong, three right.
  await page.goto("/practice");
  // KMS mixes choice questions with ordering and numeric items: the helper answers each kind.
  const topic = { title: "AWS KMS keys, envelope encryption, data keys and encryption context", taskStatementId: "2.2" };
  await page.getByLabel("What to practise").selectOption({ label: `${topic.taskStatementId} · ${topic.title}` });
  await page.getByLabel("5").check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByRole("heading", { name: "Question 1 of 5" })).toBeVisible();
  const attemptId = page.url().split("/attempts/")[1]!;
  const items = await db.attemptItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
  for (let i = 0; i < 5; i++) {
    const wrongAnswer = i < 2;
    await answerCurrent(page, { key: { db, questionId: items[i]!.questionId, right: !wrongAnswer } });
    await page.getByRole("button", { name: "Check answer" }).click();
    await expect(page.getByText(wrongAnswer ? "✗ Not quite." : "✓ Correct.")).toBeVisible();
    if (i < 4) await page.getByRole("button", { name: "Next →" }).click();
  }
  await page.getByRole("button", { name: "Review answers" }).click();
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Finish" }).click();
  await expect(page.getByRole("heading", { name: "Practice results" })).toBeVisible();

  // Mastery and weak topics moved; two cards wait for review.
  await learningRecorded(db, user.id);
  await page.goto("/dashboard");
  await expect(page.getByText("Three steps to start")).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Mastery by task statement" })).toContainText("5 answers");
  const weak = page.getByRole("region", { name: "Highest-impact topics" });
  await expect(weak.getByRole("listitem")).toHaveCount(1);
  await expect(weak).toContainText(topic.title);
  await expect(weak).toContainText("blueprint weight × how much you have left to learn");
  await expect(weak.getByRole("listitem")).toContainText(/[\d.]+% of the exam/);
  await expect(weak.getByRole("listitem")).toContainText(/\d+% mastery from 5 answers/);
  await expect(page.getByText(/5 questions answered on 1 of the last 56 days/)).toBeVisible();
  const reviews = page.getByRole("region", { name: "Reviews" });
  await expect(reviews).toContainText("2 cards in your deck.");

  // Bring the cards due now (FSRS schedules a missed question a minute or so out) and review the first,
  // whatever its kind (the most overdue first; the question id breaks the tie).
  await db.reviewCard.updateMany({ where: { userId: user.id }, data: { due: new Date(Date.now() - 1000) } });
  await page.goto("/practice/review");
  await expect(page.getByRole("heading", { name: /Review card · 2 due now/ })).toBeVisible();
  const card = await db.reviewCard.findFirstOrThrow({ where: { userId: user.id }, orderBy: [{ due: "asc" }, { questionId: "asc" }] });
  await answerCurrent(page, { key: { db, questionId: card.questionId, right: true } });
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByText(/✓ Correct\. This card comes back in/)).toBeVisible();
  await expect(page.getByText(/comes back in 1 minutes|in 1 hours|in 1 days/)).toHaveCount(0);
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

// ─────────────── Dashboard: charts, pacing, time zones, new-card limit, weight ───────────────

const SHOTS = "test-results/ux-learning";

/** A student with history: two graded mocks, mastery everywhere (some of it high), weak topics, activity. */
async function seedHistory(db: PrismaClient, userId: string, options: { activity?: Array<{ daysAgo: number; answered: number; correct: number; timeSpentMs: number }> } = {}) {
  const taskStatements = await db.taskStatement.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const topics = await db.topic.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 8 });
  const ratings = [2.2, 1.5, 0.8, 0.2, -0.4, -1.2];
  await db.mastery.createMany({
    data: [
      ...taskStatements.map((t, i) => ({ userId, scope: "TASK_STATEMENT" as const, scopeId: t.id, rating: ratings[i % ratings.length]!, variance: 0.15, evidence: 12, correct: 7 })),
      ...topics.map((t, i) => ({ userId, scope: "TOPIC" as const, scopeId: t.id, rating: ratings[(i + 3) % ratings.length]!, variance: 0.3, evidence: 6, correct: 3 })),
    ],
  });
  const day = 86_400_000;
  for (const [i, score] of [640, 755].entries()) {
    await db.attempt.create({
      data: {
        userId,
        examId: "dva-c02",
        mode: "MOCK",
        status: "SUBMITTED",
        config: {},
        questionCount: 65,
        startedAt: new Date(Date.now() - (10 - i * 5) * day),
        submittedAt: new Date(Date.now() - (10 - i * 5) * day + 3_600_000),
        gradedAt: new Date(Date.now() - (10 - i * 5) * day + 3_600_000),
        learningRecordedAt: new Date(Date.now() - (10 - i * 5) * day + 3_600_000),
        rawScore: Math.round((score / 1000) * 65),
        scaledScore: score,
        passed: score >= 720,
      },
    });
  }
  const activity = options.activity ?? [
    { daysAgo: 10, answered: 65, correct: 40, timeSpentMs: 65 * 80_000 },
    { daysAgo: 5, answered: 65, correct: 50, timeSpentMs: 65 * 70_000 },
    { daysAgo: 1, answered: 12, correct: 9, timeSpentMs: 12 * 50_000 },
  ];
  await db.dailyActivity.createMany({
    data: activity.map((a) => ({
      userId,
      day: new Date(new Date(Date.now() - a.daysAgo * day).toISOString().slice(0, 10)),
      answered: a.answered,
      correct: a.correct,
      timeSpentMs: BigInt(a.timeSpentMs),
    })),
  });
}

/** Every page a test visits is watched for 404s (the favicon included). */
function watch404s(page: Page): string[] {
  const missing: string[] = [];
  page.on("response", (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  return missing;
}

/** The JavaScript a page's HTML asks for before anything runs: its script tags and the chunks named in its inline payload. */
async function initialScripts(page: Page, path: string): Promise<Array<{ url: string; bytes: number; body: string }>> {
  const html = await (await page.request.get(path)).text();
  // The legacy polyfills are a nomodule script: a current browser never downloads them.
  const polyfills = new Set([...html.matchAll(/<script[^>]*\bnoModule[^>]*\bsrc="([^"]+)"|<script[^>]*\bsrc="([^"]+)"[^>]*\bnoModule/gi)].map((m) => m[1] ?? m[2]));
  const urls = [...new Set([...html.matchAll(/\/_next\/static\/[^"'\\\s]+?\.js/g)].map((m) => m[0]))].filter((u) => !polyfills.has(u));
  return Promise.all(
    urls.map(async (url) => {
      const body = await (await page.request.get(url)).text();
      return { url, bytes: Buffer.byteLength(body), body };
    }),
  );
}

test("the dashboard with every chart drawn passes axe, gives each chart a text alternative and ships no chart library", async ({
  page,
  accessibility,
  makeUser,
  signIn,
  db,
}) => {
  test.setTimeout(120_000);
  const missing = watch404s(page);
  const user = await makeUser({ name: "Chandra Charts" });
  await seedHistory(db, user.id);
  await signIn(user);

  // Layout shifts while the page loads: none (the charts are drawn on the server).
  await page.addInitScript(() => {
    (window as unknown as { __cls: number }).__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/dashboard");
  const trend = page.getByRole("region", { name: "Mock exam scores" });
  // Drawn on the server: the line and a dot per mock are in the page as it arrives.
  await expect(trend.locator("polyline")).toBeVisible();
  await expect(trend.getByTestId("score-trend-dot")).toHaveCount(2);

  // Text alternatives: the scores, the active days, and the mastery grid are tables.
  await expect(trend.getByRole("table", { name: /Mock exam scores, oldest first/ })).toBeAttached();
  await expect(trend.getByRole("table").getByRole("row")).toHaveCount(3);
  await expect(trend.getByRole("table")).toContainText("755");
  await expect(page.getByRole("table", { name: /Days you answered questions/ }).getByRole("row")).toHaveCount(4);
  await expect(page.getByRole("img", { name: /Predicted score \d+ of 1000/ })).toBeVisible();

  // No focusable element hides inside aria-hidden, and axe finds nothing (contrast included).
  const focusableHidden = await page.locator('[aria-hidden="true"] [tabindex]:not([tabindex="-1"]), [aria-hidden="true"] a[href], [aria-hidden="true"] button').count();
  expect(focusableHidden).toBe(0);
  expect(await accessibility.scan(page, "every chart drawn")).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThan(0.02);

  // Dark theme too.
  await page.evaluate(() => (document.documentElement.dataset.theme = "dark"));
  expect(await accessibility.scan(page, "dark theme")).toEqual([]);
  await page.evaluate(() => (document.documentElement.dataset.theme = "light"));

  // Weight: the charts cost the dashboard and the Exams page no JavaScript (no chart library).
  for (const path of ["/dashboard", "/exams"]) {
    const scripts = await initialScripts(page, path);
    const total = scripts.reduce((n, s) => n + s.bytes, 0);
    const gzipped = scripts.reduce((n, s) => n + gzipSync(s.body).length, 0);
    console.log(`${path}: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} KiB of initial JavaScript (${(gzipped / 1024).toFixed(1)} KiB gzipped), legacy polyfills excluded`);
    expect(scripts.filter((s) => s.body.includes("recharts")).map((s) => s.url), `${path} ships a chart library`).toEqual([]);
  }

  // Keyboard only: tabbing through the dashboard never lands inside a chart drawing.
  await page.goto("/dashboard");
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const inHidden = await page.evaluate(() => Boolean(document.activeElement?.closest('[aria-hidden="true"]')));
    expect(inHidden).toBe(false);
  }

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/dashboard");
  await expect(trend.locator("polyline")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dashboard-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(trend.locator("polyline")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/dashboard-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  // The favicon (and nothing else) 404s on no page.
  for (const path of ["/learn", "/profile", "/practice/review", "/exams"]) await page.goto(path);
  const icon = await page.request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  await expect(page.locator('head link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
  expect(missing).toEqual([]);
});

test("pacing never praises a pace it did not measure", async ({ page, makeUser, signIn, db }) => {
  const unmeasured = await makeUser({ name: "Uma Untimed" });
  await seedHistory(db, unmeasured.id, { activity: [{ daysAgo: 1, answered: 12, correct: 8, timeSpentMs: 0 }] });
  await signIn(unmeasured);
  await page.goto("/dashboard");
  const pacing = page.getByRole("region", { name: "Pacing" });
  await expect(pacing).toContainText("None of your 12 answers in the last 30 days has a recorded time yet");
  await expect(pacing).not.toContainText(/(^|[^\d])0 s/);
  await expect(pacing).not.toContainText(/on pace|Within the exam's pace/i);

  const hurried = await makeUser({ name: "Harry Hurried" });
  await seedHistory(db, hurried.id, { activity: [{ daysAgo: 1, answered: 40, correct: 10, timeSpentMs: 40 * 2_000 }] });
  await page.context().clearCookies();
  await signIn(hurried);
  await page.goto("/dashboard");
  await expect(pacing).toContainText("2 s");
  await expect(pacing).toContainText("over 40 timed answers");
  await expect(pacing).toContainText("faster than a DVA-C02 question can be read");
  await expect(pacing).not.toContainText(/Within the exam's pace/);
});

test.describe("in the student's own time zone", () => {
  test.use({ timezoneId: "Pacific/Kiritimati" });

  test("the browser's zone is taken on the first visit; the profile page changes it and the new-card limit, keyboard only", async ({ page, makeUser, signIn, db }) => {
    const user = await makeUser({ name: "Kiri Timati" });
    // The sign-in page already tells the server the browser's zone, so the first signed-in page counts in it.
    await page.goto("/sign-in");
    await expect.poll(async () => (await page.context().cookies()).find((c) => c.name === "tz")?.value).toBe("Pacific/Kiritimati");
    await signIn(user);
    await page.goto("/dashboard");
    await expect.poll(async () => (await db.user.findUniqueOrThrow({ where: { id: user.id } })).timeZone).toBe("Pacific/Kiritimati");

    await page.goto("/profile");
    const settings = page.getByRole("region", { name: "Study settings" });
    await expect(settings.getByLabel("Time zone")).toHaveValue("Pacific/Kiritimati");
    await expect(settings.getByLabel("New review cards a day")).toHaveValue("20");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/profile-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/profile-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Keyboard only: a bad value is refused next to the field, which gets the focus back.
    await settings.getByLabel("Time zone").focus();
    await page.keyboard.press("Tab");
    await expect(settings.getByLabel("New review cards a day")).toBeFocused();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("0");
    await page.keyboard.press("Enter");
    await expect(settings.getByText("Allow at least 1 new card a day.")).toBeVisible();
    await expect(settings.getByLabel("New review cards a day")).toBeFocused();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type("12");
    // Back to the zone (Shift+Tab) and pick one by typing its name, as a keyboard user does on a closed select.
    await page.keyboard.press("Shift+Tab");
    await expect(settings.getByLabel("Time zone")).toBeFocused();
    await page.keyboard.type("Asia/Tokyo");
    await expect(settings.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(settings.getByRole("button", { name: "Save study settings" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByText("Your study settings have been saved.")).toBeVisible();
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { timeZone: true, newCardsPerDay: true } })).toEqual({
      timeZone: "Asia/Tokyo",
      newCardsPerDay: 12,
    });
    // The pick holds on later pages although the browser is still in Kiritimati.
    await page.goto("/dashboard");
    await page.goto("/profile");
    await expect(settings.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).timeZone).toBe("Asia/Tokyo");
  });
});

test("'due today' and the activity chart count the student's day, not UTC's", async ({ page, makeUser, signIn, db }) => {
  // A zone whose date differs from UTC's right now: Kiritimati (UTC+14) from 10:00 UTC, else UTC−12.
  const now = new Date();
  const zone = now.getUTCHours() >= 10 ? "Pacific/Kiritimati" : "Etc/GMT+12";
  const offsetHours = zone === "Pacific/Kiritimati" ? 14 : -12;
  const localToday = new Date(now.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 10);
  expect(localToday).not.toBe(now.toISOString().slice(0, 10));
  const localMidnight = (day: string, plusDays: number) => new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * 86_400_000 - offsetHours * 3_600_000);

  const user = await makeUser({ name: "Day Boundary" });
  // The student picked this zone on their profile (pinned while this browser, in UTC, stays in UTC).
  await db.user.update({ where: { id: user.id }, data: { timeZone: zone } });
  await page.context().addCookies([
    { name: "tz", value: "UTC", url: "http://localhost" },
    { name: "tz-pinned", value: "UTC", url: "http://localhost" },
  ]);
  const [late, early] = await db.question.findMany({ where: { retiredAt: null, type: "SINGLE" }, select: { id: true }, take: 2 });
  const card = { stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, reps: 2, lapses: 0, state: 2 };
  await db.reviewCard.createMany({
    data: [
      // A minute before the student's midnight: due today for them.
      { userId: user.id, questionId: late!.id, due: new Date(localMidnight(localToday, 1).getTime() - 60_000), ...card },
      // A minute after it: tomorrow for them.
      { userId: user.id, questionId: early!.id, due: new Date(localMidnight(localToday, 1).getTime() + 60_000), ...card },
    ],
  });
  await db.dailyActivity.create({ data: { userId: user.id, day: new Date(`${localToday}T00:00:00Z`), answered: 7, correct: 5, timeSpentMs: 7n * 60_000n } });
  await signIn(user);
  await page.goto("/dashboard");
  const reviews = page.getByRole("region", { name: "Reviews" });
  await expect(reviews.locator("dd").first()).toHaveText("1");
  await expect(reviews.locator("dd").nth(1)).toHaveText("2");
  // The last day of the activity chart is the student's today.
  const label = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).format(new Date(`${localToday}T12:00:00Z`));
  await expect(page.getByRole("table", { name: /Days you answered questions/ }).getByRole("row").last()).toHaveText(`${label}75`);
  await expect(page.getByText(/7 questions answered on 1 of the last 56 days/)).toBeVisible();
});

test("the new-card limit: the student is told when cards were moved to tomorrow, on the dashboard and the review page", async ({
  page,
  makeUser,
  signIn,
  db,
}) => {
  const user = await makeUser({ name: "Flo Flood" });
  await db.user.update({ where: { id: user.id }, data: { newCardsPerDay: 2 } });
  const questions = await db.question.findMany({ where: { retiredAt: null, type: "SINGLE", stem: { contains: "arn:aws" } }, select: { id: true }, take: 1 });
  const more = await db.question.findMany({ where: { retiredAt: null, type: "SINGLE", id: { notIn: questions.map((q) => q.id) } }, select: { id: true }, take: 4 });
  const ids = [...questions, ...more].map((q) => q.id);
  const tomorrow = new Date(new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  const card = { stability: 0.2, difficulty: 6, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 1, lapses: 0, state: 1 };
  await db.reviewCard.createMany({
    data: ids.map((questionId, i) => ({ userId: user.id, questionId, due: i < 2 ? new Date(Date.now() - 60_000) : tomorrow, ...card })),
  });
  await signIn(user);
  await page.goto("/dashboard");
  const notice = "3 more new cards are scheduled for tomorrow to keep today's new cards to 2.";
  await expect(page.getByRole("region", { name: "Reviews" })).toContainText(notice);
  await expect(page.getByRole("region", { name: "Reviews" }).getByRole("link", { name: "Change your daily limit" })).toHaveAttribute("href", "/profile#study-settings");

  await page.goto("/practice/review");
  await expect(page.getByText(notice)).toBeVisible();
  // The question with an ARN in its stem is shown first (most overdue): at phone width it wraps instead of widening the page.
  await db.reviewCard.updateMany({ where: { userId: user.id, questionId: ids[0] }, data: { due: new Date(Date.now() - 3_600_000) } });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("heading", { name: /Review card · 2 due now/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/review-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS}/review-1280.png`, fullPage: true });
});

test("review cards of any kind: an ordering card answered right and a matching card answered wrong, the same after a reload", async ({
  page,
  makeUser,
  signIn,
  db,
}) => {
  const SHOTS_ITEMS = "test-results/items";
  const user = await makeUser({ name: "Rory Review" });
  const ordering = await db.question.findFirstOrThrow({ where: { id: "p-kms-envelope-encryption-001" }, select: { id: true, type: true } });
  const matching = await db.question.findFirstOrThrow({ where: { type: "MATCHING", retiredAt: null }, orderBy: { id: "asc" }, select: { id: true } });
  expect(ordering.type).toBe("ORDERING");
  const card = { stability: 0.2, difficulty: 6, elapsedDays: 0, scheduledDays: 0, reps: 1, lapses: 1, state: 3 };
  await db.reviewCard.createMany({
    data: [
      { userId: user.id, questionId: ordering.id, due: new Date(Date.now() - 120_000), ...card },
      { userId: user.id, questionId: matching.id, due: new Date(Date.now() - 60_000), ...card },
    ],
  });
  await signIn(user);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/practice/review");
  await expect(page.getByRole("heading", { name: /Review card · 2 due now/ })).toBeVisible();
  await expect(page.getByText("Put the steps in order.")).toBeVisible();
  const steps = await page.getByRole("list", { name: /-steps$/ }).innerText();
  await page.reload();
  expect(await page.getByRole("list", { name: /-steps$/ }).innerText()).toBe(steps);
  await page.screenshot({ path: `${SHOTS_ITEMS}/review-ordering-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS_ITEMS}/review-ordering-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await answerCurrent(page, { key: { db, questionId: ordering.id, right: true } });
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByText(/✓ Correct\. This card comes back in/)).toBeVisible();
  await expect(page.getByRole("list", { name: /-steps$/ }).getByText("✓")).toHaveCount(6);
  await page.screenshot({ path: `${SHOTS_ITEMS}/review-ordering-answered-390.png`, fullPage: true });
  await page.getByRole("button", { name: "Next card" }).click();

  await expect(page.getByRole("heading", { name: /Review card · 1 due now/ })).toBeVisible();
  await expect(page.getByText("Match each item.")).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SHOTS_ITEMS}/review-matching-1280.png`, fullPage: true });
  await answerCurrent(page, { key: { db, questionId: matching.id, right: false } });
  await page.getByRole("button", { name: "Check answer" }).click();
  await expect(page.getByText(/✗ Not quite\. This card comes back in/)).toBeVisible();
  await expect(page.getByText(/^Right: /).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS_ITEMS}/review-matching-answered-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS_ITEMS}/review-matching-answered-390.png`, fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Both answers are evidence, and nothing more is due now.
  await page.getByRole("button", { name: "Next card" }).click();
  await expect(page.getByRole("heading", { name: "All caught up" })).toBeVisible();
});

test("long names and identifiers wrap on a phone instead of pushing the dashboard sideways", async ({ page, makeUser, signIn, db }) => {
  const user = await makeUser({ name: "arn:aws:iam::123456789012:role/service-role/AVeryLongStudentNameWithoutAnySpaces" });
  await seedHistory(db, user.id);
  await signIn(user);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("AVeryLongStudentName");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.goto("/profile");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
