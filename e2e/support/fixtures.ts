// Test fixtures: users made straight in the database and signed in through
// Auth.js's credentials endpoint, so only the sign-in test clicks the form.
import { randomUUID } from "node:crypto";
import { type APIRequestContext, test as base, expect } from "@playwright/test";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { createPrismaClient } from "@/lib/database/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AccessibilityScanner } from "./accessibility-scanner";
import { e2eDatabaseUrl } from "./env";

export type TestUser = { id: string; email: string; name: string; password: string; role: Role };

export async function signInViaApi(request: APIRequestContext, email: string, password: string): Promise<void> {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email, password, csrfToken, callbackUrl: "/dashboard" },
    maxRedirects: 0,
  });
  expect(response.status(), "credentials sign-in should redirect").toBe(302);
  expect(response.headers()["location"] ?? "").not.toContain("error");
}

/**
 * Waits until the job worker beside the server has recorded what the user's
 * graded attempts teach (mastery, review cards, activity follow a grade by a moment).
 */
export async function learningRecorded(db: PrismaClient, userId: string): Promise<void> {
  await expect
    .poll(() => db.attempt.count({ where: { userId, gradedAt: { not: null }, learningRecordedAt: null } }), { timeout: 20_000, message: "learning job recorded" })
    .toBe(0);
}

type Fixtures = {
  /**
   * axe on every distinct page the test lands on, in every browser context it
   * opens (accessibility-scanner.ts); any serious or critical violation fails
   * the test after it ran. `accessibility.scan(page, note)` checks a state
   * within a page (a dialog, the dark theme) on request.
   */
  accessibility: AccessibilityScanner;
  /** Content-Security-Policy violations the browser reported on any page of the test; must stay empty. */
  cspViolations: string[];
  db: PrismaClient;
  makeUser: (options?: { role?: Role; name?: string }) => Promise<TestUser>;
  signIn: (user: TestUser) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  // Every page a test visits is watched for CSP violations (console errors and
  // securitypolicyviolation events, mermaid diagrams and charts included); any
  // violation fails the test after it ran.
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.exposeBinding("__stratusCspViolation", (_source, text: string) => void violations.push(text));
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) => {
          (window as unknown as { __stratusCspViolation: (t: string) => void }).__stratusCspViolation(
            `${e.violatedDirective} blocked ${e.blockedURI || "inline"} on ${location.pathname}`,
          );
        });
      });
      context.on("console", (message) => {
        if (message.type() === "error" && /Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  accessibility: [
    async ({ context, browser }, use) => {
      const scanner = new AccessibilityScanner();
      scanner.watch(context);
      // Contexts the test opens itself (a second user) are watched too.
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const made = await newContext.apply(browser, args);
        scanner.watch(made);
        return made;
      };
      try {
        await use(scanner);
      } finally {
        browser.newContext = newContext;
      }
      await scanner.finish();
      expect(scanner.failures, "serious or critical accessibility violations (axe, WCAG 2.0/2.1 A and AA)").toEqual([]);
    },
    { auto: true },
  ],
  db: async ({}, use) => {
    const db = createPrismaClient({ url: e2eDatabaseUrl(), max: 2 });
    await use(db);
    await db.$disconnect();
  },
  makeUser: async ({ db }, use) => {
    const made: string[] = [];
    await use(async ({ role = "STUDENT", name = "Test Student" } = {}) => {
      const suffix = randomUUID().slice(0, 8);
      const user = { id: `e2e-${suffix}`, email: `e2e-${suffix}@example.com`, name, password: `pass-${suffix}-word`, role };
      await db.user.create({
        data: { id: user.id, email: user.email, name, role, passwordHash: await hashPassword(user.password) },
      });
      made.push(user.id);
      return user;
    });
    // Classes first: a class keeps its instructor (and its students' attempts keep their assignment).
    // The job worker may still be recording a graded attempt's learning for these users, and the
    // cascade can then deadlock with it (seen once: "deadlock detected" here): PostgreSQL rolls one
    // side back, so the deletion is tried again.
    for (let attempt = 1; ; attempt++) {
      try {
        await db.class.deleteMany({ where: { instructorId: { in: made } } });
        await db.user.deleteMany({ where: { id: { in: made } } });
        break;
      } catch (error) {
        if (attempt >= 3 || !String(error).includes("deadlock detected")) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  },
  signIn: async ({ page }, use) => {
    await use(async (user) => signInViaApi(page.request, user.email, user.password));
  },
});

export { expect };
