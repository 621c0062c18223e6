import type { Clock } from '../ports/clock.js';
import type { DispatchWakeup } from '../ports/dispatch-wakeup.js';
import type { Logger } from '../ports/logger.js';
import type { SmsChannel } from '../ports/sms-channel.js';
import type { Store } from '../ports/stores.js';
import type { VoiceChannel } from '../ports/voice-channel.js';
import type { Catalogue } from '../../domain/messages/catalogue.js';
import { createReceiptRecorder, reportReceiptMatching } from './receipt-recorder.js';
import { createSmsDispatcher, type SmsDispatcherOptions } from './sms-dispatcher.js';
import { createTargetingRunner, type TargetingRunnerOptions } from './targeting-runner.js';
import { createVoiceDispatcher, type VoiceDispatcherOptions } from './voice-dispatcher.js';

export interface DispatchServiceOptions {
  readonly sms: SmsDispatcherOptions;
  readonly voice: VoiceDispatcherOptions;
  readonly targeting: TargetingRunnerOptions;
  /**
   * Deliveries another worker claimed longer ago than this are taken back (that worker died). Zero means
   * this process is the only worker, so everything in flight at start belonged to a crashed run of it.
   */
  readonly inFlightLeaseMs: number;
  /** How often receipts that wait are matched (or set aside) and stale claims are taken back. */
  readonly housekeepingIntervalMs: number;
}

export interface DispatchService {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Everything that moves messages: targeting, the SMS worker, receipts, and recovery after a crash. */
export function createDispatchService(
  deps: {
    readonly store: Store;
    readonly clock: Clock;
    readonly logger: Logger;
    readonly wakeup: DispatchWakeup;
    readonly smsChannel: SmsChannel;
    readonly voiceChannel: VoiceChannel;
    readonly catalogue: Catalogue;
  },
  options: DispatchServiceOptions,
): DispatchService {
  const targeting = createTargetingRunner(deps, options.targeting);
  const sms = createSmsDispatcher({ ...deps, channel: deps.smsChannel }, options.sms);
  const voice = createVoiceDispatcher({ ...deps, channel: deps.voiceChannel }, options.voice);
  const receipts = createReceiptRecorder(deps, options.sms.receiptRules);
  let housekeeping: NodeJS.Timeout | null = null;
  let stopped = false;

  const runTargeting = () =>
    targeting.runPending().catch((error: unknown) => deps.logger.error({ err: error }, 'targeting failed'));

  async function takeBackInFlight(): Promise<void> {
    const now = deps.clock.now();
    const claimedBefore = options.inFlightLeaseMs > 0 ? new Date(now.getTime() - options.inFlightLeaseMs) : now;
    const requeued = await deps.store.dispatch.requeueInFlight(claimedBefore, options.sms.workerId, now);
    if (requeued > 0) deps.logger.warn({ requeued }, 'took back deliveries claimed by a worker that stopped');
  }

  async function houseKeep(): Promise<void> {
    const matching = await deps.store.transaction((s) =>
      s.dispatch.reconcilePendingReceipts(deps.clock.now(), options.sms.receiptRules),
    );
    reportReceiptMatching(deps.logger, matching);
    if (options.inFlightLeaseMs > 0) await takeBackInFlight();
    await runTargeting();
  }

  return {
    async start() {
      // Listen before anything is awaited: a bound SMSC may deliver receipts at once, and refused ones wait for its retry.
      deps.smsChannel.onReceipt((r) => receipts.record(r));
      await takeBackInFlight();
      deps.wakeup.onTargetingQueued(() => void runTargeting());
      deps.wakeup.onDeliveriesQueued((channel) => {
        if (channel === 'sms') sms.wake();
        if (channel === 'voice') voice.wake();
      });
      sms.start();
      voice.start();
      void runTargeting();
      housekeeping = setInterval(() => {
        if (stopped) return;
        houseKeep().catch((error: unknown) => deps.logger.error({ err: error }, 'dispatch housekeeping failed'));
      }, options.housekeepingIntervalMs);
    },
    async stop() {
      stopped = true;
      if (housekeeping !== null) clearInterval(housekeeping);
      await Promise.all([sms.stop(), voice.stop()]);
      await runTargeting();
    },
  };
}
