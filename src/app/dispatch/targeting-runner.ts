import { boundingRadiusMetres, type Area } from '../../domain/area/area.js';
import { selectRecipients, type Recipient } from '../../domain/targeting/select-recipients.js';
import type { ActionMessage } from '../ports/action-repository.js';
import type { Clock } from '../ports/clock.js';
import type { DispatchWakeup } from '../ports/dispatch-wakeup.js';
import type { TargetingRun } from '../ports/dispatch-repository.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/stores.js';

export interface TargetingRunnerOptions {
  /**
   * The recipients within this distance of the incident are selected and queued before the rest of the area:
   * a small query, so that the first SMS leaves while a large area is still being read.
   */
  readonly firstRadiusMetres: number;
  /** The nearest recipients are queued in a small first chunk, so the first SMS leaves at once. */
  readonly firstChunk: number;
  readonly chunk: number;
}

export interface TargetingRunner {
  /** Runs every pending targeting run to the end; concurrent calls share one pass. */
  runPending(): Promise<void>;
}

/**
 * Turns recorded targeting runs into queued deliveries. A run is deterministic (its area and moment are
 * recorded), and queuing ignores numbers that already have the message, so a run cut short by a crash is
 * simply run again.
 */
export function createTargetingRunner(
  deps: { readonly store: Store; readonly clock: Clock; readonly wakeup: DispatchWakeup; readonly logger: Logger },
  options: TargetingRunnerOptions,
): TargetingRunner {
  let pass: Promise<void> | null = null;
  let again = false;

  async function enqueue(
    message: ActionMessage,
    recipients: readonly Recipient[],
    firstChunk: number,
  ): Promise<number> {
    let queued = 0;
    for (let from = 0; from < recipients.length;) {
      const size = from === 0 ? firstChunk : options.chunk;
      const slice = recipients.slice(from, from + size);
      queued += await deps.store.transaction((s) => s.dispatch.enqueueRecipients(message, slice, deps.clock.now()));
      deps.wakeup.deliveriesQueued('sms');
      if (slice.some((r) => r.channel === 'voice')) deps.wakeup.deliveriesQueued('voice');
      from += size;
    }
    return queued;
  }

  async function run(r: TargetingRun): Promise<void> {
    const startedAt = deps.clock.now();
    const [reached, messages] = await Promise.all([
      deps.store.dispatch.reachedMsisdns(r.actionId),
      deps.store.actions.listMessages(r.actionId),
    ]);
    const message = messages.find((m) => m.id === r.messageId);
    if (message === undefined) throw new Error(`targeting run ${r.id} names unknown message ${r.messageId}`);
    // A number whose nearest registration in the area lies within the inner circle has that one among the
    // circle's candidates, so the near recipients are the head of the area's nearest-first list.
    const areaRadius = boundingRadiusMetres(r.area);
    const innerRadius = Math.min(options.firstRadiusMetres, areaRadius);
    const inner: Area = { kind: 'circle', centre: r.area.centre, radiusMetres: innerRadius };
    const near = selectRecipients(
      await deps.store.participants.findCandidates(inner),
      r.area,
      r.evaluatedAt,
      reached,
    ).filter((d) => d.distanceMetres <= innerRadius);
    let queued = await enqueue(message, near, options.firstChunk);
    let recipients = near.length;
    if (innerRadius < areaRadius) {
      const queuedAlready = new Set(near.map((d) => d.msisdn));
      const all = selectRecipients(
        await deps.store.participants.findCandidates(r.area),
        r.area,
        r.evaluatedAt,
        reached,
      );
      queued += await enqueue(
        message,
        all.filter((d) => !queuedAlready.has(d.msisdn)),
        options.chunk,
      );
      recipients = all.length;
    }
    await deps.store.dispatch.completeTargetingRun(r.id, queued, deps.clock.now());
    deps.logger.info(
      {
        actionId: r.actionId,
        runId: r.id,
        near: near.length,
        recipients,
        queued,
        ms: deps.clock.now().getTime() - startedAt.getTime(),
      },
      'targeting run done',
    );
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (const r of await deps.store.dispatch.pendingTargetingRuns()) await run(r);
    } while (again);
  }

  return {
    runPending() {
      if (pass !== null) {
        again = true;
        return pass;
      }
      pass = drain().finally(() => {
        pass = null;
      });
      return pass;
    },
  };
}
