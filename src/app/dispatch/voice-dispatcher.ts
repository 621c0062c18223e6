import type { Catalogue } from '../../domain/messages/catalogue.js';
import type { LeaseHolder } from '../cluster/node-lease.js';
import { endOfQuietHours, isQuiet, type QuietHours } from '../../domain/voice/quiet-hours.js';
import type { Clock } from '../ports/clock.js';
import type { ClaimedDelivery } from '../ports/dispatch-repository.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/stores.js';
import type { VoiceCallRecord } from '../ports/voice-call-repository.js';
import type { CallOutcome, OutboundCall, VoiceChannel } from '../ports/voice-channel.js';
import { nextCallAttempt, type VoiceRetryPolicy } from './voice-retry.js';
import { createOutcomeBatch } from './outcome-batch.js';
import { createWakeablePause } from './wakeable-pause.js';

export interface VoiceDispatcherOptions extends VoiceRetryPolicy {
  /** This node's lease: calls are claimed under its id, and none is claimed once it no longer holds. */
  readonly lease: LeaseHolder;
  /** How often an idle worker looks for work it was not told about (and for retries that became due). */
  readonly pollIntervalMs: number;
  /** No closing calls in these hours: they wait until the end. */
  readonly quietHours: QuietHours;
  /** How often a Burgernet call plays its message. */
  readonly plays: number;
}

export interface VoiceDispatcher {
  start(): void;
  wake(): void;
  /** Stops claiming, lets the calls in progress end and stores their outcomes. */
  stop(): Promise<void>;
  /** Calls in progress now. */
  readonly activeCalls: number;
}

/**
 * Takes queued voice deliveries (in the store's order: priority, fairness, nearest first) and places a call
 * for each, never more at once than the trunk allows. The speech of a batch is rendered before its first call.
 */
