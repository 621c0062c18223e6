import { announce, SESSION_CHECK } from './session-status.js';

/**
 * The server ends a live stream with a `session-ended` event when the stream's session is over (logout, timeout,
 * revocation): the EventSource stops reconnecting, and the session script asks the portal and says so.
 */
export function closeWhenSessionEnds(source: EventSource): void {
  source.addEventListener('session-ended', () => {
    source.close();
    announce(SESSION_CHECK);
  });
}
