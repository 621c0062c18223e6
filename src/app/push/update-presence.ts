import type { PresenceCell } from '../../domain/push/presence-cell.js';
import { seenDayOf } from '../../domain/push/seen-day.js';
import type { PresentDevice } from '../ports/presence-index.js';
import type { PushError } from '../../domain/push/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { PushDeps } from './push-deps.js';

/** The subscription, when the token is its own. */
export async function authenticDevice(
  deps: Pick<PushDeps, 'store' | 'clock' | 'tokens' | 'presence'>,
  subscriptionId: string,
  deviceToken: string,
): Promise<PresentDevice | null> {
  const hash = deps.tokens.hashOf(deviceToken);
  if (hash === null) return null;
  const present = await deps.presence.find(subscriptionId, deps.clock.now());
  if (present !== null && present.tokenHash === hash) return present;
  const stored = await deps.store.pushSubscriptions.findSubscription(subscriptionId);
  if (stored === null || stored.tokenHash !== hash) return null;
  return {
    target: { subscriptionId: stored.id, endpoint: stored.endpoint, p256dh: stored.p256dh, auth: stored.auth },
    tokenHash: hash,
  };
}

/**
 * The phone says which cell it is in now. The cell goes into memory only, for the presence time-to-live; a
 * phone that comes into a new cell gets the alerts of active actions there that it has not had.
 */
export async function updatePresence(
  deps: PushDeps,
  subscriptionId: string,
  deviceToken: string,
  cell: PresenceCell,
): Promise<Result<void, PushError>> {
  const wasPresent = (await deps.presence.find(subscriptionId, deps.clock.now())) !== null;
  const device = await authenticDevice(deps, subscriptionId, deviceToken);
  if (device === null) return fail({ code: 'push.unknown-device' });
  const at = deps.clock.now();
  // Read from the store only when the phone was not present: the day it was seen is written at most once per time-to-live.
  if (!wasPresent) await deps.store.pushSubscriptions.noteSeen(subscriptionId, seenDayOf(at));
  if ((await deps.presence.mark(device, cell, at)) === 'arrived') deps.onArrival(device.target, cell);
  return ok(undefined);
}
