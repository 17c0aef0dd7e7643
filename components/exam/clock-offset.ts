// How far the server's clock is ahead of this device's, for the countdown. A
// page fresh from the server measures it (and this device remembers it); a copy
// of the page opened offline (public/sw.js) carries an old server time, so it
// uses the last measured offset instead.
const KEY = "stratus:clock-offset";

export function serverClockOffset(serverNow: string, pageIsCopy: boolean, now = Date.now()): number {
  const measured = new Date(serverNow).getTime() - now;
  try {
    if (pageIsCopy) {
      const stored = localStorage.getItem(KEY);
      if (stored !== null && Number.isFinite(Number(stored))) return Number(stored);
    } else {
      localStorage.setItem(KEY, String(measured));
    }
  } catch {
    // Storage disabled: the page's own clock is the best there is.
  }
  return measured;
}
