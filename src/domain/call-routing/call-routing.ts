/** How a telephony platform asked where to put a 0800-0011 caller through. */
export type CallTransport = 'sip-udp' | 'sip-tcp' | 'http';

/**
 * Why a call went where it went; mirrored by a CHECK on call_routings.reason.
 * - active-action: the number got messages of active actions of one meldkamer
 * - most-recent-action: of several meldkamers; the one whose action messaged the caller last
 * - registered-address: no active action reached the number; the meldkamer of its registered address
 * - national-default: a number we cannot place
 * - no-caller-number: anonymous or unreadable caller ID
 * - lookup-failed: the database failed or did not answer in time; the national default, so the caller is never stuck
 * - overloaded: too many lookups under way already; the national default at once rather than a growing queue
 */
export type RoutingReason =
  | 'active-action'
  | 'most-recent-action'
  | 'registered-address'
  | 'national-default'
  | 'no-caller-number'
  | 'lookup-failed'
  | 'overloaded';

export const routingReasons: readonly RoutingReason[] = [
  'active-action',
  'most-recent-action',
  'registered-address',
  'national-default',
  'no-caller-number',
  'lookup-failed',
  'overloaded',
];

/** An active action that sent a message to the caller's number within the lookback. */
export interface ActionCandidate {
  readonly actionId: string;
  readonly meldkamerCode: string;
  /** The meldkamer's phone routing target (SIP URI or E.164 number). */
  readonly target: string;
  /** When the most recent message of this action to the number was sent. */
  readonly lastSentAt: Date;
}

/** A meldkamer and where its calls go. */
export interface MeldkamerTarget {
  readonly meldkamerCode: string;
  readonly target: string;
}

export interface RouteDecision {
  readonly actionId: string | null;
  /** null for the national default. */
  readonly meldkamerCode: string | null;
  readonly target: string;
  readonly reason: RoutingReason;
  /** Active actions that reached the number (more than one: the choice was made between them). */
  readonly candidates: number;
}

/**
 * The most recent action wins: the message the caller got last is the one they most likely call about.
 * Ties (two messages at the same moment) go to the lower action id, so that a retransmitted question gets
 * the same answer.
 */
export function chooseAction(candidates: readonly ActionCandidate[]): ActionCandidate | null {
  let best: ActionCandidate | null = null;
  for (const c of candidates) {
    if (
      best === null ||
      c.lastSentAt.getTime() > best.lastSentAt.getTime() ||
      (c.lastSentAt.getTime() === best.lastSentAt.getTime() && c.actionId < best.actionId)
    ) {
      best = c;
    }
  }
  return best;
}

/** Routes to the chosen action's meldkamer; without one, the registered address, else the national default. */
export function decideRoute(
  candidates: readonly ActionCandidate[],
  registered: MeldkamerTarget | null,
  nationalTarget: string,
): RouteDecision {
  const chosen = chooseAction(candidates);
  if (chosen !== null) {
    const meldkamers = new Set(candidates.map((c) => c.meldkamerCode));
    return {
      actionId: chosen.actionId,
      meldkamerCode: chosen.meldkamerCode,
      target: chosen.target,
      reason: meldkamers.size > 1 ? 'most-recent-action' : 'active-action',
      candidates: candidates.length,
    };
  }
  if (registered !== null)
    return {
      actionId: null,
      meldkamerCode: registered.meldkamerCode,
      target: registered.target,
      reason: 'registered-address',
      candidates: 0,
    };
  return nationalDefault('national-default', nationalTarget);
}

export function nationalDefault(
  reason: 'national-default' | 'no-caller-number' | 'lookup-failed' | 'overloaded',
  nationalTarget: string,
): RouteDecision {
  return { actionId: null, meldkamerCode: null, target: nationalTarget, reason, candidates: 0 };
}
