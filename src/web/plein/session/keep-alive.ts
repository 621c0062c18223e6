// Following a live action is work even when nobody types: while the console shows one and its tab is visible,
// it tells the portal so every few minutes (POST with the CSRF token), and the session does not end by
// idleness. A hidden tab or a closed action sends nothing, and the absolute limit still applies. See ADR 0023.
import { announce, announceStatus, extendSession, fetchSessionStatus, SESSION_CHECK } from './session-status.js';

/** At most this long between keep-alives; and never more often than the shortest. */
const LONGEST_MS = 5 * 60_000;
const SHORTEST_MS = 20_000;
/** How often the page looks whether one is due (no request unless one is). */
const TICK_MS = 15_000;

export function keepSessionAliveWhile(isLive: () => boolean): void {
  let last = Date.now();
  // A third of the idle time (known after the first answer), so that one lost request does not end the session.
  let every = LONGEST_MS;
  void fetchSessionStatus().then((status) => {
    if (status?.active) every = intervalFor(Date.parse(status.idleEndsAt) - Date.parse(status.now));
  });

  async function tick(): Promise<void> {
    if (!isLive() || document.visibilityState !== 'visible' || Date.now() - last < every) return;
    last = Date.now();
    const status = await extendSession();
    if (status === null) return;
    if (!status.active) {
      announce(SESSION_CHECK);
      return;
    }
    every = intervalFor(Date.parse(status.idleEndsAt) - Date.parse(status.now));
    announceStatus(status);
  }

  window.setInterval(() => void tick(), TICK_MS);
  document.addEventListener('visibilitychange', () => void tick());
}

function intervalFor(idleMs: number): number {
  return Math.min(LONGEST_MS, Math.max(SHORTEST_MS, Math.floor(idleMs / 3)));
}
