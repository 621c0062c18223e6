import {
  decideRoute,
  nationalDefault,
  type CallTransport,
  type RouteDecision,
} from '../../domain/call-routing/call-routing.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';
import type { CallRoutedListener } from '../ports/call-routed-listener.js';
import type { CallRoutingLog, CallRoutingRepository } from '../ports/call-routing-repository.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';

export interface RouteCallerDeps {
  readonly calls: CallRoutingRepository;
  readonly log: CallRoutingLog;
  readonly clock: Clock;
  readonly listener: CallRoutedListener;
  readonly logger: Logger;
}

export interface RouteCallerSettings {
  /** Messages sent longer ago than this do not count. */
  readonly lookbackMs: number;
  /** Where a caller goes whom no meldkamer can be found for. */
  readonly nationalTarget: string;
  /** A lookup slower than this is given up: the caller goes to the national default rather than wait. */
  readonly lookupTimeoutMs: number;
  /** Lookups under way (timed out ones included) beyond which a caller goes to the national default at once. */
  readonly maxConcurrentLookups: number;
}

export type RouteCaller = (caller: Msisdn | null, transport: CallTransport) => Promise<RouteDecision>;

/**
 * Decides where a call to 0800-0011 goes (see decideRoute) and records the decision. A caller always gets
 * an answer: a failing or slow database sends them to the national default, and the record is written after
 * the answer (routing a citizen matters more than the statistics).
 */
export function createRouteCaller(deps: RouteCallerDeps, settings: RouteCallerSettings): RouteCaller {
  const lookup = async (caller: Msisdn | null): Promise<RouteDecision> => {
    if (caller === null) return nationalDefault('no-caller-number', settings.nationalTarget);
    const since = new Date(deps.clock.now().getTime() - settings.lookbackMs);
    const found = await deps.calls.candidatesFor(caller, since);
    return decideRoute(found.actions, found.registered, settings.nationalTarget);
  };

  let lookups = 0;
  const boundedLookup = async (caller: Msisdn | null): Promise<RouteDecision> => {
    lookups++;
    try {
      return await lookup(caller);
    } finally {
      lookups--;
    }
  };

  return async (caller, transport) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), settings.lookupTimeoutMs);
    });
    let decision: RouteDecision;
    try {
      // An overloaded database answers everyone late: better to put the excess through to the national target now.
      const result =
        caller !== null && lookups >= settings.maxConcurrentLookups
          ? nationalDefault('overloaded', settings.nationalTarget)
          : await Promise.race([boundedLookup(caller), timeout]);
      if (result === 'timeout') {
        deps.logger.error({ timeoutMs: settings.lookupTimeoutMs }, 'call routing lookup timed out; national default');
        decision = nationalDefault('lookup-failed', settings.nationalTarget);
      } else {
        decision = result;
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'call routing lookup failed; national default');
      decision = nationalDefault('lookup-failed', settings.nationalTarget);
    } finally {
      clearTimeout(timer);
    }
    const at = deps.clock.now();
    deps.log.record({ at, ...decision, transport });
    if (decision.actionId !== null && decision.meldkamerCode !== null) {
      deps.listener.callRouted({
        at,
        actionId: decision.actionId,
        meldkamerCode: decision.meldkamerCode,
        reason: decision.reason,
        transport,
      });
    }
    return decision;
  };
}
