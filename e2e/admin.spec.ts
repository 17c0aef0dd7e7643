// The admin console in Chromium: find a user, promote them, see it in the audit log.
import { expect, test } from "./support/fixtures";

test("an admin promotes a student to instructor and the audit log says so; a student cannot open the console", async ({ page, makeUser, signIn, db }) => {
  const admin = await makeUser({ role: "ADMIN", name: "Ada Admin" });
  const student = await makeUser({ name: "Pat Promoted" });
  await signIn(admin);
  await page.goto("/admin");
  await page.getByRole("searchbox", { name: "Search by name or email" }).fill(student.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("1 user.")).toBeVisible();
  await page.getByLabel("Role of Pat Promoted").selectOption("INSTRUCTOR");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText("Role changed to instructor.")).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: student.id } })).role).toBe("INSTRUCTOR");
  await page.goto("/admin");
  await expect(page.getByRole("region", { name: "Audit log" })).toContainText(`${admin.email} changed the role of ${student.email} (role: STUDENT → role: INSTRUCTOR)`);
  await page.screenshot({ path: "test-results/admin-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await page.screenshot({ path: "test-results/admin-phone.png", fullPage: true });
  await db.auditLog.deleteMany({ where: { actorId: admin.id } });

  await page.context().clearCookies();
  const other = await makeUser();
  await signIn(other);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});
