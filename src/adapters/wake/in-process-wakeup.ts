import { EventEmitter } from 'node:events';
import type { ContactChannel } from '../../domain/participant/registration.js';
import type { DispatchWakeup } from '../../app/ports/dispatch-wakeup.js';

/** Wakes workers in this process (the embedded default); relayed-wakeup.ts adds the other nodes of a cluster. */
export function createInProcessWakeup(): DispatchWakeup {
  const events = new EventEmitter();
  events.setMaxListeners(100);
  return {
    targetingQueued: () => events.emit('targeting'),
    deliveriesQueued: (channel) => events.emit('deliveries', channel),
    onTargetingQueued: (listener) => events.on('targeting', listener),
    onDeliveriesQueued: (listener: (channel: ContactChannel) => void) => events.on('deliveries', listener),
  };
}