export function createVoiceDispatcher(
  deps: {
    readonly store: Store;
    readonly channel: VoiceChannel;
    readonly clock: Clock;
    readonly logger: Logger;
    readonly catalogue: Catalogue;
  },
  options: VoiceDispatcherOptions,
): VoiceDispatcher {
  let running = false;
  let loopDone: Promise<void> = Promise.resolve();
  let inFlight = 0;
  let unavailableStreak = 0;
  const pause = createWakeablePause();
  const wait = pause.wait;
  // A call that was made must not be forgotten (it would be made again).
  const pending = createOutcomeBatch<VoiceCallRecord>(
    (batch) => deps.store.transaction((s) => s.voiceCalls.recordCalls(batch, deps.clock.now())),
    (error, count) => deps.logger.error({ err: error, calls: count }, 'storing call outcomes failed'),
  );
  const flush = () => pending.flush();
  const calls = new Set<Promise<void>>();

  function script(d: ClaimedDelivery): OutboundCall {
    const { callBack, repeatHint } = deps.catalogue.voice;
    return {
      callId: `${d.id}-${d.attempts}`,
      to: d.msisdn,
      text: d.spokenText,
      plays: options.plays,
      // Whom to call belongs to the alert and its updates; the closing message only says it is over.
      closing: d.messageKind === 'closing' ? repeatHint : `${callBack} ${repeatHint}`,
    };
  }

  async function call(d: ClaimedDelivery): Promise<void> {
    const startedAt = deps.clock.now();
    let outcome: CallOutcome;
    try {
      outcome = await deps.channel.placeCall(script(d));
    } catch (error) {
      outcome = { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
    }
    const endedAt = deps.clock.now();
    unavailableStreak = outcome.kind === 'unavailable' ? unavailableStreak + 1 : 0;
    pending.push({
      deliveryId: d.id,
      attempt: d.attempts,
      outcome,
      startedAt,
      endedAt,
      retryAt: nextCallAttempt(outcome, d.messageKind, d.attempts, options, endedAt),
    });
    deps.logger.debug({ deliveryId: d.id, attempt: d.attempts, outcome: outcome.kind }, 'call ended');
    await flush();
    inFlight -= 1;
    pause.wake();
  }

  async function prepare(claimed: readonly ClaimedDelivery[]): Promise<boolean> {
    const texts = new Set<string>();
    for (const d of claimed) {
      const s = script(d);
      texts.add(s.text);
      if (s.closing) texts.add(s.closing);
    }
    try {
      await deps.channel.prepare([...texts]);
      return true;
    } catch (error) {
      deps.logger.error({ err: error }, 'rendering speech failed');
      return false;
    }
  }

  /** Returns how many of the claimed are accounted for (deferred, recorded or calling); the rest stay claimed. */
  async function handOut(claimed: readonly ClaimedDelivery[], done: { count: number }): Promise<void> {
    const now = deps.clock.now();
    const quiet = isQuiet(now, options.quietHours);
    const later = quiet ? claimed.filter((d) => d.messageKind === 'closing') : [];
    const callNow = quiet ? claimed.filter((d) => d.messageKind !== 'closing') : claimed;
    if (later.length > 0) {
      await deps.store.voiceCalls.defer(
        later.map((d) => d.id),
        endOfQuietHours(now, options.quietHours),
      );
      inFlight -= later.length;
      done.count += later.length;
      deps.logger.info({ deferred: later.length }, 'closing calls wait for the end of the quiet hours');
    }
    if (callNow.length === 0) return;
    if (!(await prepare(callNow))) {
      // Without speech there is no call: back in the queue after a pause, as for a trunk that is down.
      const endedAt = deps.clock.now();
      for (const d of callNow) {
        const outcome: CallOutcome = { kind: 'unavailable', reason: 'speech could not be rendered' };
        pending.push({
          deliveryId: d.id,
          attempt: d.attempts,
          outcome,
          startedAt: endedAt,
          endedAt,
          retryAt: nextCallAttempt(outcome, d.messageKind, d.attempts, options, endedAt),
        });
      }
      unavailableStreak += 1;
      done.count += callNow.length;
      await flush();
      inFlight -= callNow.length;
      return;
    }
    for (const d of callNow) {
      done.count += 1;
      const running = call(d);
      calls.add(running);
      void running.finally(() => calls.delete(running));
    }
  }

  async function loop(): Promise<void> {
    while (running) {
      const room = deps.channel.maxConcurrentCalls - inFlight;
      if (room <= 0) {
        await wait(options.pollIntervalMs);
        continue;
      }
      if (!options.lease.holds()) {
        await wait(options.pollIntervalMs);
        continue;
      }
      if (unavailableStreak > 0) {
        await wait(Math.min(options.unavailablePauseMs, 100 * 2 ** Math.min(unavailableStreak, 10)));
        if (!running) break;
      }
      let claimed: readonly ClaimedDelivery[];
      try {
        claimed = await deps.store.dispatch.claim('voice', room, options.lease.workerId, deps.clock.now());
      } catch (error) {
        deps.logger.error({ err: error }, 'claiming voice deliveries failed');
        await wait(options.pollIntervalMs);
        continue;
      }
      if (claimed.length === 0) {
        await wait(options.pollIntervalMs);
        continue;
      }
      inFlight += claimed.length;
      const done = { count: 0 };
      try {
        await handOut(claimed, done);
      } catch (error) {
        // The claims not handed out stay 'sending' and come back with the lease or at the next start.
        inFlight -= claimed.length - done.count;
        deps.logger.error({ err: error }, 'handing out voice deliveries failed');
        await wait(options.pollIntervalMs);
      }
    }
  }

  return {
    get activeCalls() {
      return inFlight;
    },
    start() {
      if (running) return;
      running = true;
      loopDone = loop().catch((error: unknown) =>
        deps.logger.error({ err: error }, 'voice dispatcher stopped by an error'),
      );
    },
    wake() {
      pause.wake();
    },
    async stop() {
      running = false;
      pause.wake();
      await loopDone;
      await Promise.all([...calls]);
      await flush();
    },
  };
}
