import type { MessageKind } from '../../domain/delivery/message-kind.js';
import type { CallOutcome } from '../ports/voice-channel.js';

export interface VoiceRetryPolicy {
  /** Extra calls after busy or no answer (so 2 means at most 3 calls). */
  readonly retries: number;
  readonly retryPauseMs: number;
  /** Calls that never reached the trunk are tried again after this pause… */
  readonly unavailablePauseMs: number;
  /** …until the delivery has been handed out this often. */
  readonly maxUnavailableAttempts: number;
}

/**
 * When to call again after this outcome, or null when it is final. Busy and no answer are retried for
 * alerts and updates (the store drops the retry once the action is no longer active); a closing message is
 * not retried, as nothing is after the close. A trunk that could not be reached is tried again for any message.
 */
export function nextCallAttempt(
  outcome: CallOutcome,
  kind: MessageKind,
  attempts: number,
  policy: VoiceRetryPolicy,
  now: Date,
): Date | null {
  switch (outcome.kind) {
    case 'busy':
    case 'no-answer':
      return kind !== 'closing' && attempts <= policy.retries ? new Date(now.getTime() + policy.retryPauseMs) : null;
    case 'unavailable':
      return attempts < policy.maxUnavailableAttempts ? new Date(now.getTime() + policy.unavailablePauseMs) : null;
    case 'answered':
    case 'rejected':
    case 'failed':
      return null;
  }
}
