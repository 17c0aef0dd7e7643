import type { Page } from "@playwright/test";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { answerCurrent } from "./support/answers";
import { expect, test } from "./support/fixtures";

// The first lesson of domain 1: a mermaid diagram, and "Check yourself" asks
// two single-answer questions and one multiple-response question. The KMS
// lesson's check starts with an ordering and a numeric item; the SNS/EventBridge
// lesson's with two matching items.
const LESSON_ID = "event-driven-architecture";

async function lessonQuestions(db: PrismaClient, lessonId: string) {
  return db.question.findMany({
    where: { lessonId, retiredAt: null, pool: "MAIN" },
    orderBy: { id: "asc" },
    take: 3,
    select: {
      id: true,
      type: true,
      stem: true,
      practice: true,
      choices: { orderBy: { position: "asc" }, select: { key: true, correct: true, explanation: true } },
    },
  });
}

async function domainOneTotal(db: PrismaClient) {
  return db.lesson.count({ where: { domainId: "dva-c02:1", retiredAt: null } });
}

/** Picks the given keys in a "Check yourself" question (the choices are shuffled; their inputs carry the keys). */
async function choose(page: Page, position: number, keys: string[]) {
  const question = page.getByRole("form", { name: new RegExp(`question ${position} of 3`, "i") });
  for (const key of keys) await question.locator(`input[value="${key}"]`).check();
  return question;
}

