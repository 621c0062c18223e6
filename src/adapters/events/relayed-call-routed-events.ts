import { z } from 'zod';
import type { Logger } from '../../app/ports/logger.js';
import { routingReasons } from '../../domain/call-routing/call-routing.js';
import type { RelayChain } from '../messaging/relay-chain.js';
import { createInProcessCallRoutedEvents, type CallRoutedEvents } from './in-process-call-routed-events.js';

const TOPIC = 'events.call-routed';

const relayedEvent = z.object({
  at: z.iso.datetime(),
  actionId: z.string(),
  meldkamerCode: z.string(),
  reason: z.enum(routingReasons),
  transport: z.enum(['sip-udp', 'sip-tcp', 'http']),
});

/**
 * Routed calls for the consoles of every node: this node's listeners hear a call at once, the other nodes' over
 * the relay chain, so a console whose stream is held by node B sees a call that node A routed. Live events are
 * not the record (call_routings is): one lost while no relay is available is not sent again.
 */
export function createRelayedCallRoutedEvents(relays: RelayChain, logger: Logger): CallRoutedEvents {
  const local = createInProcessCallRoutedEvents(logger);
  relays.subscribe(TOPIC, (payload) => {
    const parsed = relayedEvent.safeParse(JSON.parse(payload));
    if (!parsed.success) {
      logger.warn({ issues: parsed.error.issues.length }, 'relayed call-routed event not understood; ignored');
      return;
    }
    local.callRouted({ ...parsed.data, at: new Date(parsed.data.at) });
  });
  return {
    callRouted(event) {
      local.callRouted(event);
      relays.publish(TOPIC, JSON.stringify({ ...event, at: event.at.toISOString() }));
    },
    subscribe: (listener) => local.subscribe(listener),
  };
}
