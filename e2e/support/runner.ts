// Reading the exam runner as a student does. (Answering: answers.ts.)
import type { Page } from "@playwright/test";

/** The runner's save indicator ("All answers saved", "Offline — will retry (2 unsent)", …). */
export const saveState = (page: Page) => page.locator("[data-save-state]");
