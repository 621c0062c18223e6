import type { Agent } from 'node:http';
import type { Logger } from 'pino';
import type { PushChannel, PushOutcome, PushTarget } from '../../../app/ports/push-channel.js';
import { createPushEncryption } from './encryption-pool.js';
import { InFlightLimit } from './in-flight-limit.js';
import { MAX_PUSH_BODY_BYTES } from './push-encryption.js';
import { createOriginAgent, postPush } from './push-request.js';
import { VapidAuthorization } from './vapid-authorization.js';
import type { VapidKeys } from './vapid-keys.js';

export interface WebPushChannelConfig {
  readonly vapid: VapidKeys;
  /** RFC 8292 `sub`: how the push service reaches the operator (mailto: or https:). */
  readonly subject: string;
  /** Worker threads for the encryption; 0 encrypts on this thread. */
  readonly encryptionThreads: number;
  /** Requests sent and not yet answered, over all push services. */
  readonly maxInFlight: number;
  readonly connectionsPerOrigin: number;
  /** Tries per message on 429, 5xx and network errors. */
  readonly maxAttempts: number;
  /** A Retry-After longer than this is cut short. */
  readonly maxRetryDelayMs: number;
  readonly requestTimeoutMs: number;
  /** Messages per encryption batch (one round trip to a worker). */
  readonly batchSize: number;
}

export interface WebPushChannelStats {
  /** VAPID tokens signed (one per push service, renewed twice a day). */
  readonly tokensSigned: number;
  readonly requests: number;
  /** Requests repeated after 429, 5xx or a network error. */
  readonly retries: number;
}

export interface WebPushChannel extends PushChannel {
  readonly encryptionThreads: number;
  /** Starts the encryption threads ahead of the first fan-out. */
  warmUp(): void;
  stats(): WebPushChannelStats;
}

interface Origin {
  readonly name: string;
  readonly agent: Agent;
  /** A 429 pauses the whole push service until then. */
  pausedUntil: number;
}

const failed = (reason: string): PushOutcome => ({ kind: 'failed', reason });
const ACCEPTED: PushOutcome = { kind: 'accepted' };
const GONE: PushOutcome = { kind: 'gone' };

/**
 * Web Push (RFC 8030) with aes128gcm encryption (RFC 8291, the web-push package's) and VAPID (RFC 8292).
 * Encryption runs ahead on worker threads while this thread keeps `maxInFlight` requests open over keep-alive
 * connections per push service. 429 and 5xx are retried (after Retry-After, or with backoff); 404 and 410 mean
 * the subscription is gone.
 */
