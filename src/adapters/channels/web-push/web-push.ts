import { availableParallelism } from 'node:os';
import type { RecipientChannelRegistration } from '../recipient-channel-registration.js';
import { startLocalPushService, type LocalPushService } from './local-push-service.js';
import { loadVapidKeys } from './vapid-keys.js';
import { createWebPushChannel, type WebPushChannel } from './web-push-channel.js';

const KEYS = [
  'DEMO',
  'DATA_DIR',
  'VAPID_PUBLIC_KEY',
  'VAPID_PRIVATE_KEY',
  'VAPID_SUBJECT',
  'PUSH_SIMULATOR',
  'PUSH_SIMULATOR_PORT',
  'PUSH_ENCRYPTION_THREADS',
  'PUSH_MAX_IN_FLIGHT',
  'PUSH_CONNECTIONS_PER_ORIGIN',
] as const;

/** A push service that keeps failing is tried this many times, waiting at most this long between tries. */
const PUSH_MAX_ATTEMPTS = 5;
const PUSH_MAX_RETRY_DELAY_MS = 60_000;
/** A push service that has not answered one request by then counts as failing. */
const PUSH_REQUEST_TIMEOUT_MS = 30_000;
/** Pushes encrypted per round trip to an encryption thread. */
const PUSH_BATCH_SIZE = 64;

export interface WebPush {
  readonly channel: WebPushChannel;
  /** The built-in push service with the simulated phones (PUSH_SIMULATOR), or null. */
  readonly simulator: LocalPushService | null;
  /** What the app subscribes with (applicationServerKey). */
  readonly vapidPublicKey: string;
}

/**
 * Web Push (RFC 8030, 8291, 8292) to the app: the VAPID keys, the channel, and the built-in push service in the
 * demo and tests. Presence and the fan-out that sends through it are composed apart (src/compose/push-component.ts).
 */
export const webPush: RecipientChannelRegistration<(typeof KEYS)[number], WebPush> = {
  name: 'web-push',
  keys: KEYS,
  async start(config, deps) {
    const logger = deps.logger.child({ component: 'push' });
    const { keys, source } = await loadVapidKeys({
      publicKey: config.VAPID_PUBLIC_KEY,
      privateKey: config.VAPID_PRIVATE_KEY,
      keepIn: config.DEMO ? config.DATA_DIR : null,
    });
    if (source === 'this-process')
      logger.warn(
        {},
        'VAPID keys not configured: generated for this process only; subscriptions stop working after a restart',
      );
    const simulator = config.PUSH_SIMULATOR
      ? await startLocalPushService({
          port: config.PUSH_SIMULATOR_PORT,
          logger: deps.logger.child({ component: 'push-simulator' }),
        })
      : null;
    const channel = createWebPushChannel(
      {
        vapid: keys,
        subject: config.VAPID_SUBJECT,
        encryptionThreads: config.PUSH_ENCRYPTION_THREADS ?? availableParallelism(),
        maxInFlight: config.PUSH_MAX_IN_FLIGHT,
        connectionsPerOrigin: config.PUSH_CONNECTIONS_PER_ORIGIN,
        maxAttempts: PUSH_MAX_ATTEMPTS,
        maxRetryDelayMs: PUSH_MAX_RETRY_DELAY_MS,
        requestTimeoutMs: PUSH_REQUEST_TIMEOUT_MS,
        batchSize: PUSH_BATCH_SIZE,
      },
      { logger },
    );
    if (simulator !== null)
      logger.info({ url: simulator.origin, phones: `${simulator.origin}/subscriptions` }, 'push simulator running');
    return {
      value: { channel, simulator, vapidPublicKey: keys.publicKey },
      async stop() {
        // The push fan-out closed the channel already, to end what was under way; a second close changes nothing.
        await channel.close();
        await simulator?.close();
      },
    };
  },
};
