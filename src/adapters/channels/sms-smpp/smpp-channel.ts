import { performance } from 'node:perf_hooks';
import type { PDU } from 'smpp';
import type { Logger } from 'pino';
import type { Clock } from '../../../app/ports/clock.js';
import type {
  AcceptedSmsPart,
  OutboundSms,
  SmsChannel,
  SmsReceipt,
  SmsSubmitOutcome,
} from '../../../app/ports/sms-channel.js';
import { AdaptivePacer } from './adaptive-pacer.js';
import { BindSession } from './bind-session.js';
import { COMMAND_STATUS } from './command-status.js';
import { interpretDeliverSm } from './delivery-receipt.js';
import type { SmppBindError } from './smpp-errors.js';
import { MAX_ALPHANUMERIC_SENDER, TON_ALPHANUMERIC, buildSubmitPdus, senderAddress } from './submit-pdu.js';
import { SubmitDispatcher, type SmscAnswer } from './submit-dispatcher.js';
import type { ConcatReferenceBits } from './udh.js';

export interface SmppChannelConfig {
  /** The SMSC connection profile's name: stored with each part sent here, and with each receipt from here. */
  readonly profile: string;
  readonly host: string;
  readonly port: number;
  readonly systemId: string;
  readonly password: string;
  readonly systemType: string;
  /** Alphanumeric sender ("Burgernet", at most 11 characters) or an international number. */
  readonly sourceAddress: string;
  /** Parallel transceiver binds; parts are spread over them. */
  readonly binds: number;
  /** Outstanding submit_sm per bind. */
  readonly windowSize: number;
  /** Over all binds; every part of a long SMS counts. */
  readonly messagesPerSecond: number;
  readonly enquireLinkIntervalMs: number;
  readonly reconnectMinMs: number;
  readonly reconnectMaxMs: number;
  /** Wait for any SMSC response, and the longest a part waits while no bind is up. */
  readonly submitTimeoutMs: number;
  /** Pause after ESME_RTHROTTLED / ESME_RMSGQFUL. */
  readonly throttlePauseMs?: number;
  /** Time to climb back to messagesPerSecond after throttling halved the rate. */
  readonly throttleRecoveryMs?: number;
  /** Throttle responses one part may get before it ends 'unavailable'. */
  readonly maxThrottleRetries?: number;
  /** Size of the concatenation reference in the UDH (IEI 0x00 or 0x08). */
  readonly concatReferenceBits?: ConcatReferenceBits;
  readonly serviceType?: string;
}

/** Defaults for the config section (src/config.ts) to use. */
export const SMPP_CHANNEL_DEFAULTS = {
  systemType: '',
  binds: 1,
  windowSize: 10,
  messagesPerSecond: 100,
  enquireLinkIntervalMs: 30_000,
  reconnectMinMs: 500,
  reconnectMaxMs: 30_000,
  submitTimeoutMs: 10_000,
  throttlePauseMs: 1_000,
  throttleRecoveryMs: 10_000,
  maxThrottleRetries: 30,
  concatReferenceBits: 8,
  serviceType: '',
} as const satisfies Partial<SmppChannelConfig>;

/** What a channel tells about its SMSC, for the profile's health (smsc-health-monitor.ts). */
export type SmppSignal =
  /** Whether at least one bind is up. */
  | { readonly kind: 'link'; readonly bound: boolean }
  | { readonly kind: 'bind-failed'; readonly detail: string }
  | { readonly kind: 'answer'; readonly answer: SmscAnswer };

export interface SmppChannel extends SmsChannel {
  /** The SMSC connection profile's name (the SMSC it sends to, for a channel over several). */
  readonly profile: string;
  /**
   * Resolves once every bind is bound; rejects with SmppBindError at the first failed bind attempt
   * (wrong credentials, SMSC unreachable). The binds keep retrying either way.
   */
  ready(): Promise<void>;
  observe(listener: (signal: SmppSignal) => void): void;
  /** Parts waiting for a bind or a turn end 'unavailable' now (they were not sent): its SMSC went down. */
  releaseQueued(reason: string): number;
}

export interface SmppChannelDeps {
  readonly logger: Logger;
  /** Stamps receipts; defaults to the system clock. */
  readonly clock?: Clock;
}

type ReadyState =
  { readonly kind: 'pending' } | { readonly kind: 'ready' } | { readonly kind: 'failed'; readonly error: Error };

