import type {
  ActionCandidate,
  CallTransport,
  MeldkamerTarget,
  RoutingReason,
} from '../../domain/call-routing/call-routing.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';

/** One routing decision as it is recorded: never the caller's number (see README, 0800-0011). */
export interface CallRouting {
  readonly at: Date;
  readonly actionId: string | null;
  readonly meldkamerCode: string | null;
  readonly target: string;
  readonly reason: RoutingReason;
  readonly transport: CallTransport;
  readonly candidates: number;
}

export interface CallRoutingCandidates {
  /** Active actions that sent the number a message (sending, submitted or delivered) since `since`. */
  readonly actions: readonly ActionCandidate[];
  /** Only when there are no such actions: the meldkamer of the number's first registered address, or null. */
  readonly registered: MeldkamerTarget | null;
}

export interface CallRoutingRepository {
  candidatesFor(msisdn: Msisdn, since: Date): Promise<CallRoutingCandidates>;
}

/**
 * Where routing decisions are recorded. `record` only hands the decision over and never fails or waits: the
 * caller is answered first, the record is written moments later (in batches).
 */
export interface CallRoutingLog {
  record(routing: CallRouting): void;
}
