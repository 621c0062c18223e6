import type { Logger } from 'pino';
import { NO_LEASE, type NodeLease } from '../app/cluster/node-lease.js';
import { createBroadcastWorker, type BroadcastWorker } from '../app/broadcast/broadcast-worker.js';
import type { BroadcastChannel, BroadcastRouting } from '../app/ports/broadcast-channel.js';
import type { Clock } from '../app/ports/clock.js';
import type { Store } from '../app/ports/stores.js';
import type { Config } from '../config.js';
import { BROADCAST_CHANNELS } from './channel-registry.js';
import type { Component } from './component.js';
import { sectionOf, type Section } from './config-section.js';

export const BROADCAST_KEYS = ['BROADCAST_RETRY_MAX_SECONDS', 'BROADCAST_MAX_AGE_HOURS'] as const;

/** The first pause after a failed attempt; it doubles up to BROADCAST_RETRY_MAX_SECONDS. */
const FIRST_RETRY_PAUSE_MS = 1_000;
/** Workers look at their queue this often even when nobody wakes them. */
const POLL_INTERVAL_MS = 1_000;
/** In a cluster, events claimed by a node whose lease ran out are taken back this often. */
const TAKE_BACK_INTERVAL_MS = 5_000;

export interface Broadcast {
  /** What the use cases need: who wants an event, and the wake-up after it was recorded. */
  readonly routing: BroadcastRouting;
  /** Every configured destination (a partner, an account, a display network). */
  readonly destinations: readonly string[];
}

/**
 * The broadcast channels of the registry, each destination with its own worker on the durable outbox. The
 * channels' own configuration is picked from the whole by their registration's keys.
 */
export function broadcastComponent(
  config: Section<typeof BROADCAST_KEYS>,
  deps: {
    readonly config: Config;
    readonly store: Store;
    readonly clock: Clock;
    readonly logger: Logger;
    /** This node's lease; null on an API node: the workers do not run there (events wait for a worker node). */
    readonly lease: NodeLease | null;
  },
): Component<Broadcast> {
  return {
    name: 'broadcast',
    async start() {
      const logger = deps.logger.child({ component: 'broadcast' });
      const channels: BroadcastChannel[] = BROADCAST_CHANNELS.flatMap((registration) =>
        registration.create(sectionOf(deps.config, registration.keys), {
          clock: deps.clock,
          logger: logger.child({ channel: registration.name }),
        }),
      );
      const lease = deps.lease;
      // Claims left by a stopped worker (one without a live lease) go back to the queue.
      const takeBack = async (holder: NodeLease) => {
        const requeued = await deps.store.broadcast.requeueInFlight(holder.now(), holder.workerId);
        if (requeued > 0) logger.warn({ requeued }, 'took back broadcast events claimed by a worker that stopped');
      };
      if (lease !== null) await takeBack(lease);
      const takeBackTimer =
        lease === null || lease.single
          ? null
          : setInterval(() => {
              if (lease.holds())
                takeBack(lease).catch((error: unknown) => logger.error({ err: error }, 'broadcast take-back failed'));
            }, TAKE_BACK_INTERVAL_MS);

      const policy = {
        firstPauseMs: FIRST_RETRY_PAUSE_MS,
        maxPauseMs: config.BROADCAST_RETRY_MAX_SECONDS * 1000,
        maxAgeMs: config.BROADCAST_MAX_AGE_HOURS * 3_600_000,
      };
      const workers: BroadcastWorker[] = channels.map((channel) =>
        createBroadcastWorker(
          { outbox: deps.store.broadcast, channel, clock: deps.clock, logger },
          { lease: lease ?? NO_LEASE, policy, pollIntervalMs: POLL_INTERVAL_MS },
        ),
      );
      if (lease !== null) for (const worker of workers) worker.start();
      if (channels.length > 0)
        logger.info({ destinations: channels.map((c) => c.destination) }, 'broadcast channels started');

      const routing: BroadcastRouting = {
        destinationsFor: (event) => channels.filter((c) => c.accepts(event)).map((c) => c.destination),
        eventsRecorded: () => {
          for (const worker of workers) worker.wake();
        },
      };
      return {
        value: { routing, destinations: channels.map((c) => c.destination) },
        async stop() {
          if (takeBackTimer !== null) clearInterval(takeBackTimer);
          // Workers stop taking events first; closing the channels then ends an attempt under way (recorded as a retry).
          const stopping = workers.map((w) => w.stop());
          await Promise.all(channels.map((c) => c.close()));
          await Promise.all(stopping);
        },
      };
    },
  };
}
