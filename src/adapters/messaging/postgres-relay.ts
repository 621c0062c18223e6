import pg from 'pg';
import { z } from 'zod';
import type { Logger } from '../../app/ports/logger.js';
import type { Relay } from './relay.js';

export interface PostgresRelayOptions {
  readonly url: string;
  /** The LISTEN/NOTIFY channel of this system (two systems on one database use two). */
  readonly channel: string;
  /** This node: PostgreSQL hands a notification to every listener, the sender's own connection too. */
  readonly nodeId: string;
  readonly reconnectMinMs: number;
  readonly reconnectMaxMs: number;
}

/** A notification's payload: PostgreSQL allows a little under 8,000 bytes. */
const MAX_PAYLOAD_BYTES = 7_900;

/** How the listening sessions show in pg_stat_activity. */
export const LISTEN_APPLICATION_NAME = 'burgernet-listen';

const envelope = z.object({ n: z.string(), t: z.string(), p: z.string() });

/**
 * PostgreSQL LISTEN/NOTIFY over one dedicated connection (not the pool's: a listening session must stay open, and
 * notifying through it keeps the pool for the work). When the database restarts the connection is opened again
 * with backoff; meanwhile `available()` is false and what was notified is found by polling.
 */
export async function openPostgresRelay(options: PostgresRelayOptions, logger: Logger): Promise<Relay> {
  const listeners = new Map<string, ((payload: string) => void)[]>();
  let current: pg.Client | null = null;
  let closed = false;
  let failures = 0;
  let outage = false;
  let retry: NodeJS.Timeout | null = null;

  function receive(text: string | undefined): void {
    const parsed = envelope.safeParse(JSON.parse(text ?? 'null'));
    if (!parsed.success) {
      logger.warn({ channel: options.channel }, 'notification not from this system; ignored');
      return;
    }
    const { n: node, t: topic, p: payload } = parsed.data;
    if (node === options.nodeId) return;
    for (const listener of listeners.get(topic) ?? []) listener(payload);
  }

  function reconnectLater(): void {
    failures += 1;
    const delay = Math.min(options.reconnectMaxMs, options.reconnectMinMs * 2 ** Math.min(failures - 1, 10));
    retry = setTimeout(() => void open(), delay);
    retry.unref();
  }

  async function open(): Promise<void> {
    const client = new pg.Client({ connectionString: options.url, application_name: LISTEN_APPLICATION_NAME });
    let gone = false;
    const drop = (error?: unknown) => {
      if (gone) return;
      gone = true;
      if (current === client) current = null;
      // The connection is broken already; ending it only frees the socket, and a failure to do so changes nothing.
      client.end().catch(() => undefined);
      if (closed) return;
      if (!outage) {
        outage = true;
        logger.warn({ err: error, channel: options.channel }, 'PostgreSQL LISTEN connection lost; reconnecting');
      }
      reconnectLater();
    };
    client.on('error', drop);
    client.on('end', () => drop());
    client.on('notification', (notification) => {
      try {
        receive(notification.payload);
      } catch (error) {
        logger.error({ err: error, channel: options.channel }, 'handling a notification failed');
      }
    });
    try {
      await client.connect();
      await client.query(`listen ${client.escapeIdentifier(options.channel)}`);
    } catch (error) {
      drop(error);
      return;
    }
    if (gone) return;
    if (closed) {
      await client.end();
      return;
    }
    current = client;
    failures = 0;
    if (outage) {
      outage = false;
      logger.info({ channel: options.channel }, 'PostgreSQL LISTEN connection back');
    }
  }

  await open();
  return {
    kind: 'postgres',
    available: () => current !== null,
    publish(topic, payload) {
      const client = current;
      if (client === null) return false;
      const text = JSON.stringify({ n: options.nodeId, t: topic, p: payload });
      if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) return false;
      client.query('select pg_notify($1, $2)', [options.channel, text]).catch((error: unknown) => {
        // The connection went: the listeners' own error handling reconnects, and the other nodes poll.
        client.emit('error', error);
      });
      return true;
    },
    subscribe(topic, listener) {
      listeners.set(topic, [...(listeners.get(topic) ?? []), listener]);
    },
    async close() {
      closed = true;
      if (retry !== null) clearTimeout(retry);
      const client = current;
      current = null;
      await client?.end();
    },
  };
}