interface ReadyWaiter {
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

type ReceiptListener = (receipt: SmsReceipt) => Promise<void>;

const systemClock: Clock = { now: () => new Date() };

export function createSmppChannel(config: SmppChannelConfig, deps: SmppChannelDeps): SmppChannel {
  return new SmppChannelAdapter(config, deps);
}

/**
 * SmsChannel over SMPP 3.4 transceiver binds to one SMSC. Parts of one message go out one after another, each
 * after the previous was accepted, so they reach the SMSC in order. If a part does not get through (the
 * connection dropped), the outcome is 'unavailable' with the parts acknowledged so far; the next attempt sends
 * only the others, under the same concatenation reference, so the handset reassembles one message. Only a
 * part that was in flight when the connection dropped may then reach the handset twice.
 */
class SmppChannelAdapter implements SmppChannel {
  readonly #config: SmppChannelConfig;
  readonly #logger: Logger;
  readonly #clock: Clock;
  readonly #dispatcher: SubmitDispatcher;
  readonly #binds: readonly BindSession[];
  readonly #listeners: ReceiptListener[] = [];
  readonly #observers: ((signal: SmppSignal) => void)[] = [];
  #bound = false;
  readonly #boundOnce = new Set<number>();
  #readyState: ReadyState = { kind: 'pending' };
  #readyWaiters: ReadyWaiter[] = [];
  #nextReference: number;
  #closing: Promise<void> | undefined;

  constructor(config: SmppChannelConfig, deps: SmppChannelDeps) {
    validateConfig(config);
    this.#config = config;
    this.#logger = deps.logger.child({ channel: 'sms-smpp' });
    this.#clock = deps.clock ?? systemClock;
    const now = (): number => performance.now();
    const pacer = new AdaptivePacer({
      messagesPerSecond: config.messagesPerSecond,
      throttlePauseMs: config.throttlePauseMs ?? SMPP_CHANNEL_DEFAULTS.throttlePauseMs,
      recoveryMs: config.throttleRecoveryMs ?? SMPP_CHANNEL_DEFAULTS.throttleRecoveryMs,
      now,
    });
    this.#dispatcher = new SubmitDispatcher({
      pacer,
      submitTimeoutMs: config.submitTimeoutMs,
      maxThrottleRetries: config.maxThrottleRetries ?? SMPP_CHANNEL_DEFAULTS.maxThrottleRetries,
      now,
      logger: this.#logger,
      onAnswer: (answer) => this.#signal({ kind: 'answer', answer }),
    });
    this.#nextReference = Math.floor(Math.random() * 0x10000);
    this.#binds = Array.from(
      { length: config.binds },
      (_, index) =>
        new BindSession(
          { ...config, index, responseTimeoutMs: config.submitTimeoutMs, logger: this.#logger },
          {
            onStateChange: () => {
              this.#dispatcher.bindsChanged();
              this.#linkChanged();
            },
            onBindAttempt: (error) => this.#onBindAttempt(index, error),
            onDeliverSm: (pdu) => this.#onDeliverSm(pdu),
          },
        ),
    );
    this.#dispatcher.attach(this.#binds);
    for (const bind of this.#binds) bind.start();
  }

  get profile(): string {
    return this.#config.profile;
  }

