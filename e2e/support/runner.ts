// Acting on the exam runner as a student does, whatever the question's kind.
import type { Page } from "@playwright/test";

/**
 * Gives a complete answer to the current question, whatever its kind: the first
 * choices (as many as it asks for), the order as shown, the first option for
 * every match, or a number.
 */
export async function answerCurrent(page: Page) {
  const card = page.getByRole("group", { name: /Question \d+/ });
  if (await card.getByRole("button", { name: "This order is my answer" }).count()) {
    await card.getByRole("button", { name: "This order is my answer" }).click();
    return;
  }
  const selects = card.locator("select");
  if (await selects.count()) {
    for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
    return;
  }
  if (await card.getByLabel(/^Your answer/).count()) {
    await card.getByLabel(/^Your answer/).fill("1");
    return;
  }
  const choices = card.locator("input[type=radio], input[type=checkbox]");
  const choose = card.getByText(/^Choose \d/);
  const count = (await choose.count()) > 0 ? Number(/Choose (\d)/.exec((await choose.textContent()) ?? "")?.[1] ?? 1) : 1;
  for (let i = 0; i < count; i++) await choices.nth(i).check();
}

/** The runner's save indicator ("All answers saved", "Offline — will retry (2 unsent)", …). */
export const saveState = (page: Page) => page.locator("[data-save-state]");
