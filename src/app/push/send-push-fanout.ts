import { addPushCounts, NO_PUSH_COUNTS, type PushCounts } from '../../domain/push/push-progress.js';
import type { Clock } from '../ports/clock.js';
import type { NotifiedDevices } from '../ports/notified-devices.js';
import type { PresenceIndex } from '../ports/presence-index.js';
import type { OutboundPush, PushChannel, PushOutcome, PushTarget } from '../ports/push-channel.js';
import type { Store } from '../ports/stores.js';

export interface PushSendDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly channel: PushChannel;
  readonly presence: PresenceIndex;
  readonly notified: NotifiedDevices;
}

/**
 * Sends one push to every target and keeps the numbers: added to the store every `flushMs` (so the
 * centralist sees them grow) and at the end. Subscriptions the push service says are gone are removed, with
 * their presence and their place in the notified sets.
 */
export async function sendPushFanout(
  deps: PushSendDeps,
  targets: readonly PushTarget[],
  push: OutboundPush,
  options: {
    readonly flushMs: number;
    readonly record: (counts: PushCounts) => Promise<void>;
    readonly onOutcome?: (target: PushTarget, outcome: PushOutcome) => void;
  },
): Promise<PushCounts> {
  let pending = NO_PUSH_COUNTS;
  let total = NO_PUSH_COUNTS;
  let gone: string[] = [];
  let flushing: Promise<void> = Promise.resolve();

  const flush = () => {
    const counts = pending;
    const goneIds = gone;
    pending = NO_PUSH_COUNTS;
    gone = [];
    flushing = flushing.then(async () => {
      if (goneIds.length > 0) await deps.store.pushSubscriptions.deleteSubscriptions(goneIds);
      await Promise.all(goneIds.flatMap((id) => [deps.presence.forget(id), deps.notified.forgetDevice(id)]));
      if (counts !== NO_PUSH_COUNTS) await options.record(counts);
    });
    return flushing;
  };

  // A failed flush rejects the chain: the final `await flush()` throws it, so it is not lost here.
  const timer = setInterval(() => void flush().catch(() => 'reported by the final flush'), options.flushMs);
  try {
    await deps.channel.send(targets, push, (target, outcome) => {
      const delta: PushCounts = {
        targeted: 0,
        accepted: outcome.kind === 'accepted' ? 1 : 0,
        gone: outcome.kind === 'gone' ? 1 : 0,
        failed: outcome.kind === 'failed' ? 1 : 0,
      };
      pending = addPushCounts(pending, delta);
      total = addPushCounts(total, delta);
      if (outcome.kind === 'gone') gone.push(target.subscriptionId);
      options.onOutcome?.(target, outcome);
    });
  } finally {
    clearInterval(timer);
  }
  await flush();
  return { ...total, targeted: targets.length };
}
