import type { ContactChannel } from '../../domain/participant/registration.js';

/**
 * Tells workers that there is work, so that they need not wait for their next poll. Only a hint: the
 * database is the record, and workers also poll.
 */
export interface DispatchWakeup {
  targetingQueued(): void;
  deliveriesQueued(channel: ContactChannel): void;
  onTargetingQueued(listener: () => void): void;
  onDeliveriesQueued(listener: (channel: ContactChannel) => void): void;
}
