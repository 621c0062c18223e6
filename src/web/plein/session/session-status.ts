// The portal's answer to "when does my session end?" (GET /plein/sessie, which does not count as activity) and
// "keep me logged in" (POST /plein/sessie/verlengen, with the CSRF token). Shared by the session script on every
// page and the console's keep-alive, which talk through events on `document`.
import { csrfToken } from '../../csrf-token.js';

/** Times are the server's, as ISO strings: the page compares them with the server's `now`, never its own clock. */
export type SessionStatus =
  | { readonly active: false }
  | {
      readonly active: true;
      readonly now: string;
      /** When the session ends without another request. */
      readonly idleEndsAt: string;
      /** The absolute limit, which nothing moves. */
      readonly endsAt: string;
      /** How long before the end to warn. */
      readonly warnSeconds: number;
    };

/** The session has ended (the page heard it from the server): whatever was typed is kept now. */
export const SESSION_ENDED = 'burgernet:sessie-verlopen';
/** Something suggests the session may have ended (a live stream said so): the session script asks the server. */
export const SESSION_CHECK = 'burgernet:sessie-controleren';
/** A fresh status (`detail`) after a keep-alive: the session script moves its warning. */
export const SESSION_STATUS = 'burgernet:sessie-status';

async function ask(method: 'GET' | 'POST', path: string): Promise<SessionStatus | null> {
  try {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: method === 'POST' ? { 'x-csrf-token': csrfToken() } : {},
    });
    if (!response.ok) return null;
    // Our own route's JSON.
    return (await response.json()) as SessionStatus;
  } catch {
    // Offline for a moment: the caller tries again later.
    return null;
  }
}

/** The session's status, or null when the server could not be asked. */
export function fetchSessionStatus(): Promise<SessionStatus | null> {
  return ask('GET', '/plein/sessie');
}

/** Counts as activity: the idle timeout starts again (the absolute limit stays). */
export function extendSession(): Promise<SessionStatus | null> {
  return ask('POST', '/plein/sessie/verlengen');
}

export function announce(name: typeof SESSION_ENDED | typeof SESSION_CHECK): void {
  document.dispatchEvent(new Event(name));
}

export function announceStatus(status: SessionStatus): void {
  document.dispatchEvent(new CustomEvent<SessionStatus>(SESSION_STATUS, { detail: status }));
}
