import type { DispatchWakeup } from '../../app/ports/dispatch-wakeup.js';
import { CONTACT_CHANNELS, type ContactChannel } from '../../domain/participant/registration.js';
import { createCoalescer, type Coalescer } from '../messaging/coalescer.js';
import type { RelayChain } from '../messaging/relay-chain.js';
import { createInProcessWakeup } from './in-process-wakeup.js';

const TARGETING = 'wake.targeting';
const deliveriesTopic = (channel: ContactChannel) => `wake.deliveries.${channel}`;

export interface RelayedWakeup extends DispatchWakeup {
  /** Drops the wake-ups that wait for their coalescing window. */
  close(): void;
}

/**
 * Wakes the workers of this node at once and those of the other nodes over the relay chain (NATS, else
 * PostgreSQL LISTEN/NOTIFY), at most once per topic per `coalesceMs`. Still only a hint: every worker polls.
 */
export function createRelayedWakeup(relays: RelayChain, options: { readonly coalesceMs: number }): RelayedWakeup {
  const local = createInProcessWakeup();
  const outgoing: Coalescer = createCoalescer(options.coalesceMs, (topic) => relays.publish(topic, ''));
  relays.subscribe(TARGETING, () => local.targetingQueued());
  for (const channel of CONTACT_CHANNELS) {
    relays.subscribe(deliveriesTopic(channel), () => local.deliveriesQueued(channel));
  }
  return {
    targetingQueued() {
      local.targetingQueued();
      outgoing.signal(TARGETING);
    },
    deliveriesQueued(channel) {
      local.deliveriesQueued(channel);
      outgoing.signal(deliveriesTopic(channel));
    },
    onTargetingQueued: (listener) => local.onTargetingQueued(listener),
    onDeliveriesQueued: (listener) => local.onDeliveriesQueued(listener),
    close: () => outgoing.close(),
  };
}
