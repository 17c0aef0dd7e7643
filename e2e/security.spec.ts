// The security review's findings, each reproduced as the attacker sent it and
// now refused (issue 9), and password recovery through the local outbox.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, signInViaApi, test } from "./support/fixtures";

const BASE = `http://localhost:${process.env.E2E_PORT ?? "3100"}`;

async function sessionUser(request: APIRequestContext) {
  const response = await request.get("/api/auth/session");
  return ((await response.json()) as { user?: { email?: string } } | null)?.user ?? null;
}

async function changePassword(page: Page, from: string, to: string) {
  await page.goto("/profile");
  await page.getByLabel("Current password").fill(from);
  await page.getByLabel("New password", { exact: true }).fill(to);
  await page.getByLabel("Confirm new password").fill(to);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/profile\?updated=password/);
}

test.describe("sessions", () => {
  test("finding 1: a session revoked by a password change stays dead, even through Auth.js's update endpoint", async ({ page, browser, makeUser, signIn }) => {
    const user = await makeUser();
    const stale = await browser.newContext();
    await signInViaApi(stale.request, user.email, user.password);
    expect((await sessionUser(stale.request))?.email).toBe(user.email);

    await signIn(user);
    await changePassword(page, user.password, "a-fresh-pass-77");

    // The stale cookie asks Auth.js to "update" the session, as the attacker did.
    const { csrfToken } = (await (await stale.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const update = await stale.request.post("/api/auth/session", { data: { csrfToken, data: {} } });
    expect(update.status()).toBeLessThan(500);
    expect(((await update.json()) as { user?: unknown } | null)?.user ?? null).toBeNull();
    expect(await sessionUser(stale.request)).toBeNull();
    const dashboard = await stale.request.get("/dashboard", { maxRedirects: 0 });
    expect(dashboard.status()).toBe(307);
    expect(dashboard.headers()["location"]).toContain("/sign-in");
    // This browser was signed in again with the new password.
    expect((await sessionUser(page.request))?.email).toBe(user.email);
    await stale.close();
  });

  test("finding 8: signing out ends the session on the server, so a copy of the cookie is dead", async ({ page, browser, makeUser, signIn }) => {
    const user = await makeUser();
    await signIn(user);
    await page.goto("/dashboard");
    const copied = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);

    const thief = await browser.newContext();
    await thief.addCookies(copied);
    expect(await sessionUser(thief.request)).toBeNull();
    const response = await thief.request.get("/dashboard", { maxRedirects: 0 });
    expect(response.headers()["location"] ?? "").toContain("/sign-in");
    await thief.close();
  });

  test("finding 9: a form posted after the session ended says so instead of crashing", async ({ page, db, makeUser, signIn }) => {
    const user = await makeUser();
    await signIn(user);
    await page.goto("/profile");
    await db.authSession.updateMany({ where: { userId: user.id }, data: { revokedAt: new Date() } });
    await page.getByRole("textbox", { name: "Name" }).fill("New Name");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "session has ended" })).toBeVisible();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).not.toBe("New Name");
  });
});

test.describe("sign-up and sign-in", () => {
  test("finding 2: sign-up with an existing email and its right password does not sign anyone in", async ({ page, makeUser }) => {
    const user = await makeUser();
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Mallory");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(/could not create an account/);
    await expect(page).toHaveURL(/\/sign-up/);
    expect(await sessionUser(page.request)).toBeNull();
    // What was typed is kept, and the password can be shown.
    await expect(page.getByLabel("Email")).toHaveValue(user.email);
    await page.getByRole("button", { name: "Show password" }).click();
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "text");
  });

  test("finding 5: callbackUrl cannot leave the site, before or after the browser normalises it", async ({ page, makeUser, signIn }) => {
    const user = await makeUser();
    // Signing in through the form with a tab-smuggled target.
    await page.goto("/sign-in?callbackUrl=/%09/evil.example");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/sign-in");
    expect(new URL(page.url()).host).toBe(new URL(BASE).host);

    // Already signed in, with a backslash target.
    await signIn(user);
    for (const target of ["/%5Cevil.example", "/%5C%5Cevil.example", "//evil.example", "/%09/evil.example", "https://evil.example/"]) {
      await page.goto(`/sign-in?callbackUrl=${target}`);
      expect(new URL(page.url()).host, target).toBe(new URL(BASE).host);
    }
  });
});

