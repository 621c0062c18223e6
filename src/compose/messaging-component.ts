import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DispatchWakeup } from '../app/ports/dispatch-wakeup.js';
import {
  createInProcessCallRoutedEvents,
  type CallRoutedEvents,
} from '../adapters/events/in-process-call-routed-events.js';
import { createRelayedCallRoutedEvents } from '../adapters/events/relayed-call-routed-events.js';
import { openNatsRelay } from '../adapters/messaging/nats-relay.js';
import { openPostgresRelay } from '../adapters/messaging/postgres-relay.js';
import type { Relay } from '../adapters/messaging/relay.js';
import { createRelayChain, type RelayChain } from '../adapters/messaging/relay-chain.js';
import { createInProcessWakeup } from '../adapters/wake/in-process-wakeup.js';
import { createRelayedWakeup } from '../adapters/wake/relayed-wakeup.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';

export const MESSAGING_KEYS = ['NATS_URL', 'NATS_SUBJECT_PREFIX', 'DATABASE_URL'] as const;

/** Wake-ups of one topic leave this node at most once per this many milliseconds (the first at once). */
const WAKE_COALESCE_MS = 5;
const NATS_CONNECT_TIMEOUT_MS = 2_000;
/** The NATS client retries this often while the server is away (plus up to half of it at random). */
const NATS_RECONNECT_WAIT_MS = 250;
const NATS_MAX_CONNECT_BACKOFF_MS = 5_000;
/** The LISTEN connection is opened again after this long, doubling up to the max, while PostgreSQL is away. */
const LISTEN_RECONNECT_MIN_MS = 100;
const LISTEN_RECONNECT_MAX_MS = 5_000;

export interface Messaging {
  readonly wakeup: DispatchWakeup;
  /** 0800-0011 calls routed by any node, for the consoles of this one. */
  readonly callRouted: CallRoutedEvents;
  /** How wake-ups and live events reach the other nodes now, and what went where; null: this process alone. */
  readonly relays: Pick<RelayChain, 'via' | 'counts'> | null;
}

/**
 * Wake-ups and live events between the nodes of a cluster: over NATS when NATS_URL is set, over PostgreSQL
 * LISTEN/NOTIFY on a PostgreSQL server (also as NATS's fallback), else in this process only (the embedded
 * default). Whatever carries them, they are hints: the workers poll the database as the last resort.
 */
export function messagingComponent(
  config: Section<typeof MESSAGING_KEYS>,
  deps: { readonly logger: Logger },
): Component<Messaging> {
  return {
    name: 'messaging',
    async start() {
      const logger = deps.logger.child({ component: 'messaging' });
      // Tells this node's own notifications from the others' (PostgreSQL hands them to the sender too).
      const nodeId = randomUUID();
      if (config.NATS_URL === undefined && config.DATABASE_URL === undefined) {
        return {
          value: { wakeup: createInProcessWakeup(), callRouted: createInProcessCallRoutedEvents(logger), relays: null },
          stop: async () => {},
        };
      }
      const relays: Relay[] = [];
      const closeAll = () => Promise.all(relays.map((relay) => relay.close()));
      try {
        if (config.NATS_URL !== undefined) {
          relays.push(
            await openNatsRelay(
              {
                url: config.NATS_URL,
                subjectPrefix: config.NATS_SUBJECT_PREFIX,
                name: `burgernet ${nodeId}`,
                connectTimeoutMs: NATS_CONNECT_TIMEOUT_MS,
                reconnectWaitMs: NATS_RECONNECT_WAIT_MS,
                maxConnectBackoffMs: NATS_MAX_CONNECT_BACKOFF_MS,
              },
              logger.child({ relay: 'nats' }),
            ),
          );
        }
        if (config.DATABASE_URL !== undefined) {
          relays.push(
            await openPostgresRelay(
              {
                url: config.DATABASE_URL,
                channel: config.NATS_SUBJECT_PREFIX,
                nodeId: nodeId,
                reconnectMinMs: LISTEN_RECONNECT_MIN_MS,
                reconnectMaxMs: LISTEN_RECONNECT_MAX_MS,
              },
              logger.child({ relay: 'postgres' }),
            ),
          );
        }
      } catch (error) {
        await closeAll();
        throw error;
      }
      const chain = createRelayChain(relays, logger);
      const wakeup = createRelayedWakeup(chain, { coalesceMs: WAKE_COALESCE_MS });
      logger.info({ relays: relays.map((r) => r.kind), via: chain.via() }, 'wake-ups and live events relayed');
      return {
        value: { wakeup, callRouted: createRelayedCallRoutedEvents(chain, logger), relays: chain },
        async stop() {
          wakeup.close();
          await closeAll();
        },
      };
    },
  };
}