test.describe("learn", () => {
  test("a student reads a lesson, checks themselves, marks it complete and sees the domain progress move", async ({
    page,
    db,
    makeUser,
    signIn,
  }) => {
    test.setTimeout(120_000);
    await signIn(await makeUser());
    const total = await domainOneTotal(db);

    await page.goto("/learn");
    await expect(page.getByRole("heading", { name: "Learn", level: 1 })).toBeVisible();
    const domainOneProgress = page.getByRole("progressbar", { name: "Domain 1 progress" });
    await expect(domainOneProgress).toHaveAttribute("aria-valuenow", "0");
    await expect(domainOneProgress).toHaveAttribute("aria-valuetext", `0 of ${total} lessons complete`);
    await expect(page.getByText(`0 of ${total} lessons complete`)).toBeVisible();
    await expect(page.getByText("32% of the exam").first()).toBeVisible();

    const domainOne = page.getByRole("region", { name: /^Domain 1:/ });
    await domainOne.getByRole("link", { name: /Event-driven, loosely coupled architectures on AWS/ }).click();
    await expect(page).toHaveURL(new RegExp(`/learn/${LESSON_ID}$`));
    await expect(page.getByRole("heading", { level: 1, name: "Event-driven, loosely coupled architectures on AWS" })).toBeVisible();
    await expect(page.getByText("Task 1.1:")).toBeVisible();
    await expect(page.getByRole("navigation", { name: "On this page" }).getByRole("link", { name: "Exam tips" })).toBeVisible();
    // The diagram is drawn in the browser and named for screen readers.
    await expect(page.getByRole("img", { name: /^Flowchart: Order service, SNS topic orders/ })).toBeVisible();
    await expect(page.locator(".lesson-diagram-canvas svg")).toBeVisible();

    // Check yourself: right, wrong, then a multiple-response question answered right.
    const questions = await lessonQuestions(db, LESSON_ID);
    expect(questions.map((q) => q.type)).toEqual(["SINGLE", "SINGLE", "MULTIPLE"]);
    const correctKeys = questions.map((q) => q.choices.filter((c) => c.correct).map((c) => c.key));
    const wrongKey = questions[1]!.choices.find((c) => !c.correct)!.key;

    const first = await choose(page, 1, correctKeys[0]!);
    await first.getByRole("button", { name: "Check answer" }).click();
    await expect(first.getByRole("status")).toHaveText("Correct.");
    await expect(first.getByText("Correct answer.")).toBeVisible();

    const second = await choose(page, 2, [wrongKey]);
    await second.getByRole("button", { name: "Check answer" }).click();
    // The letter is the one the student sees beside the right choice.
    const rightLetter = (await second.locator(`label:has(input[value="${correctKeys[1]![0]}"]) [aria-hidden]`).first().textContent())!.replace(".", "");
    await expect(second.getByRole("status")).toHaveText(`Incorrect. The correct answer is ${rightLetter}.`);
    await expect(second.getByText("Your choice, not correct.")).toBeVisible();
    // Every choice's explanation is shown once the question is checked.
    for (const choice of questions[1]!.choices) await expect(second.getByText(choice.explanation)).toBeVisible();

    const third = page.getByRole("form", { name: /question 3 of 3/i });
    const need = correctKeys[2]!.length;
    await expect(third.getByText(`Choose ${need}.`)).toBeVisible();
    // Asking to check too early says how far the answer is.
    await third.locator(`input[value="${correctKeys[2]![0]}"]`).check();
    await third.getByRole("button", { name: "Check answer" }).click();
    await expect(third.getByRole("alert")).toHaveText(`Finish your answer first: 1 of ${need} chosen.`);
    for (const key of correctKeys[2]!.slice(1)) await third.locator(`input[value="${key}"]`).check();
    // No more than N can be chosen: another click says why it did not take.
    const unchosen = third.locator(`input[value="${questions[2]!.choices.find((c) => !c.correct)!.key}"]`);
    await unchosen.click();
    await expect(third.getByText(`You have chosen ${need} of ${need}. Clear one of your choices to pick another.`)).toBeVisible();
    await expect(unchosen).not.toBeChecked();
    await third.getByRole("button", { name: "Check answer" }).click();
    await expect(third.getByRole("status")).toHaveText("Correct.");
    for (const choice of questions[2]!.choices) await expect(third.getByText(choice.explanation)).toBeVisible();
    await expect(page.getByText("You answered 2 of 3 correctly.")).toBeVisible();

    // Mark complete, then see it on the Learn page.
    await page.getByRole("button", { name: "Mark complete" }).click();
    await expect(page.getByRole("heading", { name: "You have completed this lesson" })).toBeVisible();
    await expect(page.getByText("Lesson marked complete.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Mark as not complete" })).toBeVisible();

    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Learn" }).click();
    await expect(page).toHaveURL(/\/learn$/);
    await expect(domainOneProgress).toHaveAttribute("aria-valuenow", "1");
    await expect(page.getByText(`1 of ${total} lessons complete`)).toBeVisible();
    await expect(domainOne.getByRole("link", { name: /Event-driven, loosely coupled architectures on AWS.*Completed/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Continue: Resilient code/ })).toBeVisible();

    // And undo it.
    await page.goto(`/learn/${LESSON_ID}`);
    await page.getByRole("button", { name: "Mark as not complete" }).click();
    await expect(page.getByRole("button", { name: "Mark complete" })).toBeVisible();
    await page.goto("/learn");
    await expect(domainOneProgress).toHaveAttribute("aria-valuenow", "0");
  });

  test("search finds a lesson by a word from its body, and says when nothing matches", async ({ page, makeUser, signIn }) => {
    await signIn(await makeUser());
    await page.goto("/learn");
    await page.getByRole("searchbox", { name: "Search lessons" }).fill("ApplicationStop");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/learn\/search\?q=ApplicationStop$/);
    await expect(page.getByRole("heading", { name: "1 lesson for “ApplicationStop”" })).toBeVisible();
    const result = page.getByRole("link", { name: "CodeDeploy, the AppSpec file and lifecycle hooks" });
    await expect(result).toBeVisible();
    await expect(page.locator("mark").first()).toHaveText(/ApplicationStop/i);
    await result.click();
    await expect(page.getByRole("heading", { level: 1, name: "CodeDeploy, the AppSpec file and lifecycle hooks" })).toBeVisible();

    await page.goto("/learn/search?q=zyzzyvaquux");
    await expect(page.getByRole("heading", { name: "No lessons match “zyzzyvaquux”" })).toBeVisible();
    await page.goto("/learn/search");
    await expect(page.getByRole("heading", { name: "What do you want to learn about?" })).toBeVisible();
    await page.goto(`/learn/search?q=${"a".repeat(101)}`);
    await expect(page.getByText("Use 100 characters or fewer.")).toBeVisible();
  });

  test("Check yourself asks ordering, numeric and matching items too, laid out the same after a reload, answered with the exam's controls", async ({
    page,
    db,
    makeUser,
    signIn,
  }) => {
    test.setTimeout(180_000);
    await signIn(await makeUser());
    const SHOTS = "test-results/items";
    for (const lessonId of ["kms-envelope-encryption", "sns-eventbridge-fanout"]) {
      const questions = await lessonQuestions(db, lessonId);
      expect(questions.map((q) => q.type)).toEqual(lessonId.startsWith("kms") ? ["ORDERING", "NUMERIC", "SINGLE"] : ["MATCHING", "MATCHING", "SINGLE"]);
      const form = (n: number) => page.getByRole("form", { name: new RegExp(`question ${n} of 3`, "i") });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`/learn/${lessonId}`);
      await expect(page.getByRole("heading", { name: "Check yourself" })).toBeVisible();
      // The same layout after a reload (seeded per student and question).
      const shown = [await form(1).innerText(), await form(2).innerText()];
      await page.reload();
      expect([await form(1).innerText(), await form(2).innerText()]).toEqual(shown);
      const checkYourself = page.getByRole("region", { name: "Check yourself" });
      await checkYourself.screenshot({ path: `${SHOTS}/lesson-check-${lessonId}-1280.png` });

      // Right, wrong, right.
      for (const n of [1, 2, 3]) {
        const right = n !== 2;
        await answerCurrent(page, { scope: form(n), key: { db, questionId: questions[n - 1]!.id, right } });
        await form(n).getByRole("button", { name: "Check answer" }).click();
        await expect(form(n).getByRole("status")).toHaveText(right ? "Correct." : /^Incorrect\./);
      }
      for (const n of [1, 2]) {
        const { explanation } = questions[n - 1]!.practice as { explanation: string };
        await expect(form(n).getByText(explanation)).toBeVisible();
      }
      await expect(page.getByText("You answered 2 of 3 correctly.")).toBeVisible();
      await checkYourself.screenshot({ path: `${SHOTS}/lesson-check-${lessonId}-answered-1280.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await checkYourself.screenshot({ path: `${SHOTS}/lesson-check-${lessonId}-answered-390.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.reload();
      await checkYourself.screenshot({ path: `${SHOTS}/lesson-check-${lessonId}-390.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
  });

  test("the lesson page's HTML and RSC payload carry no answers or explanations", async ({ page, db, makeUser, signIn }) => {
    await signIn(await makeUser());
    const questions = await lessonQuestions(db, LESSON_ID);
    const allChoices = await db.choice.findMany({ where: { question: { lessonId: LESSON_ID } }, select: { explanation: true } });
    expect(allChoices.length).toBeGreaterThan(0);

    const escapeHtml = (s: string) =>
      s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#x27;");
    const json = (s: string) => JSON.stringify(s).slice(1, -1);
    // Raw, HTML-escaped, JSON-escaped (RSC rows) and JSON-in-JSON (the payload inlined in the HTML).
    const forms = (s: string) => [s, escapeHtml(s), json(s), json(json(s))];

    const html = await (await page.request.get(`/learn/${LESSON_ID}`)).text();
    const rscResponse = await page.request.get(`/learn/${LESSON_ID}`, { headers: { RSC: "1" } });
    expect(rscResponse.headers()["content-type"]).toContain("text/x-component");
    const rsc = await rscResponse.text();

    // A lesson whose check asks an ordering and a numeric item: its explanations and steps' order stay home too.
    const practiceLesson = "kms-envelope-encryption";
    const practice = (await lessonQuestions(db, practiceLesson)).flatMap((q) => (q.practice ? [q.practice as { explanation: string }] : []));
    expect(practice.length).toBe(2);
    const practiceHtml = await (await page.request.get(`/learn/${practiceLesson}`)).text();
    const practiceRsc = await (await page.request.get(`/learn/${practiceLesson}`, { headers: { RSC: "1" } })).text();
    for (const body of [practiceHtml, practiceRsc]) {
      for (const { explanation } of practice) for (const form of forms(explanation)) expect(body.includes(form), `leaks: ${explanation}`).toBe(false);
      expect(body).not.toMatch(/\\?"(answer|tolerance|pairs|correctResponse)\\?"\s*:/);
    }

    for (const [name, body] of [
      ["html", html],
      ["rsc", rsc],
    ] as const) {
      // The page really is the lesson with its questions (so the absence below means something)…
      expect(forms(questions[0]!.stem).some((f) => body.includes(f)), `${name} has the first stem`).toBe(true);
      // …and not one explanation of the lesson's questions, in any encoding, nor a correct flag.
      for (const { explanation } of allChoices) {
        for (const form of forms(explanation)) expect(body.includes(form), `${name} leaks: ${explanation}`).toBe(false);
      }
      expect(body).not.toMatch(/\\?"correct\\?"\s*:/);
      expect(body).not.toMatch(/\\?"explanations?\\?"\s*:/);
      expect(body).not.toMatch(/\\?"correctKeys\\?"\s*:/);
    }
  });

  test("an unknown lesson is a 404", async ({ page, makeUser, signIn }) => {
    await signIn(await makeUser());
    const response = await page.goto("/learn/no-such-lesson");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  });
});

test.describe("wide lesson content", () => {
  const CODEDEPLOY = "codedeploy-appspec-hooks";
  const SHOTS = "test-results/ux-learning";

  for (const width of [1280, 390]) {
    test(`at ${width} px the CodeDeploy flowchart shows there is more, scrolls from the keyboard and opens full size`, async ({ page, makeUser, signIn }) => {
      await signIn(await makeUser());
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      await page.goto(`/learn/${CODEDEPLOY}`);
      const drawing = page.getByRole("img", { name: /^Flowchart: / }).first();
      // Mermaid is loaded and drawn in the browser after the page: on this shared machine that has taken over 10 s.
      await expect(drawing).toBeVisible({ timeout: 30_000 });
      // The first diagram: the EC2 hook flowchart, 13 hooks in a row.
      const figure = page.locator("figure.lesson-diagram").first();
      const region = figure.getByRole("region", { name: /^Flowchart: / });

      // The cue: a hint the region is described by, and a shadow on the side that continues.
      const hint = figure.getByText(/Scroll sideways to see all of it/);
      await expect(hint).toBeVisible();
      await expect(region).toHaveAttribute("aria-describedby", (await hint.locator("xpath=ancestor-or-self::p").getAttribute("id"))!);
      await expect(figure.locator(".wide-content-shadow-right")).toHaveClass(/is-visible/);
      await expect(figure.locator(".wide-content-shadow-left")).not.toHaveClass(/is-visible/);

      // Keyboard: the region takes focus and scrolls with the arrow keys.
      await region.focus();
      await expect(region).toBeFocused();
      for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
      await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
      await expect(figure.locator(".wide-content-shadow-left")).toHaveClass(/is-visible/);
      // Scrolled to the far end, the right edge's shadow goes: nothing more that way.
      await region.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
      await expect(figure.locator(".wide-content-shadow-right")).not.toHaveClass(/is-visible/);
      await region.evaluate((el) => (el.scrollLeft = 0));
      await figure.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/lesson-codedeploy-diagram-${width}.png` });

      // The page itself never scrolls sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

      // Open full size from the keyboard: a named dialog with the diagram at its natural width; Escape closes it.
      const open = figure.getByRole("button", { name: "Open full size" });
      await open.focus();
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: /^Flowchart: / });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("button", { name: "Close" })).toBeFocused();
      const full = dialog.getByRole("img", { name: /^Flowchart: / });
      const natural = await full.evaluate((el) => el.querySelector("svg")!.getBoundingClientRect().width);
      expect(natural).toBeGreaterThan(1800);
      await page.screenshot({ path: `${SHOTS}/lesson-codedeploy-full-size-${width}.png` });
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(open).toBeFocused();
    });
  }

  test("the comparison table has a heading in every header cell, and the lesson passes axe at phone width", async ({ page, accessibility, makeUser, signIn }) => {
    await signIn(await makeUser());
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/learn/${CODEDEPLOY}`);
    await expect(page.locator(".lesson-diagram-canvas svg").first()).toBeVisible();
    const table = page.getByRole("region", { name: /^Table: Aspect, EC2\/on-premises, AWS Lambda, Amazon ECS/ });
    await expect(table).toBeVisible();
    const headers = await table.locator("th").allTextContents();
    expect(headers.every((h) => h.trim() !== "")).toBe(true);
    // At 390 px the table is wider than the column: the same cue and full-size dialog.
    await expect(page.locator(".lesson-table").filter({ has: table }).getByRole("button", { name: "Open full size" })).toBeVisible();
    expect(await accessibility.scan(page, "phone width")).toEqual([]);
  });

  test("ARNs and long identifiers in a lesson wrap on a phone", async ({ page, makeUser, signIn }) => {
    await signIn(await makeUser());
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lesson of ["roles-sts-cross-account", "iam-policies-and-evaluation", CODEDEPLOY]) {
      await page.goto(`/learn/${lesson}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), lesson).toBeLessThanOrEqual(390);
    }
  });
});
