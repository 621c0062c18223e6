/**
 * A known device: a browser in which a staff member completed a login. It holds a random token per account
 * that logged in there (a meldkamer's workstation is shared by the centralists of each shift); that account's
 * slowdown after failed logins does not apply to it (login-throttle.ts).
 */

/** How long a browser stays known after its latest complete login. */
export const KNOWN_DEVICE_DAYS = 90;
/** The most known devices one account keeps: a new one pushes out the oldest. */
export const KNOWN_DEVICES_PER_ACCOUNT = 10;
/** The most tokens one browser keeps (one per account that logged in there): a new one pushes out the oldest. */
export const DEVICE_TOKENS_PER_BROWSER = 10;

export const knownDeviceMs = KNOWN_DEVICE_DAYS * 24 * 60 * 60_000;

/** The browser's tokens after a complete login: the account's previous token (if any) gives way to the new one, last. */
export function deviceTokensAfterLogin(
  previous: readonly string[],
  replaced: string | null,
  fresh: string,
): readonly string[] {
  return [...previous.filter((token) => token !== replaced && token !== fresh), fresh].slice(
    -DEVICE_TOKENS_PER_BROWSER,
  );
}