  ready(): Promise<void> {
    const state = this.#readyState;
    switch (state.kind) {
      case 'ready':
        return Promise.resolve();
      case 'failed':
        return Promise.reject(state.error);
      case 'pending':
        return new Promise((resolve, reject) => this.#readyWaiters.push({ resolve, reject }));
      default:
        return assertNever(state);
    }
  }

  async submit(sms: OutboundSms): Promise<SmsSubmitOutcome> {
    if (this.#closing !== undefined) return { kind: 'unavailable', reason: 'channel closed' };
    if (sms.validUntil.getTime() <= this.#clock.now().getTime()) {
      return { kind: 'rejected', reason: 'sms:expired-before-submit' };
    }
    const settings = {
      sourceAddress: this.#config.sourceAddress,
      serviceType: this.#config.serviceType ?? SMPP_CHANNEL_DEFAULTS.serviceType,
      referenceBits: this.#config.concatReferenceBits ?? SMPP_CHANNEL_DEFAULTS.concatReferenceBits,
    };
    let resume = sms.resume;
    let prepared = buildSubmitPdus(sms, settings, resume?.concatReference ?? this.#takeReference());
    if (prepared.kind === 'parts' && resume !== undefined && resume.parts !== prepared.parts.length) {
      // The text splits otherwise than before (it cannot be the same message): send all of it afresh.
      this.#logger.warn(
        { deliveryId: sms.deliveryId, parts: prepared.parts.length, before: resume.parts },
        'sms resume does not fit, sending whole',
      );
      resume = undefined;
      prepared = buildSubmitPdus(sms, settings, this.#takeReference());
    }
    if (prepared.kind === 'too-long') return { kind: 'rejected', reason: 'sms:too-many-parts' };

    const sent = new Set(resume?.acceptedParts ?? []);
    const accepted: AcceptedSmsPart[] = [];
    const submission = { parts: prepared.parts.length, concatReference: prepared.concatReference, accepted };
    for (const [index, fields] of prepared.parts.entries()) {
      const part = index + 1;
      if (sent.has(part)) continue;
      const submittedAt = this.#clock.now();
      const outcome = await this.#dispatcher.send(fields, { deliveryId: sms.deliveryId, part });
      if (outcome.kind !== 'accepted') {
        this.#logger.debug({ deliveryId: sms.deliveryId, part, parts: submission.parts, outcome }, 'sms not accepted');
        if (outcome.kind === 'rejected') return outcome;
        return accepted.length > 0 ? { ...outcome, partial: submission } : outcome;
      }
      accepted.push({ part, smsc: this.#config.profile, reference: outcome.messageId, submittedAt });
    }
    return { kind: 'accepted', ...submission };
  }

  onReceipt(listener: ReceiptListener): void {
    this.#listeners.push(listener);
  }

  observe(listener: (signal: SmppSignal) => void): void {
    this.#observers.push(listener);
  }

  releaseQueued(reason: string): number {
    return this.#dispatcher.releaseQueued(reason);
  }

  #signal(signal: SmppSignal): void {
    for (const observer of this.#observers) observer(signal);
  }

  #linkChanged(): void {
    const bound = this.#binds.some((bind) => bind.isBound);
    if (bound === this.#bound) return;
    this.#bound = bound;
    this.#signal({ kind: 'link', bound });
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  async #close(): Promise<void> {
    this.#dispatcher.close('channel closed');
    await Promise.all(this.#binds.map((bind) => bind.close()));
    this.#settleReady({ kind: 'failed', error: new Error('SMPP channel closed before all binds were bound') });
    this.#logger.info('smpp channel closed');
  }

  #takeReference(): number {
    const reference = this.#nextReference;
    this.#nextReference = (this.#nextReference + 1) & 0xffff;
    return reference;
  }

  #onBindAttempt(index: number, error: SmppBindError | undefined): void {
    if (error !== undefined) {
      this.#signal({ kind: 'bind-failed', detail: error.message });
      this.#settleReady({ kind: 'failed', error });
      return;
    }
    this.#boundOnce.add(index);
    if (this.#boundOnce.size === this.#binds.length) this.#settleReady({ kind: 'ready' });
  }

  #settleReady(state: Exclude<ReadyState, { kind: 'pending' }>): void {
    if (this.#readyState.kind !== 'pending') return;
    this.#readyState = state;
    const waiters = this.#readyWaiters;
    this.#readyWaiters = [];
    for (const waiter of waiters) {
      if (state.kind === 'ready') waiter.resolve();
      else waiter.reject(state.error);
    }
  }

  /** The SMSC gets its deliver_sm_resp only after every listener stored the receipt. */
  async #onDeliverSm(pdu: PDU): Promise<number> {
    const meaning = interpretDeliverSm(pdu, this.#clock.now());
    switch (meaning.kind) {
      case 'mobile-originated':
        this.#logger.debug({ from: pdu.source_addr }, 'mobile-originated sms ignored');
        return COMMAND_STATUS.ok;
      case 'intermediate-receipt':
        this.#logger.debug({ reference: meaning.reference }, 'intermediate receipt ignored');
        return COMMAND_STATUS.ok;
      case 'malformed-receipt':
        // Acknowledged: the SMSC would send the same unreadable receipt again.
        this.#logger.warn({ reason: meaning.reason }, 'unreadable delivery receipt dropped');
        return COMMAND_STATUS.ok;
      case 'receipt':
        return this.#dispatchReceipt({ smsc: this.#config.profile, ...meaning.receipt });
      default:
        return assertNever(meaning);
    }
  }

  async #dispatchReceipt(receipt: SmsReceipt): Promise<number> {
    if (this.#listeners.length === 0) {
      this.#logger.warn({ reference: receipt.reference }, 'receipt refused: no listener registered');
      return COMMAND_STATUS.systemError;
    }
    try {
      await Promise.all(this.#listeners.map((listener) => listener(receipt)));
      return COMMAND_STATUS.ok;
    } catch (error) {
      // ESME_RSYSERR makes the SMSC send the receipt again later.
      this.#logger.warn({ err: error, reference: receipt.reference }, 'receipt listener failed, smsc will retry');
      return COMMAND_STATUS.systemError;
    }
  }
}

function validateConfig(config: SmppChannelConfig): void {
  if (config.profile === '') throw new RangeError('smpp profile must be named');
  const positiveIntegers = ['binds', 'windowSize', 'submitTimeoutMs', 'enquireLinkIntervalMs'] as const;
  for (const key of positiveIntegers) {
    if (!Number.isInteger(config[key]) || config[key] < 1) {
      throw new RangeError(`smpp ${key} must be a positive integer`);
    }
  }
  if (!(config.messagesPerSecond > 0)) throw new RangeError('smpp messagesPerSecond must be positive');
  if (!(config.reconnectMinMs > 0 && config.reconnectMaxMs >= config.reconnectMinMs)) {
    throw new RangeError('smpp reconnectMinMs must be positive and at most reconnectMaxMs');
  }
  const sender = senderAddress(config.sourceAddress);
  const tooLong = sender.ton === TON_ALPHANUMERIC && sender.address.length > MAX_ALPHANUMERIC_SENDER;
  if (sender.address.length === 0 || tooLong) {
    throw new RangeError(`smpp sourceAddress must be a number or 1-${MAX_ALPHANUMERIC_SENDER} characters`);
  }
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}