test.describe("headers and bad input", () => {
  test("finding 7: every page carries a nonce-based CSP and the other security headers", async ({ request }) => {
    for (const path of ["/", "/sign-in", "/api/health"]) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      expect(headers["strict-transport-security"], "no HSTS over plain HTTP").toBeUndefined();
    }
    const [a, b] = await Promise.all([request.get("/"), request.get("/")]);
    expect(a.headers()["content-security-policy"]).not.toBe(b.headers()["content-security-policy"]);
  });

  test("finding 9: malformed requests get a clean 4xx and change nothing", async ({ request, page, db, makeUser, signIn }) => {
    // Server actions: an Origin of "null", an unparsable one, a body over 1 MB.
    for (const origin of ["null", "http://[::1"]) {
      const response = await request.post("/profile", { headers: { "next-action": "0".repeat(42), origin }, data: "[]" });
      expect(response.status(), origin).toBe(403);
    }
    const huge = await request.post("/profile", {
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain" },
      data: "x".repeat(1024 * 1024 + 1),
    });
    expect(huge.status()).toBe(413);

    const user = await makeUser();
    await signIn(user);
    const started = await db.attempt.create({
      data: { userId: user.id, examId: "dva-c02", mode: "QUIZ", config: {}, questionCount: 1 },
    });
    const question = await db.question.findFirstOrThrow({ where: { type: "SINGLE" }, select: { id: true, version: true } });
    await db.attemptItem.create({ data: { attemptId: started.id, position: 0, questionId: question.id, questionVersion: question.version, choiceOrder: ["a", "b", "c", "d"] } });
    const url = `/api/attempts/${started.id}/answers`;
    const base = { position: 0, chosenKeys: ["a"], flagged: false, timeSpentMs: 1000 };
    // A sequence number beyond 64 bits.
    const tooBig = await page.request.post(url, { data: { saves: [{ ...base, seq: "9999999999999999999" }] } });
    expect(tooBig.status()).toBe(422);
    // Served by the edge straight to the route's handler (lib/edge/hot-routes.ts), with the API's own headers.
    expect(tooBig.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(tooBig.headers()["x-content-type-options"]).toBe("nosniff");
    // A body over the route's stated limit is refused before it is parsed.
    const oversized = await page.request.post(url, { headers: { "content-type": "application/json" }, data: `{"saves":[],"pad":"${"x".repeat(70 * 1024)}"}` });
    expect(oversized.status()).toBe(413);
    // Cross-site and unparsable origins.
    expect((await page.request.post(url, { headers: { origin: "null" }, data: { saves: [{ ...base, seq: 5 }] } })).status()).toBe(403);
    expect((await page.request.post(url, { headers: { origin: "https://evil.example" }, data: { saves: [{ ...base, seq: 5 }] } })).status()).toBe(403);
    // No session at all.
    expect((await request.post(url, { data: { saves: [{ ...base, seq: 5 }] } })).status()).toBe(401);
    const item = await db.attemptItem.findFirstOrThrow({ where: { attemptId: started.id } });
    expect(item.chosenKeys).toEqual([]);
    expect(item.saveSeq).toBe(0n);
  });
});

test.describe("password recovery", () => {
  test("forgot password → outbox → new password: signed in here, every other session ended", async ({ page, browser, makeUser }) => {
    const user = await makeUser();
    const elsewhere = await browser.newContext();
    await signInViaApi(elsewhere.request, user.email, user.password);

    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await page.getByLabel("Email").fill(user.email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/If an account uses that email/);
    // The same answer for an address nobody uses.
    await page.getByLabel("Email").fill("nobody-here@example.com");
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText(/If an account uses that email/);

    await page.getByRole("link", { name: "Open the outbox" }).click();
    const message = page.getByRole("listitem").filter({ hasText: user.email }).first();
    await expect(message).toContainText("Reset your Stratus password");
    await message.getByRole("link", { name: /reset-password\?token=/ }).click();
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("recovered-pass-42");
    await page.getByLabel("Confirm new password").fill("recovered-pass-42");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page).toHaveURL(/\/dashboard/);

    expect(await sessionUser(elsewhere.request)).toBeNull();
    await elsewhere.close();
    // The link is spent.
    const outbox = process.env.STRATUS_E2E_OUTBOX ?? path.join(process.cwd(), ".data", `e2e-outbox-${process.env.E2E_PORT ?? "3100"}`);
    const file = readdirSync(outbox).filter((f) => readFileSync(path.join(outbox, f), "utf8").includes(user.email)).pop()!;
    const link = /https?:\/\/\S+/.exec(readFileSync(path.join(outbox, file), "utf8"))![0];
    await page.goto(new URL(link).pathname + new URL(link).search);
    await expect(page.getByText("This reset link has expired or has already been used.")).toBeVisible();
  });
});
