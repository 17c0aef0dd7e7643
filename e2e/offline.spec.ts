// Reloading an exam in progress while offline (issue 10): the service worker
// (public/sw.js) answers with the runner page it kept on this device, the runner
// shows the answers this device knows and keeps taking new ones, and everything
// reaches the server when the connection returns. Without a kept copy, the
// worker's own offline page says the answers are safe and offers a retry.
import type { Page } from "@playwright/test";
import { answerCurrent } from "./support/answers";
import { expect, test } from "./support/fixtures";
import { saveState } from "./support/runner";

const PAGES = "stratus-runner-pages-v1";

async function workerActive(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active)), { timeout: 20_000, message: "service worker active" })
    .toBe(true);
}

/** The runner page the worker keeps for `path`, as text ("" when none); never creates the cache. */
const keptText = (page: Page, path: string) =>
  page.evaluate(async ({ name, path }) => (await (await caches.match(path, { cacheName: name }))?.text()) ?? "", { name: PAGES, path });
const kept = async (page: Page, path: string) => (await keptText(page, path)) !== "";

const navButton = (page: Page, n: number) => page.getByRole("navigation", { name: "Questions" }).getByRole("button", { name: new RegExp(`^Question ${n},`) });

test("a mock reloaded offline opens from this device with its answers, keeps answering, and sends everything once back online", async ({ page, db, accessibility, makeUser, signIn }) => {
  test.setTimeout(120_000);
  await signIn(await makeUser());
  await page.goto("/exams");
  await page.getByRole("button", { name: "Start a mock exam" }).click();
  // Sampling 65 questions takes a while on a busy 2-core machine.
  await expect(page).toHaveURL(/\/attempts\/[\w-]+$/, { timeout: 30_000 });
  // The runner registers the worker (for runner pages only).
  await workerActive(page);
  const attemptId = page.url().split("/attempts/")[1]!;
  const runner = `/attempts/${attemptId}`;
  // The e2e server's mocks last 1.5 minutes: give this one 20, then open it again so the page has that deadline.
  const deadline = new Date(Date.now() + 20 * 60_000);
  await db.attempt.update({ where: { id: attemptId }, data: { deadline } });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Question 1 of 65" })).toBeVisible();
  // The worker keeps the page as it was when the runner opened (no answers yet).
  await expect
    .poll(async () => (await keptText(page, runner)).includes(deadline.toISOString()), { timeout: 20_000, message: "runner page kept" })
    .toBe(true);

  for (let q = 1; q <= 3; q++) {
    await answerCurrent(page);
    await page.getByRole("button", { name: "Next →" }).click();
  }
  await expect(saveState(page)).toHaveText(/All answers saved/);

  await page.context().setOffline(true);
  await page.reload();
  // The app's own page, not the browser's error, with the three saved answers the kept copy predates.
  expect(page.url()).toMatch(new RegExp(`${runner}$`));
  await expect(page.getByText("You are offline: this exam opened from the copy kept on this device.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Question \d+ of 65/ })).toBeVisible();
  for (const n of [1, 2, 3]) await expect(navButton(page, n).first()).toHaveAccessibleName(new RegExp(`^Question ${n}, answered`));
  await expect(page.getByText(/^3 of 65 answered$/)).toBeVisible();
  expect(await accessibility.scan(page, "opened offline from the kept copy")).toEqual([]);

  // Still answering offline: question 4 waits on this device.
  await navButton(page, 4).first().click();
  await answerCurrent(page);
  await expect(saveState(page)).toHaveText(/Offline — will retry \(1 unsent\)/);

  await page.context().setOffline(false);
  // Chromium fires "online" when the emulated connection returns; sent again in case it came before the listener.
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(saveState(page)).toHaveText(/All answers saved/, { timeout: 30_000 });
  await page.reload();
  await expect(page.getByText(/^4 of 65 answered$/)).toBeVisible();
  await expect(page.getByText(/You are offline/)).toHaveCount(0);
  const answered = await db.attemptItem.findMany({ where: { attemptId }, select: { position: true, chosenKeys: true }, orderBy: { position: "asc" } });
  expect(answered.filter((i) => i.chosenKeys.length > 0).map((i) => i.position)).toEqual([0, 1, 2, 3]);
});

test("without a kept copy the worker's offline page says the answers are safe and retries; signing out forgets the copies", async ({ page, accessibility, makeUser, signIn }) => {
  test.setTimeout(120_000);
  await signIn(await makeUser());
  await page.goto("/exams");
  await page.getByRole("button", { name: "Start a mock exam" }).click();
  await expect(page).toHaveURL(/\/attempts\/[\w-]+$/, { timeout: 30_000 });
  await workerActive(page);
  const runner = new URL(page.url()).pathname;
  await expect.poll(() => kept(page, runner), { timeout: 20_000 }).toBe(true);

  // Signing out forgets every kept copy, so the next person on this browser never sees this exam.
  await page.getByRole("button", { name: "Leave" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Leave the exam" }).click();
  await expect(page).toHaveURL(/\/exams$/);
  // The worker serves runner pages only: other pages load without it.
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller === null), "the Exams page is not the worker's client").toBe(true);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/"))?.scope ?? "none")).toBe("none");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith("stratus-runner")))).toEqual([]);

  await page.context().setOffline(true);
  await page.goto(runner);
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expect(page.getByText(/any not yet sent are kept on this device/)).toBeVisible();
  await expect(page.getByText("Your exam resumes when you are back online.")).toBeVisible();
  expect(await accessibility.scan(page, "the worker's offline page")).toEqual([]);
  // Retry: still offline, the same page; online, the app (here the sign-in page: this person signed out).
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await page.context().setOffline(false);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a worker an earlier version registered for the whole site removes itself, and other pages stay without one", async ({ page, makeUser, signIn }) => {
  await signIn(await makeUser());
  await page.goto("/exams");
  // What the earlier version did on every page: the same script for the scope "/".
  await page.evaluate(() => navigator.serviceWorker.register("/sw.js", { scope: "/" }));
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => new URL(r.scope).pathname)), {
      timeout: 20_000,
      message: "the whole-site registration unregisters itself once active",
    })
    .toEqual([]);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller === null)).toBe(true);
});