export function createWebPushChannel(config: WebPushChannelConfig, deps: { readonly logger: Logger }): WebPushChannel {
  const vapid = new VapidAuthorization(config.vapid, config.subject);
  const encryption = createPushEncryption(config.encryptionThreads);
  const limit = new InFlightLimit(config.maxInFlight);
  const origins = new Map<string, Origin>();
  const timers = new Map<NodeJS.Timeout, () => void>();
  let closed = false;
  let tokensSigned = 0;
  let requests = 0;
  let retries = 0;

  const originOf = (endpoint: URL): Origin => {
    let origin = origins.get(endpoint.origin);
    if (origin === undefined) {
      origin = {
        name: endpoint.origin,
        agent: createOriginAgent(endpoint, config.connectionsPerOrigin),
        pausedUntil: 0,
      };
      origins.set(endpoint.origin, origin);
    }
    return origin;
  };

  /** Waits without holding an in-flight slot; a close ends the wait at once. */
  const pause = async (ms: number): Promise<void> => {
    limit.release();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.set(timer, resolve);
    });
    await limit.acquire();
  };

  const backoffMs = (attempt: number) => Math.min(config.maxRetryDelayMs, 250 * 2 ** (attempt - 1));

  function authorizationFor(origin: Origin): string {
    const before = vapid.signed;
    const header = vapid.headerFor(origin.name);
    tokensSigned += vapid.signed - before;
    return header;
  }

  /** Holds an in-flight slot on entry (the caller acquired it) and still on return. */
  async function deliver(
    target: PushTarget,
    body: Buffer,
    headers: Readonly<Record<string, string>>,
  ): Promise<PushOutcome> {
    let endpoint: URL;
    try {
      endpoint = new URL(target.endpoint);
    } catch {
      return failed('the endpoint is not a URL');
    }
    if (body.length > MAX_PUSH_BODY_BYTES)
      return failed(`the message takes ${body.length} bytes, more than ${MAX_PUSH_BODY_BYTES}`);
    const origin = originOf(endpoint);
    let renewedToken = false;
    for (let attempt = 1; ; attempt += 1) {
      if (closed) return failed('the push channel closed');
      const wait = origin.pausedUntil - Date.now();
      if (wait > 0) await pause(wait);
      requests += 1;
      const response = await postPush(
        endpoint,
        origin.agent,
        { ...headers, authorization: authorizationFor(origin) },
        body,
        config.requestTimeoutMs,
      );
      if (response.kind === 'unreachable') {
        if (attempt >= config.maxAttempts) return failed(`unreachable after ${attempt} tries: ${response.reason}`);
      } else {
        const { status } = response;
        if (status >= 200 && status < 300) return ACCEPTED;
        if (status === 404 || status === 410) return GONE;
        if ((status === 401 || status === 403) && !renewedToken) {
          // A token the service no longer takes (its clock, a key rotation): sign a new one and try once more.
          deps.logger.warn({ origin: origin.name, status }, 'push service refused the VAPID token; signing a new one');
          vapid.forget(origin.name);
          renewedToken = true;
          continue;
        }
        if (status !== 429 && status < 500) return failed(`the push service answered ${status}`);
        if (attempt >= config.maxAttempts) return failed(`the push service answered ${status}, ${attempt} times`);
        const delay = Math.min(config.maxRetryDelayMs, response.retryAfterMs ?? backoffMs(attempt));
        if (status === 429 && origin.pausedUntil < Date.now() + delay) {
          if (origin.pausedUntil < Date.now())
            deps.logger.warn({ origin: origin.name, delayMs: delay }, 'push service asks to slow down');
          origin.pausedUntil = Date.now() + delay;
        }
        retries += 1;
        await pause(delay);
        continue;
      }
      retries += 1;
      await pause(backoffMs(attempt));
    }
  }

  return {
    encryptionThreads: encryption.threads,
    warmUp: () => encryption.warmUp(),

    async send(targets, push, onOutcome) {
      if (closed) {
        for (const t of targets) onOutcome(t, failed('the push channel closed'));
        return;
      }
      const payload = Buffer.from(push.payload, 'utf8');
      const headers: Record<string, string> = {
        ttl: String(push.ttlSeconds),
        urgency: push.urgency,
        'content-encoding': 'aes128gcm',
        'content-type': 'application/octet-stream',
        ...(push.topic !== null ? { topic: push.topic } : {}),
      };
      const batches: (readonly PushTarget[])[] = [];
      for (let i = 0; i < targets.length; i += config.batchSize) batches.push(targets.slice(i, i + config.batchSize));
      // Encryption runs a few batches ahead of the requests, so that the workers never wait for this thread.
      const ahead = Math.max(2, 2 * encryption.threads);
      const encrypted: (Promise<Buffer[] | Error> | undefined)[] = [];
      const encrypt = (i: number) => {
        encrypted[i] ??= encryption.encrypt(batches[i]!, payload).then(
          (bodies) => bodies,
          (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
        );
      };
      const deliveries = new Set<Promise<void>>();
      for (let i = 0; i < batches.length; i++) {
        for (let j = i; j < Math.min(batches.length, i + ahead); j++) encrypt(j);
        const bodies = await encrypted[i]!;
        encrypted[i] = undefined;
        const batch = batches[i]!;
        for (let k = 0; k < batch.length; k++) {
          const target = batch[k]!;
          if (bodies instanceof Error) {
            onOutcome(target, failed(bodies.message));
            continue;
          }
          await limit.acquire();
          const delivery = deliver(target, bodies[k]!, headers)
            .then((outcome) => onOutcome(target, outcome))
            .finally(() => {
              limit.release();
              deliveries.delete(delivery);
            });
          deliveries.add(delivery);
        }
      }
      await Promise.all(deliveries);
    },

    stats: () => ({ tokensSigned, requests, retries }),

    async close() {
      closed = true;
      for (const [timer, wake] of timers) {
        clearTimeout(timer);
        wake();
      }
      timers.clear();
      await encryption.close();
      for (const origin of origins.values()) origin.agent.destroy();
    },
  };
}
