// Runs axe (WCAG 2.0/2.1 A and AA) on every distinct page a test lands on, in
// every browser context of the test: after each main-frame navigation (full
// loads and client-side route changes alike) has settled, once per page
// pattern (accessibility.ts). Scans run beside the test; the fixture waits for
// them, scans whatever page is still open at the end, and fails the test on any
// serious or critical violation (fixtures.ts).
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { AXE_TAGS, failingViolations, pagePattern } from "./accessibility";

/** Quiet time after a navigation before the page is scanned. */
const SETTLE_MS = 600;
/** The app's loading skeletons (runner, lazy charts, lesson list): a page showing one has not settled. */
const LOADING = ".animate-pulse";

/** Resolves when the page closes (its context closing closes it too). */
function untilClosed(page: Page): Promise<void> {
  return new Promise((resolve) => {
    if (page.isClosed()) resolve();
    else page.once("close", () => resolve());
  });
}

export class AccessibilityScanner {
  /** Serious or critical violations found so far, one line per element. */
  readonly failures: string[] = [];
  /** Page patterns scanned in this test. */
  readonly scanned = new Set<string>();
  private readonly timers = new Map<Page, ReturnType<typeof setTimeout>>();
  private readonly running = new Set<Promise<void>>();
  private readonly pages = new Set<Page>();
  /** Main-frame navigations per page: a reload keeps the URL, so the URL alone cannot tell that a scan's page went away. */
  private readonly navigations = new Map<Page, number>();

  watch(context: BrowserContext): void {
    for (const page of context.pages()) this.watchPage(page);
    context.on("page", (page) => this.watchPage(page));
  }

  private watchPage(page: Page): void {
    if (this.pages.has(page)) return;
    this.pages.add(page);
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      this.navigations.set(page, (this.navigations.get(page) ?? 0) + 1);
      this.schedule(page);
    });
    page.on("close", () => {
      clearTimeout(this.timers.get(page));
      this.timers.delete(page);
      this.pages.delete(page);
      this.navigations.delete(page);
    });
  }

  private schedule(page: Page): void {
    clearTimeout(this.timers.get(page));
    this.timers.set(
      page,
      setTimeout(() => {
        this.timers.delete(page);
        this.track(this.scanOnce(page), page);
      }, SETTLE_MS),
    );
  }

  /**
   * Runs a scan until it ends or its page closes: closing a browser context
   * while axe runs in one of its pages can leave Playwright's evaluate
   * pending for good, and the test's teardown would wait for it forever.
   */
  private track(scan: Promise<void>, page: Page): void {
    scan = Promise.race([scan, untilClosed(page)]);
    this.running.add(scan);
    void scan.finally(() => this.running.delete(scan));
  }

  /** Scans the page unless its pattern was already scanned in this test. */
  private async scanOnce(page: Page): Promise<void> {
    if (page.isClosed()) return;
    const url = page.url();
    if (!/^https?:/.test(url) || this.scanned.has(pagePattern(url))) return;
    const navigation = this.navigations.get(page) ?? 0;
    const moved = () => page.url() !== url || (this.navigations.get(page) ?? 0) !== navigation;
    try {
      await page.waitForLoadState("load", { timeout: 15_000 });
      await page.waitForFunction((loading) => !document.querySelector(loading), LOADING, { timeout: 15_000 }).catch(() => undefined);
      if (moved()) return; // moved on (or reloaded): that navigation schedules its own scan
      const found = await this.analyze(page, pagePattern(url));
      if (moved()) return; // navigated mid-scan: the result may mix two documents, or see one half loaded
      this.scanned.add(pagePattern(url));
      this.failures.push(...found);
    } catch {
      // Closed or navigated mid-scan: a later navigation, or finish(), scans it again.
    }
  }

  private async analyze(page: Page, where: string): Promise<string[]> {
    // Violations only: axe skips collecting passes, which keeps each scan short beside the test.
    const results = await new AxeBuilder({ page }).withTags([...AXE_TAGS]).options({ resultTypes: ["violations"] }).analyze();
    return failingViolations(results.violations, where);
  }

  /**
   * Scans the page as it is now, pattern seen or not (a dialog open, the dark
   * theme), adding what it finds to the failures; returns what it found.
   */
  async scan(page: Page, note: string): Promise<string[]> {
    const found = await this.analyze(page, `${pagePattern(page.url())} (${note})`);
    this.failures.push(...found);
    return found;
  }

  /** Removes and returns the failures found so far (the checker's own test). */
  take(): string[] {
    return this.failures.splice(0);
  }

  /** Waits for running scans, then scans every open page whose pattern is not yet scanned. */
  async finish(): Promise<void> {
    for (const [page, timer] of this.timers) {
      clearTimeout(timer);
      this.track(this.scanOnce(page), page);
    }
    this.timers.clear();
    while (this.running.size) await Promise.all([...this.running]);
    for (const page of this.pages) if (!page.isClosed()) await Promise.race([this.scanOnce(page), untilClosed(page)]);
  }
}
