import { assertNever } from '../assert-never.js';

/**
 * Whether an SMSC connection profile gets new SMS. A profile that cannot be bound, answers with errors, or whose
 * receipts stop coming is `down`: its traffic goes to the next profile by priority. After a probe period it is
 * `half-open`: a few trial messages go there, and only when those were accepted with their receipts, and the
 * profile stayed without fault for a minimum time, is it `up` again. A failed check doubles the probe period, so a
 * profile that keeps failing does not flap.
 */
export type SmscHealthState =
  | { readonly kind: 'up'; readonly since: number }
  | {
      readonly kind: 'down';
      readonly since: number;
      readonly reason: SmscFault;
      /** How long it stays down before the next half-open check. */
      readonly probeAfterMs: number;
    }
  | { readonly kind: 'half-open'; readonly since: number; readonly probeAfterMs: number };

export type SmscHealthKind = SmscHealthState['kind'];
export const SMSC_HEALTH_KINDS: readonly SmscHealthKind[] = ['up', 'down', 'half-open'];

/** Why a profile went down. */
export type SmscFault =
  /** No bind is up and the last attempt to bind failed (refused, timed out, no connection). */
  | { readonly kind: 'bind-failed'; readonly detail: string }
  /** No bind has been up for the grace period (reconnecting takes too long). */
  | { readonly kind: 'unbound'; readonly forMs: number }
  /** The SMSC answered submits with errors of its own (not throttling, not a refusal of the message). */
  | { readonly kind: 'error-answers'; readonly count: number; readonly detail: string }
  /** Too many parts went without a receipt. */
  | { readonly kind: 'receipts-missing'; readonly missing: number; readonly sample: number };

export type SmscFaultKind = SmscFault['kind'];

/** Thresholds; defaults in SMSC_HEALTH_DEFAULTS (configurable as SMSC_FAILOVER_*). */
export interface SmscHealthRules {
  /** A part without a receipt this long after it was submitted counts as missing its receipt. */
  readonly receiptTimeoutMs: number;
  /** Down when at least this share of the parts due a receipt have none… */
  readonly maxMissingShare: number;
  /** …among at least this many parts due a receipt (fewer decide nothing). */
  readonly minSample: number;
  /** Down after this many error answers in a row. */
  readonly maxErrorAnswers: number;
  /** Down when no bind has been up for this long, even while no bind attempt has failed yet. */
  readonly unboundGraceMs: number;
  /** Down for at least this long before the first half-open check… */
  readonly probeAfterMs: number;
  /** …doubling after each failed check, up to this. */
  readonly maxProbeAfterMs: number;
  /** Trial messages of a half-open check. */
  readonly trialMessages: number;
  /** A half-open profile is up again no sooner than this after the check began. */
  readonly minHealthyMs: number;
}

export const SMSC_HEALTH_DEFAULTS: SmscHealthRules = {
  receiptTimeoutMs: 60_000,
  maxMissingShare: 0.15,
  minSample: 20,
  maxErrorAnswers: 5,
  unboundGraceMs: 5_000,
  probeAfterMs: 30_000,
  maxProbeAfterMs: 600_000,
  trialMessages: 5,
  minHealthyMs: 60_000,
};

/**
 * What is known about a profile now (kept by SmscObservations). The counters of errors and receipts start again
 * when the state changes, so that what happened before a profile went down does not count after it came back.
 */
export interface SmscFacts {
  /** At least one bind is up. */
  readonly bound: boolean;
  /** Since when no bind is up (null while one is). */
  readonly unboundSince: number | null;
  /** Why the last bind attempt failed, while no bind is up; null otherwise. */
  readonly bindFailure: string | null;
  /** Error answers since the last normal answer. */
  readonly errorAnswers: number;
  readonly lastError: string | null;
  /** Parts due a receipt (submitted at least receiptTimeoutMs ago, or with their receipt) in this state. */
  readonly receiptsDue: number;
  /** Of those, the ones without a receipt. */
  readonly receiptsMissing: number;
  /** Parts submitted in this state still waiting for their receipt, not yet due. */
  readonly receiptsAwaited: number;
  /** Messages accepted in this state. */
  readonly accepted: number;
}

export const initialSmscHealth = (now: number): SmscHealthState => ({ kind: 'up', since: now });

/**
 * The fault that takes a profile down, if any. A half-open profile is judged strictly: one error answer or one
 * trial part without its receipt fails the check.
 */
export function smscFault(facts: SmscFacts, now: number, rules: SmscHealthRules, strict: boolean): SmscFault | null {
  if (!facts.bound && facts.bindFailure !== null) return { kind: 'bind-failed', detail: facts.bindFailure };
  if (!facts.bound && facts.unboundSince !== null && now - facts.unboundSince >= rules.unboundGraceMs) {
    return { kind: 'unbound', forMs: now - facts.unboundSince };
  }
  if (facts.errorAnswers >= (strict ? 1 : rules.maxErrorAnswers)) {
    return { kind: 'error-answers', count: facts.errorAnswers, detail: facts.lastError ?? '' };
  }
  const missingTooMany = strict
    ? facts.receiptsMissing > 0
    : facts.receiptsDue >= rules.minSample && facts.receiptsMissing >= rules.maxMissingShare * facts.receiptsDue;
  if (missingTooMany) {
    return { kind: 'receipts-missing', missing: facts.receiptsMissing, sample: facts.receiptsDue };
  }
  return null;
}

/** The state a profile is in now, given what is known about it. */
export function assessSmsc(
  state: SmscHealthState,
  facts: SmscFacts,
  now: number,
  rules: SmscHealthRules,
): SmscHealthState {
  switch (state.kind) {
    case 'up': {
      const fault = smscFault(facts, now, rules, false);
      return fault === null ? state : { kind: 'down', since: now, reason: fault, probeAfterMs: rules.probeAfterMs };
    }
    case 'down':
      // A check needs a bind to send its trials over.
      if (!facts.bound || now - state.since < state.probeAfterMs) return state;
      return { kind: 'half-open', since: now, probeAfterMs: state.probeAfterMs };
    case 'half-open': {
      const fault = smscFault(facts, now, rules, true);
      if (fault !== null) {
        const probeAfterMs = Math.min(rules.maxProbeAfterMs, state.probeAfterMs * 2);
        return { kind: 'down', since: now, reason: fault, probeAfterMs };
      }
      return trialsPassed(facts, rules) && now - state.since >= rules.minHealthyMs ? { kind: 'up', since: now } : state;
    }
    default:
      return assertNever(state);
  }
}

/** Every trial message was accepted and every receipt asked for came. */
export const trialsPassed = (facts: SmscFacts, rules: SmscHealthRules): boolean =>
  facts.accepted >= rules.trialMessages && facts.receiptsAwaited === 0 && facts.receiptsMissing === 0;

/** How much new traffic a profile takes: all of it (by priority), a trial message now and then, or none. */
export type SmscTraffic = 'all' | 'trial' | 'none';

/**
 * `trialsOut`: trial messages handed to it and not answered yet. A half-open profile takes trials until enough
 * were accepted; then it waits for their receipts and the minimum time.
 */
export function smscTraffic(
  state: SmscHealthState,
  facts: SmscFacts,
  trialsOut: number,
  rules: SmscHealthRules,
): SmscTraffic {
  switch (state.kind) {
    case 'up':
      return 'all';
    case 'down':
      return 'none';
    case 'half-open':
      return facts.accepted + trialsOut < rules.trialMessages ? 'trial' : 'none';
    default:
      return assertNever(state);
  }
}
