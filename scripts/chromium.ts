// Debian's Chromium and the flags it runs with here (Playwright's own browser
// download is not reachable): the end-to-end tests (playwright.config.ts) and
// Lighthouse (scripts/lighthouse-chrome.ts) start it the same way.
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumFlags = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
