import { seenDayOf } from '../../domain/push/seen-day.js';
import type { PushDeps } from './push-deps.js';

export interface NewPushSubscription {
  readonly endpoint: string;
  readonly p256dh: string;
  readonly auth: string;
}

/**
 * A phone subscribes: it gets an id and a device token (shown once; only its hash is stored). The same endpoint
 * again replaces the earlier subscription, whose id and token stop working.
 */
export async function registerPushSubscription(
  deps: Pick<PushDeps, 'store' | 'clock' | 'ids' | 'tokens' | 'presence' | 'notified'>,
  subscription: NewPushSubscription,
): Promise<{ readonly id: string; readonly deviceToken: string }> {
  const at = deps.clock.now();
  const { token, hash } = deps.tokens.issue();
  const id = deps.ids.newId();
  const { replacedId } = await deps.store.pushSubscriptions.saveSubscription({
    id,
    endpoint: subscription.endpoint,
    p256dh: subscription.p256dh,
    auth: subscription.auth,
    tokenHash: hash,
    createdAt: at,
    lastSeenOn: seenDayOf(at),
  });
  if (replacedId !== null) {
    await deps.presence.forget(replacedId);
    await deps.notified.forgetDevice(replacedId);
  }
  return { id, deviceToken: token };
}
