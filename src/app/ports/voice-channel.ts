import type { Msisdn } from '../../domain/participant/msisdn.js';

/** What one call says. The caller composes every sentence (from the catalogue); the channel only speaks. */
export interface OutboundCall {
  /** Our id for the call (a delivery, a sign-up check); adapters use it for logging only. */
  readonly callId: string;
  readonly to: Msisdn;
  /** Spoken `plays` times, with a short pause between; a DTMF 1 from the callee starts it again. */
  readonly text: string;
  /** How often `text` is played (default 2). */
  readonly plays?: number;
  /** Spoken once after the last play ("Heeft u iets gezien? …"); none when null or absent. */
  readonly closing?: string | null;
}

export type CallOutcome =
  /** The callee picked up; `playedMs` is how long audio was sent, `repeats` how often they pressed 1. */
  | {
      readonly kind: 'answered';
      readonly playedMs: number;
      readonly repeats: number;
      readonly hungUpBy: 'us' | 'callee';
    }
  /** 486 Busy Here / 600 Busy Everywhere. */
  | { readonly kind: 'busy'; readonly sipStatus: number }
  /** Nobody picked up within the ring timeout (we cancelled), or 480/408 from the network. */
  | { readonly kind: 'no-answer'; readonly sipStatus: number | null }
  /** 603 Decline: the callee refused it. */
  | { readonly kind: 'rejected'; readonly sipStatus: number }
  /** Any other final failure (unknown number, no common codec, authentication refused): not worth a retry. */
  | { readonly kind: 'failed'; readonly reason: string; readonly sipStatus: number | null }
  /** The call never reached the trunk (no answer to the INVITE, connection down, 503): safe to try again. */
  | { readonly kind: 'unavailable'; readonly reason: string };

export type CallOutcomeKind = CallOutcome['kind'];

/**
 * Places phone calls that speak a text. The adapter keeps to the trunk's limit of simultaneous calls:
 * callers may place more at once, the extra ones wait for a free line.
 */
export interface VoiceChannel {
  /** Simultaneous calls the trunk allows. */
  readonly maxConcurrentCalls: number;
  /** Renders the speech for these texts ahead of the calls that use them (cached: later calls reuse it). */
  prepare(texts: readonly string[]): Promise<void>;
  placeCall(call: OutboundCall): Promise<CallOutcome>;
  close(): Promise<void>;
}
