import type { CallRoutedEvent, CallRoutedListener } from '../../app/ports/call-routed-listener.js';
import type { Logger } from '../../app/ports/logger.js';

export interface CallRoutedEvents extends CallRoutedListener {
  /** Calls `listener` for every call routed for an action from now on; returns the unsubscribe. */
  subscribe(listener: (event: CallRoutedEvent) => void): () => void;
}

/**
 * Hands "a call was routed for action X" to listeners in this process (the console's live tips). A listener
 * that throws is logged and does not keep the others, or the caller's answer, from going on.
 */
export function createInProcessCallRoutedEvents(logger: Logger): CallRoutedEvents {
  const listeners = new Set<(event: CallRoutedEvent) => void>();
  return {
    callRouted(event) {
      for (const listener of listeners) {
        try {
          listener(event);
        } catch (error) {
          logger.error({ err: error, actionId: event.actionId }, 'call-routed listener failed');
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
