/** How long an API token may live: chosen when it is made, never longer than a year (security finding 10). */
export const MAX_API_TOKEN_DAYS = 365;
/** Beheer is told of tokens that stop working within this many days. */
export const API_TOKEN_WARNING_DAYS = 14;

const DAY_MS = 86_400_000;

export interface ApiTokenLifetime {
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

/** A token made now that lives `days` whole days; null for anything but 1 to MAX_API_TOKEN_DAYS. */
export function apiTokenLifetime(now: Date, days: number): ApiTokenLifetime | null {
  if (!Number.isInteger(days) || days < 1 || days > MAX_API_TOKEN_DAYS) return null;
  return { createdAt: now, expiresAt: new Date(now.getTime() + days * DAY_MS) };
}

export type ApiTokenState = 'valid' | 'expiring-soon' | 'expired';

/** A token works until (not at) its expiry; in its last API_TOKEN_WARNING_DAYS it is expiring soon. */
export function apiTokenState(expiresAt: Date, now: Date): ApiTokenState {
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left <= API_TOKEN_WARNING_DAYS * DAY_MS ? 'expiring-soon' : 'valid';
}
