import type { BroadcastOutcome } from '../../../app/ports/broadcast-channel.js';

/**
 * What an HTTP answer means for the event (Standard Webhooks, "Delivery success and failure"): 2xx delivered; a
 * redirect is not followed (the partner should give us its new URL); 408, 425, 429 and 5xx are passing trouble,
 * tried again; every other 4xx refuses this event for good, and the next one goes on.
 */
export function outcomeOfAnswer(status: number, retryAfter: string | undefined, now: Date): BroadcastOutcome {
  if (status >= 200 && status <= 299) return { kind: 'delivered', status };
  if (status >= 300 && status <= 399) return { kind: 'rejected', reason: 'redirect-not-followed', status };
  if (status === 408 || status === 425 || status === 429 || (status >= 500 && status <= 599)) {
    return { kind: 'retry', reason: `http-${status}`, status, retryAfterMs: retryAfterMs(retryAfter, now) };
  }
  // 409 is refused too: receivers use it for "already have this id", and retrying that would hold every later event.
  if (status >= 400 && status <= 499) return { kind: 'rejected', reason: `http-${status}`, status };
  // 1xx as a final answer or a number outside HTTP: a broken peer or proxy, likely to pass.
  return { kind: 'retry', reason: 'invalid-http-status', status, retryAfterMs: null };
}

/** RFC 9110 §10.2.3: delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date form begins with the day's name; Date.parse alone would read "1.5" as a date.
  if (!/^[A-Za-z]{3,9},? /.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
