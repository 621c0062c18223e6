import type { Logger } from 'pino';
import type { Clock } from '../../../app/ports/clock.js';
import type { OutboundSms, SmsSubmitOutcome } from '../../../app/ports/sms-channel.js';
import {
  assessSmsc,
  initialSmscHealth,
  smscTraffic,
  type SmscFaultKind,
  type SmscHealthKind,
  type SmscHealthRules,
  type SmscHealthState,
  type SmscTraffic,
} from '../../../domain/delivery/smsc-health.js';
import { SmscObservations } from '../../../domain/delivery/smsc-observations.js';
import type { SmppChannel, SmppSignal } from './smpp-channel.js';

/** One profile's health as /health shows it. */
export interface SmscHealthView {
  readonly profile: string;
  /** 1 is tried first; null: bound for receipts only. */
  readonly priority: number | null;
  readonly state: SmscHealthKind;
  readonly since: Date;
  /** Why it is down (or was, while half-open). */
  readonly reason: SmscFaultKind | null;
  readonly bound: boolean;
  /** Of the latest parts due a receipt, how many had none (and how many were due). */
  readonly receiptsMissing: number;
  readonly receiptsDue: number;
}

export interface SmscHealthMonitorDeps {
  readonly channel: SmppChannel;
  readonly priority: number | null;
  readonly rules: SmscHealthRules;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Follows one SMSC connection profile (its binds, its answers, its receipts) and keeps its health by the domain's
 * rules (domain/delivery/smsc-health.ts). Going down or coming back is logged as a warning with the reason, and
 * going down hands the parts still queued there back to the caller, so that they can go elsewhere at once.
 */
export class SmscHealthMonitor {
  readonly #deps: SmscHealthMonitorDeps;
  readonly #logger: Logger;
  readonly #seen: SmscObservations;
  #state: SmscHealthState;
  /** Trial messages handed to it while half-open and not answered yet. */
  #trialsOut = 0;
  #lastReason: SmscFaultKind | null = null;

  constructor(deps: SmscHealthMonitorDeps) {
    this.#deps = deps;
    this.#logger = deps.logger.child({ smsc: deps.channel.profile });
    const now = this.#now();
    this.#seen = new SmscObservations(deps.rules, now);
    // Up until proven otherwise: a profile that cannot bind at the start is down after the first failed attempt.
    this.#state = initialSmscHealth(now);
    deps.channel.observe((signal) => this.#onSignal(signal));
  }

  get profile(): string {
    return this.#deps.channel.profile;
  }

  get priority(): number | null {
    return this.#deps.priority;
  }

  get channel(): SmppChannel {
    return this.#deps.channel;
  }

  get state(): SmscHealthKind {
    return this.#state.kind;
  }

  traffic(): SmscTraffic {
    return smscTraffic(this.#state, this.#seen.facts(this.#now()), this.#trialsOut, this.#deps.rules);
  }

  /** Sends one SMS here; `trial`: as one of the messages of a half-open check. */
  async submit(sms: OutboundSms, trial: boolean): Promise<SmsSubmitOutcome> {
    if (trial) this.#trialsOut += 1;
    try {
      const outcome = await this.#deps.channel.submit(sms);
      this.#submitted(sms, outcome);
      return outcome;
    } finally {
      if (trial) this.#trialsOut -= 1;
      this.assess();
    }
  }

  receipt(reference: string): void {
    this.#seen.receipt(reference, this.#now());
  }

  /** Takes the state the facts now call for. */
  assess(): void {
    const now = this.#now();
    const before = this.#state;
    const next = assessSmsc(before, this.#seen.facts(now), now, this.#deps.rules);
    if (next === before) return;
    this.#state = next;
    this.#seen.restart();
    switch (next.kind) {
      case 'down': {
        this.#lastReason = next.reason.kind;
        const released = this.#deps.channel.releaseQueued(`smsc ${this.profile} down: ${next.reason.kind}`);
        this.#logger.warn(
          { reason: next.reason, was: before.kind, probeAfterMs: next.probeAfterMs, released },
          'smsc profile down, traffic moves to the next',
        );
        return;
      }
      case 'half-open':
        this.#logger.info({ downForMs: now - before.since }, 'smsc profile half-open, sending trial messages');
        return;
      case 'up':
        this.#logger.warn(
          { reason: this.#lastReason, halfOpenForMs: now - before.since },
          'smsc profile back up, takes traffic again',
        );
        this.#lastReason = null;
        return;
      default:
        next satisfies never;
    }
  }

  view(): SmscHealthView {
    const facts = this.#seen.facts(this.#now());
    return {
      profile: this.profile,
      priority: this.#deps.priority,
      state: this.#state.kind,
      since: new Date(this.#state.since),
      reason: this.#state.kind === 'up' ? null : this.#lastReason,
      bound: facts.bound,
      receiptsMissing: facts.receiptsMissing,
      receiptsDue: facts.receiptsDue,
    };
  }

  #submitted(sms: OutboundSms, outcome: SmsSubmitOutcome): void {
    const submission =
      outcome.kind === 'accepted' ? outcome : outcome.kind === 'unavailable' ? outcome.partial : undefined;
    if (submission !== undefined && sms.receipts !== 'none') {
      // From the SMSC's answer, not from the part's submittedAt: a part may wait its turn a while before it goes.
      const now = this.#now();
      for (const part of submission.accepted) this.#seen.partSubmitted(part.reference, now);
    }
    if (outcome.kind === 'accepted') this.#seen.accepted();
  }

  #onSignal(signal: SmppSignal): void {
    switch (signal.kind) {
      case 'link':
        this.#seen.linkChanged(signal.bound, this.#now());
        break;
      case 'bind-failed':
        this.#seen.bindFailed(signal.detail);
        break;
      case 'answer':
        if (signal.answer.kind === 'normal') this.#seen.answered();
        else this.#seen.errorAnswer(signal.answer.detail);
        // An answer comes with every part: the submit's end assesses, the tick the rest.
        return;
      default:
        signal satisfies never;
    }
    this.assess();
  }

  #now(): number {
    return this.#deps.clock.now().getTime();
  }
}
