import { settleAttempt, type RetryPolicy } from '../../domain/broadcast/outbox-delivery.js';
import type { BroadcastChannel } from '../ports/broadcast-channel.js';
import type { BroadcastOutbox } from '../ports/broadcast-outbox.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { createWakeablePause } from '../dispatch/wakeable-pause.js';
import type { LeaseHolder } from '../cluster/node-lease.js';

/** Never spin: a head that is due but could not be claimed (another node has it in flight) waits this long at least. */
const MIN_PAUSE_MS = 25;

export interface BroadcastWorkerOptions {
  /** This node's lease: events are claimed under its id, and none once it no longer holds. */
  readonly lease: LeaseHolder;
  readonly policy: RetryPolicy;
  /** The worker looks at its queue this often even when nobody wakes it. */
  readonly pollIntervalMs: number;
}

export interface BroadcastWorker {
  start(): void;
  /** There may be new events. */
  wake(): void;
  /** Finishes the attempt under way (its outcome is recorded) and stops. */
  stop(): Promise<void>;
}

/**
 * Delivers one destination's events from the outbox, one at a time and in order: an event the destination
 * could not take now is tried again (with a growing pause) before any later one, so a partner that was away
 * gets everything afterwards, in order. Every attempt's outcome is recorded; nothing is only logged.
 */
export function createBroadcastWorker(
  deps: {
    readonly outbox: BroadcastOutbox;
    readonly channel: BroadcastChannel;
    readonly clock: Clock;
    readonly logger: Logger;
  },
  options: BroadcastWorkerOptions,
): BroadcastWorker {
  const { outbox, channel, clock, logger } = deps;
  const pause = createWakeablePause();
  let running = false;
  let woken = false;
  let loop: Promise<void> = Promise.resolve();
  /**
   * The outcome of an attempt the outbox could not record (the database away). It is recorded before anything
   * else is claimed: left unrecorded, the head would stay 'sending' and hold up every later event.
   */
  let unsettled: (() => Promise<void>) | null = null;

  /** Delivers the head of the queue if it is due; false when there was nothing to do now. */
  async function deliverHead(): Promise<boolean> {
    if (unsettled !== null) {
      await unsettled();
      unsettled = null;
      return true;
    }
    if (!options.lease.holds()) return false;
    const claimed = await outbox.claimHead(channel.destination, options.lease.workerId, clock.now());
    if (claimed === null) return false;
    const outcome = await channel.publish(claimed.event);
    const now = clock.now();
    const result =
      outcome.kind === 'retry'
        ? { kind: 'retry' as const, retryAfterMs: outcome.retryAfterMs }
        : { kind: outcome.kind };
    const settlement = settleAttempt(result, claimed.attempts, claimed.createdAt, now, options.policy);
    unsettled = () =>
      outbox.settle(
        claimed.position,
        settlement,
        { httpStatus: outcome.status, reason: outcome.kind === 'delivered' ? null : outcome.reason },
        now,
      );
    await unsettled();
    unsettled = null;
    if (settlement.status !== 'delivered') {
      logger.warn(
        {
          destination: channel.destination,
          eventId: claimed.event.id,
          kind: claimed.event.kind,
          attempts: claimed.attempts,
          outcome: settlement.status,
          reason: outcome.kind === 'delivered' ? null : outcome.reason,
        },
        'broadcast not delivered',
      );
    }
    return true;
  }

  async function run(): Promise<void> {
    while (running) {
      let delivered = false;
      try {
        delivered = await deliverHead();
      } catch (error) {
        logger.error({ err: error, destination: channel.destination }, 'broadcast outbox failed; trying again');
      }
      if (delivered || !running) continue;
      if (woken) {
        woken = false;
        continue;
      }
      const due = await outbox.nextDue(channel.destination).catch(() => null);
      const untilDue = due === null ? options.pollIntervalMs : due.getTime() - clock.now().getTime();
      await pause.wait(Math.max(MIN_PAUSE_MS, Math.min(options.pollIntervalMs, untilDue)));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    wake() {
      woken = true;
      pause.wake();
    },
    async stop() {
      running = false;
      pause.wake();
      await loop;
    },
  };
}
