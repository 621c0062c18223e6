import type { ReceiptRules } from '../../domain/delivery/receipt-matching.js';
import type { LeaseHolder } from '../cluster/node-lease.js';
import type { Clock } from '../ports/clock.js';
import type { ClaimedDelivery, SubmitResult, SubmitResultsStored } from '../ports/dispatch-repository.js';
import type { Logger } from '../ports/logger.js';
import type { SmsChannel, SmsSubmitOutcome } from '../ports/sms-channel.js';
import type { Store } from '../ports/stores.js';
import { createOutcomeBatch } from './outcome-batch.js';
import { reportReceiptMatching } from './receipt-recorder.js';
import { createWakeablePause } from './wakeable-pause.js';

export interface SmsDispatcherOptions {
  /** This node's lease: claims are made under its id, and nothing is sent once it no longer holds. */
  readonly lease: LeaseHolder;
  /** Deliveries claimed per query. */
  readonly batchSize: number;
  /** Deliveries handed to the channel and not answered yet; what a crash may send twice. */
  readonly maxInFlight: number;
  /** How often an idle worker looks for work it was not told about. */
  readonly pollIntervalMs: number;
  /** How long the SMSC may keep trying to deliver. */
  readonly validityMs: number;
  /** Longest pause after the channel could not take messages. */
  readonly maxBackoffMs: number;
  /** How receipts that waited for the parts stored now find them. */
  readonly receiptRules: ReceiptRules;
}

export interface SmsDispatcher {
  start(): void;
  /** Work was queued: look now instead of at the next poll. */
  wake(): void;
  /** Stops claiming, waits for what is in flight and stores its results. */
  stop(): Promise<void>;
}

/**
 * Takes queued SMS deliveries from the store and hands them to the channel, storing each outcome. The
 * store decides the order (priority, fairness, nearest first); the channel paces itself.
 */
export function createSmsDispatcher(
  deps: { readonly store: Store; readonly channel: SmsChannel; readonly clock: Clock; readonly logger: Logger },
  options: SmsDispatcherOptions,
): SmsDispatcher {
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let unavailableStreak = 0;
  const pause = createWakeablePause();
  const wait = pause.wait;
  const results = createOutcomeBatch<SubmitResult>(
    // One transaction: a crash must not leave a delivery 'submitted' without the parts its receipts match.
    async (batch) =>
      report(
        await deps.store.transaction((s) =>
          s.dispatch.recordSubmitResults(batch, deps.clock.now(), options.receiptRules, options.lease.workerId),
        ),
      ),
    (error, count) => deps.logger.error({ err: error, results: count }, 'storing submit results failed'),
  );

  function report(stored: SubmitResultsStored): void {
    if (stored.fenced.length > 0) {
      // Taken back by another node after this one's lease ran out: that node sends them; nothing is stored here.
      deps.logger.warn(
        { fenced: stored.fenced.length, deliveryIds: stored.fenced.slice(0, 20) },
        'submit results of deliveries this worker no longer holds were dropped',
      );
    }
    for (const r of stored.reused) {
      // From now on a receipt with this id matches both parts: it is set aside instead of credited.
      deps.logger.warn(
        { smsc: r.smsc, reference: r.reference, deliveryId: r.deliveryId, earlierDeliveryId: r.earlierDeliveryId },
        'smsc reused a message id of a part still waiting for its receipt',
      );
    }
    reportReceiptMatching(deps.logger, stored.receipts);
  }

  const flush = () => results.flush();

  async function submit(d: ClaimedDelivery): Promise<void> {
    if (!options.lease.holds()) {
      // The lease is about to run out (or did): another node takes this delivery back and sends it.
      inFlight -= 1;
      return;
    }
    let outcome: SmsSubmitOutcome;
    try {
      outcome = await deps.channel.submit({
        deliveryId: String(d.id),
        to: d.msisdn,
        text: d.text,
        validUntil: new Date(deps.clock.now().getTime() + options.validityMs),
        priority: d.priority,
        // Parts an earlier attempt got to the SMSC are not sent again.
        ...(d.smsResume === null ? {} : { resume: d.smsResume }),
      });
    } catch (error) {
      outcome = { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
    }
    unavailableStreak = outcome.kind === 'unavailable' ? unavailableStreak + 1 : 0;
    results.push({ deliveryId: d.id, ...outcome });
    // Still in flight until its outcome is stored: a crash before that sends it again.
    await flush();
    inFlight -= 1;
    pause.wake();
  }

  async function loop(): Promise<void> {
    while (running) {
      const room = options.maxInFlight - inFlight;
      if (room < Math.min(options.batchSize, options.maxInFlight) / 2) {
        await wait(options.pollIntervalMs);
        continue;
      }
      if (!options.lease.holds()) {
        // Cut off from the database or paused too long: claim nothing until the lease is renewed.
        await wait(options.pollIntervalMs);
        continue;
      }
      if (unavailableStreak > 0) {
        // The channel cannot take messages (no bind): back off instead of spinning on the queue.
        await wait(Math.min(options.maxBackoffMs, 50 * 2 ** Math.min(unavailableStreak, 10)));
        if (!running) break;
      }
      let claimed: readonly ClaimedDelivery[];
      try {
        claimed = await deps.store.dispatch.claim(
          'sms',
          Math.min(options.batchSize, room),
          options.lease.workerId,
          deps.clock.now(),
        );
      } catch (error) {
        deps.logger.error({ err: error }, 'claiming deliveries failed');
        await wait(options.pollIntervalMs);
        continue;
      }
      if (claimed.length === 0) {
        await wait(options.pollIntervalMs);
        continue;
      }
      inFlight += claimed.length;
      for (const d of claimed) void submit(d);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loopDone = loop().catch((error: unknown) => {
        deps.logger.error({ err: error }, 'sms dispatcher stopped by an error');
      });
    },
    wake() {
      pause.wake();
    },
    async stop() {
      running = false;
      pause.wake();
      await loopDone;
      while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await flush();
    },
  };
}
