import type { PushError } from '../../domain/push/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { PushDeps } from './push-deps.js';
import { authenticDevice } from './update-presence.js';

/** The phone unsubscribes: the row, its presence and its place in every notified set go. */
export async function removePushSubscription(
  deps: Pick<PushDeps, 'store' | 'clock' | 'tokens' | 'presence' | 'notified'>,
  subscriptionId: string,
  deviceToken: string,
): Promise<Result<void, PushError>> {
  const device = await authenticDevice(deps, subscriptionId, deviceToken);
  if (device === null) return fail({ code: 'push.unknown-device' });
  await deps.store.pushSubscriptions.deleteSubscriptions([subscriptionId]);
  await deps.presence.forget(subscriptionId);
  await deps.notified.forgetDevice(subscriptionId);
  return ok(undefined);
}
