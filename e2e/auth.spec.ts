import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/** Clicks a form's submit button and waits until its server action has answered. */
async function submit(page: Page, button: string) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && Boolean(r.request().headers()["next-action"])),
    page.getByRole("button", { name: button }).click(),
  ]);
}

test.describe("accounts", () => {
  test("a visitor signs up, signs out and signs back in", async ({ page, db }) => {
    const email = `new-${Date.now()}@example.com`;
    await page.goto("/");
    await page.getByRole("link", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();

    // A weak password is refused with the reason, and what was typed is kept.
    await page.getByLabel("Name").fill("Nia New");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("weak");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(email);

    await page.getByLabel("Password").fill("study-hard-2026");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("heading", { name: "Welcome, Nia" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);

    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByLabel("Password").fill("study-hard-2026");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard/);
    await expect(page.getByRole("navigation", { name: "Main" }).first()).toBeVisible();

    await db.user.delete({ where: { email } });
  });

  test("a wrong password is refused without saying which part was wrong", async ({ page, makeUser }) => {
    const user = await makeUser();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("not-the-password-1");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/email and password do not match/);
    await expect(page.getByLabel("Email")).toHaveValue(user.email);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("repeated failures lock the account for a while, even with the right password", async ({ page, makeUser }) => {
    const user = await makeUser();
    await page.goto("/sign-in");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(user.email);
      await page.getByLabel("Password").fill(`wrong-guess-${i}`);
      await submit(page, "Sign in");
      await expect(page.getByRole("main").getByRole("alert")).toHaveText(/do not match/);
    }
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Too many sign-in attempts.*wait 1[45] minutes/);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signing up with a registered email does not reveal that it is registered", async ({ page, makeUser }) => {
    const user = await makeUser();
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Someone Else");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill("another-pass-9");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/could not create an account with these details/);
    await expect(page.getByRole("main").getByRole("alert")).not.toHaveText(/already (exists|registered)/);
  });

  test("a guarded page sends a visitor to sign in and back again", async ({ page, makeUser }) => {
    const user = await makeUser();
    await page.goto("/learn");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Flearn/);
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/learn$/);
  });

  test("a student cannot open an instructor page; an instructor can", async ({ page, makeUser, signIn }) => {
    const student = await makeUser();
    await signIn(student);
    await page.goto("/classes/any-class/assignments/new");
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    // Students have classes too: the ones they joined.
    await page.goto("/classes");
    await expect(page.getByRole("heading", { name: "Join a class" })).toBeVisible();

    await page.context().clearCookies();
    const instructor = await makeUser({ role: "INSTRUCTOR", name: "Ivy Instructor" });
    await signIn(instructor);
    await page.goto("/classes");
    await expect(page.getByRole("heading", { name: "Classes", level: 1 })).toBeVisible();
  });

  test("changing the password signs out other sessions but not this one", async ({ page, browser, makeUser, signIn }) => {
    const user = await makeUser();
    await signIn(user);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    const { signInViaApi } = await import("./support/fixtures");
    await signInViaApi(otherPage.request, user.email, user.password);
    await otherPage.goto("/dashboard");
    await expect(otherPage).toHaveURL(/\/dashboard/);

    await page.goto("/profile");
    await page.getByLabel("Current password").fill(user.password);
    await page.getByLabel("New password", { exact: true }).fill("a-brand-new-pass-3");
    await page.getByLabel("Confirm new password").fill("a-brand-new-pass-3");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page).toHaveURL(/\/profile\?updated=password/);
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/password has been changed/);

    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/dashboard/);
    await otherPage.goto("/dashboard");
    await expect(otherPage).toHaveURL(/\/sign-in/);
    await other.close();
  });
});

test.describe("shell and health", () => {
  test("the skip link is the first stop for keyboard users and lands on the content", async ({ page, makeUser, signIn }) => {
    await signIn(await makeUser());
    await page.goto("/dashboard");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to main content" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
  });

  test("the health endpoint reports the database and its migration", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: "reachable", migration: expect.stringMatching(/_init$|^\d{14}_/) });
  });
});
