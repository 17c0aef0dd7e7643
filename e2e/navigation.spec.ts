import { expect, test } from "./support/fixtures";

// Links prefetch on intent (components/ui/link.tsx): loading a page asks the
// server for that page alone, not for every page its links point to; a pointer
// over a link, or focus on it, prefetches that page; the click then navigates
// in place (no full reload).
test("links prefetch a page only when the reader points at or focuses them", async ({ page, makeUser, signIn }) => {
  const user = await makeUser({ name: "Nia Navigator" });
  await signIn(user);
  const prefetched: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.searchParams.has("_rsc")) prefetched.push(url.pathname);
  });

  await page.goto("/dashboard", { waitUntil: "networkidle" });
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Exams" }).hover();
  await expect.poll(() => prefetched, { message: "hovering Exams prefetches it" }).toContain("/exams");
  await nav.getByRole("link", { name: "Learn" }).focus();
  await expect.poll(() => prefetched, { message: "focusing Learn prefetches it" }).toContain("/learn");
  // Practice, Classes and the dashboard's own cards were in view all along and were not asked for.
  expect([...new Set(prefetched)].sort()).toEqual(["/exams", "/learn"]);

  await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  await nav.getByRole("link", { name: "Exams" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Exams" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere), "navigated without a full reload").toBe(true);
});
