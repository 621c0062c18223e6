import type { Logger } from 'pino';
import type { Clock } from '../app/ports/clock.js';
import type { DispatchWakeup } from '../app/ports/dispatch-wakeup.js';
import type { Store } from '../app/ports/stores.js';
import { NO_LEASE, type LeaseHolder, type NodeLease } from '../app/cluster/node-lease.js';
import { createDispatchService } from '../app/dispatch/dispatch-service.js';
import type { SmppChannel } from '../adapters/channels/sms-smpp/smpp-channel.js';
import type { VoiceChannel } from '../app/ports/voice-channel.js';
import { MAX_ATTEMPTS } from '../domain/delivery/requeue.js';
import type { Catalogue } from '../domain/messages/catalogue.js';
import { parseQuietHours } from '../domain/voice/quiet-hours.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';

export const DISPATCH_KEYS = [
  'DISPATCH_BATCH_SIZE',
  'DISPATCH_MAX_IN_FLIGHT',
  'SMS_VALIDITY_MINUTES',
  'SMS_RECEIPT_WINDOW_HOURS',
  'VOICE_QUIET_HOURS',
  'VOICE_PLAYS',
  'VOICE_RETRIES',
  'VOICE_RETRY_PAUSE_SECONDS',
] as const;

/** Workers look for work this often even when nobody wakes them (the wake-up is only a hint). */
const POLL_INTERVAL_MS = 1_000;
/** The longest an SMS worker backs off while the SMSC throttles or is away. */
const SMS_MAX_BACKOFF_MS = 2_000;
/** A trunk that does not answer is tried again after this long, as often as any delivery is handed out. */
const VOICE_UNAVAILABLE_PAUSE_MS = 30_000;
const VOICE_MAX_UNAVAILABLE_ATTEMPTS = MAX_ATTEMPTS;
/** Targeting: the nearest people first (this radius, this many), then the rest in chunks. */
const TARGETING = { firstRadiusMetres: 500, firstChunk: 200, chunk: 5_000 } as const;
/** Early receipts are matched and stale claims taken back this often. */
const HOUSEKEEPING_INTERVAL_MS = 5_000;
/**
 * How long a receipt may wait for its part (domain/delivery/receipt-matching.ts): longer than an SMS's parts take
 * from being handed to the SMPP channel to their submit result being stored, throttling included.
 */
const RECEIPT_HOLD_MS = 60_000;

/** Everything that moves messages to people: targeting, the SMS and voice workers, receipts, crash recovery. */
export function dispatchComponent(
  config: Section<typeof DISPATCH_KEYS>,
  deps: {
    readonly store: Store;
    readonly clock: Clock;
    readonly logger: Logger;
    readonly wakeup: DispatchWakeup;
    readonly sms: SmppChannel;
    readonly voice: VoiceChannel;
    readonly catalogue: Catalogue;
    /** This node's lease (claims are made under it); null on an API node, which runs no workers. */
    readonly lease: NodeLease | null;
  },
): Component<null> {
  return {
    name: 'dispatch',
    async start() {
      const holder: LeaseHolder = deps.lease ?? NO_LEASE;
      const dispatch = createDispatchService(
        {
          store: deps.store,
          clock: deps.clock,
          logger: deps.logger.child({ component: 'dispatch' }),
          wakeup: deps.wakeup,
          smsChannel: deps.sms,
          voiceChannel: deps.voice,
          catalogue: deps.catalogue,
          lease: deps.lease,
        },
        {
          sms: {
            lease: holder,
            batchSize: config.DISPATCH_BATCH_SIZE,
            maxInFlight: config.DISPATCH_MAX_IN_FLIGHT,
            pollIntervalMs: POLL_INTERVAL_MS,
            validityMs: config.SMS_VALIDITY_MINUTES * 60_000,
            maxBackoffMs: SMS_MAX_BACKOFF_MS,
            receiptRules: { windowMs: config.SMS_RECEIPT_WINDOW_HOURS * 3_600_000, holdMs: RECEIPT_HOLD_MS },
          },
          voice: {
            lease: holder,
            pollIntervalMs: POLL_INTERVAL_MS,
            quietHours: parseQuietHours(config.VOICE_QUIET_HOURS),
            plays: config.VOICE_PLAYS,
            retries: config.VOICE_RETRIES,
            retryPauseMs: config.VOICE_RETRY_PAUSE_SECONDS * 1000,
            unavailablePauseMs: VOICE_UNAVAILABLE_PAUSE_MS,
            maxUnavailableAttempts: VOICE_MAX_UNAVAILABLE_ATTEMPTS,
          },
          targeting: TARGETING,
          housekeepingIntervalMs: HOUSEKEEPING_INTERVAL_MS,
          targetingPollMs: POLL_INTERVAL_MS,
        },
      );
      await dispatch.start();
      // After dispatch.start(): it listens for receipts before a bind is up, as the SMSC sends pending ones (after a crash) at once.
      await deps.sms.ready().catch((error: unknown) => {
        // Keep running: the binds retry with backoff, and queued messages wait in the database meanwhile.
        deps.logger.error({ err: error }, 'SMSC bind failed at start; retrying in the background');
      });
      return { value: null, stop: () => dispatch.stop() };
    },
  };
}
