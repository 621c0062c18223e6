import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from '../../app/ports/logger.js';
import type { Relay } from './relay.js';

export interface NatsRelayOptions {
  readonly url: string;
  /** Put before every topic (`burgernet` → `burgernet.wake.targeting`), so that two systems can share one NATS. */
  readonly subjectPrefix: string;
  /** The connection's name as the server shows it. */
  readonly name: string;
  readonly connectTimeoutMs: number;
  /** Pause between reconnect attempts (the client retries forever); a first connect that failed backs off to the max. */
  readonly reconnectWaitMs: number;
  readonly maxConnectBackoffMs: number;
}

/**
 * Core NATS subjects (no JetStream: the database is the record, a message is only a hint). The client reconnects
 * and resubscribes by itself; meanwhile `available()` is false, so the relay chain sends another way. When NATS
 * is unreachable at start the node starts anyway and keeps trying in the background.
 */
export async function openNatsRelay(options: NatsRelayOptions, logger: Logger): Promise<Relay> {
  const subscriptions: { readonly subject: string; readonly listener: (payload: string) => void }[] = [];
  let connection: NatsConnection | null = null;
  let connected = false;
  let closed = false;
  let failedAttempts = 0;
  let retry: NodeJS.Timeout | null = null;
  const subjectOf = (topic: string) => `${options.subjectPrefix}.${topic}`;

  function subscribeOn(nc: NatsConnection, subject: string, listener: (payload: string) => void): void {
    nc.subscribe(subject, {
      callback: (error, message) => {
        if (error !== null) logger.warn({ err: error, subject }, 'NATS subscription ended with an error');
        else listener(message.string());
      },
    });
  }

  async function watch(nc: NatsConnection): Promise<void> {
    for await (const status of nc.status()) {
      switch (status.type) {
        case 'disconnect':
          connected = false;
          logger.warn({ server: status.server }, 'NATS connection lost; reconnecting');
          break;
        case 'reconnect':
          connected = true;
          logger.info({ server: status.server }, 'NATS connection back; subscriptions renewed');
          break;
        case 'close':
          connected = false;
          break;
        default:
          break;
      }
    }
  }

  async function attempt(): Promise<void> {
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers: options.url,
        name: options.name,
        // Own messages are handed to this node's listeners directly, never twice.
        noEcho: true,
        maxReconnectAttempts: -1,
        reconnectTimeWait: options.reconnectWaitMs,
        reconnectJitter: Math.round(options.reconnectWaitMs / 2),
        timeout: options.connectTimeoutMs,
      });
    } catch (error) {
      if (closed) return;
      if (failedAttempts === 0)
        logger.warn({ err: error, url: options.url }, 'NATS unreachable; trying again in the background');
      failedAttempts += 1;
      const backoff = Math.min(
        options.maxConnectBackoffMs,
        options.reconnectWaitMs * 2 ** Math.min(failedAttempts, 10),
      );
      retry = setTimeout(() => void attempt(), backoff);
      retry.unref();
      return;
    }
    if (closed) {
      await nc.close();
      return;
    }
    connection = nc;
    watch(nc).catch((error: unknown) => logger.error({ err: error }, 'watching the NATS connection failed'));
    for (const { subject, listener } of subscriptions) subscribeOn(nc, subject, listener);
    // Available once the server has the subscriptions: nothing another node publishes after that is missed.
    // A flush that fails means the connection dropped at once; the watcher marks it available on reconnect.
    const flushed = await nc.flush().then(
      () => true,
      () => false,
    );
    connected = flushed && !nc.isClosed();
    logger.info({ server: nc.getServer(), afterFailedAttempts: failedAttempts }, 'NATS connected');
  }

  await attempt();
  return {
    kind: 'nats',
    available: () => connected,
    publish(topic, payload) {
      if (!connected || connection === null) return false;
      try {
        connection.publish(subjectOf(topic), payload);
        return true;
      } catch {
        // Closed or draining between the check and the call: the chain sends another way.
        return false;
      }
    },
    subscribe(topic, listener) {
      const subject = subjectOf(topic);
      subscriptions.push({ subject, listener });
      if (connection !== null) subscribeOn(connection, subject, listener);
    },
    async close() {
      closed = true;
      connected = false;
      if (retry !== null) clearTimeout(retry);
      await connection?.close();
    },
  };
}
