import type { NodeLease } from '../cluster/node-lease.js';
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
  /** How often receipts that wait are matched (or set aside) and stale claims are taken back. */
  readonly housekeepingIntervalMs: number;
  /**
   * How often pending targeting runs are looked for without a wake-up (one that another node's wake-up missed:
   * the relay away). The last resort; a wake-up starts them at once.
   */
  readonly targetingPollMs: number;
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
    /**
     * This node's lease: deliveries of workers whose lease ran out are taken back, never this one's. Null on an
     * API node: it runs no workers, but its SMPP binds may still bring receipts of SMS that other nodes sent.
     */
    readonly lease: NodeLease | null;
  },
  options: DispatchServiceOptions,
): DispatchService {
  const targeting = createTargetingRunner(deps, options.targeting);
  const sms = createSmsDispatcher({ ...deps, channel: deps.smsChannel }, options.sms);
  const voice = createVoiceDispatcher({ ...deps, channel: deps.voiceChannel }, options.voice);
  const receipts = createReceiptRecorder(deps, options.sms.receiptRules);
  let housekeeping: NodeJS.Timeout | null = null;
  let targetingPoll: NodeJS.Timeout | null = null;
  let stopped = false;

  const runTargeting = () =>
    targeting.runPending().catch((error: unknown) => deps.logger.error({ err: error }, 'targeting failed'));

  async function takeBackInFlight(lease: NodeLease): Promise<void> {
    const expired = await deps.store.workerLeases.expire(lease.now(), lease.workerId);
    if (expired.length > 0) deps.logger.warn({ workers: expired }, 'worker leases ran out');
    const requeued = await deps.store.dispatch.requeueInFlight(lease.now(), lease.workerId, deps.clock.now());
    if (requeued > 0) deps.logger.warn({ requeued }, 'took back deliveries claimed by a worker that stopped');
  }

  async function houseKeep(lease: NodeLease): Promise<void> {
    // Taking back a lost node's work first: it must not wait behind the receipts' lock.
    if (!lease.single && lease.holds()) await takeBackInFlight(lease);
    const matching = await deps.store.transaction((s) =>
      s.dispatch.reconcilePendingReceipts(deps.clock.now(), options.sms.receiptRules),
    );
    reportReceiptMatching(deps.logger, matching);
  }

  return {
    async start() {
      // Listen before anything is awaited: a bound SMSC may deliver receipts at once, and refused ones wait for its retry.
      deps.smsChannel.onReceipt((r) => receipts.record(r));
      const lease = deps.lease;
      if (lease === null) return;
      await takeBackInFlight(lease);
      deps.wakeup.onTargetingQueued(() => void runTargeting());
      deps.wakeup.onDeliveriesQueued((channel) => {
        if (channel === 'sms') sms.wake();
        if (channel === 'voice') voice.wake();
      });
      sms.start();
      voice.start();
      void runTargeting();
      targetingPoll = setInterval(() => {
        if (!stopped) void runTargeting();
      }, options.targetingPollMs);
      housekeeping = setInterval(() => {
        if (stopped) return;
        houseKeep(lease).catch((error: unknown) => deps.logger.error({ err: error }, 'dispatch housekeeping failed'));
      }, options.housekeepingIntervalMs);
    },
    async stop() {
      stopped = true;
      if (housekeeping !== null) clearInterval(housekeeping);
      if (targetingPoll !== null) clearInterval(targetingPoll);
      await Promise.all([sms.stop(), voice.stop()]);
      await runTargeting();
    },
  };
}
