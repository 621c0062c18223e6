import type { Action } from '../../domain/action/action.js';
import type { Catalogue } from '../../domain/messages/catalogue.js';
import { composePushPayload, pushDeliveryOf, pushKindOf, type PushKind } from '../../domain/push/push-notification.js';
import type { PresenceCell } from '../../domain/push/presence-cell.js';
import type { PushCounts } from '../../domain/push/push-progress.js';
import type { DispatchWakeup } from '../ports/dispatch-wakeup.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { Logger } from '../ports/logger.js';
import type { PushWork } from '../ports/push-fanout-repository.js';
import type { OutboundPush, PushTarget } from '../ports/push-channel.js';
import { ActiveActionCells } from './active-action-cells.js';
import { sendPushFanout, type PushSendDeps } from './send-push-fanout.js';

export interface PushFanoutOptions {
  /** How often the store is asked for new work besides the wake-ups (other processes, missed hints). */
  readonly pollIntervalMs: number;
  /** How often a running fan-out adds its numbers to the store. */
  readonly countsFlushMs: number;
}

export interface PushFanoutService {
  start(): Promise<void>;
  /** Stops looking for work; fan-outs under way go on until the channel closes. */
  stop(): void;
  /** Resolves when everything found so far was sent. */
  drained(): Promise<void>;
  /** A phone came into a cell: it gets the alert of every active action there it has not had. */
  arrived(target: PushTarget, cell: PresenceCell): void;
}

/**
 * App notifications for actions. An alert goes to the phones present in the cells of the area (the widened part
 * for a widening: phones that had it are skipped), and to a phone that comes into the area later; updates and
 * the end go to exactly the phones the alert went to. Who got what lives in memory only; the store keeps the
 * numbers. Each action's fan-outs run one after the other, so an update never overtakes its alert.
 */
export function createPushFanoutService(
  deps: PushSendDeps & {
    readonly ids: IdGenerator;
    readonly logger: Logger;
    readonly wakeup: DispatchWakeup;
    readonly catalogue: Catalogue;
  },
  options: PushFanoutOptions,
): PushFanoutService {
  const active = new ActiveActionCells();
  const chains = new Map<string, Promise<void>>();
  const arrivals = new Set<Promise<void>>();
  let discovery: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let poll: NodeJS.Timeout | null = null;

  /** Null for an action the meldkamer did not make public: the app is told nothing about it. */
  const pushOf = (kind: PushKind, action: Action, text: string): OutboundPush | null => {
    const payload = composePushPayload(kind, action, text, deps.catalogue);
    return payload === null ? null : { payload: JSON.stringify(payload), ...pushDeliveryOf(kind, action) };
  };

  async function run(fanoutId: string, work: PushWork): Promise<void> {
    const startedAt = deps.clock.now();
    const action = await deps.store.actions.findAction(work.actionId);
    if (action === null) throw new Error(`push work names unknown action ${work.actionId}`);
    const kind: PushKind =
      work.kind === 'targeting-run' ? 'alert' : work.trigger === 'update' ? 'update' : pushKindOf('closing', action);
    const push = pushOf(kind, action, work.kind === 'message' ? work.text : '');
    // Not public: nobody is told, and nobody counts as notified. An action that ended before its alert's turn
    // came sends no alert (its end found nobody notified either).
    let targets: readonly PushTarget[] = [];
    if (push !== null && work.kind === 'message') targets = await deps.notified.of(action.id);
    if (push !== null && work.kind === 'targeting-run' && action.status === 'actief') {
      const cells = deps.presence.cellsCovering(work.area);
      targets = await deps.notified.addNew(action.id, await deps.presence.presentIn(cells, startedAt));
    }
    await deps.store.pushFanouts.beginFanout(fanoutId, targets.length, startedAt);
    const refused: string[] = [];
    const counts = await sendPushFanout(deps, targets, push ?? NOTHING, {
      flushMs: options.countsFlushMs,
      record: (c) => deps.store.pushFanouts.addCounts(fanoutId, c),
      onOutcome: (target, outcome) => {
        if (kind === 'alert' && outcome.kind === 'failed') refused.push(target.subscriptionId);
      },
    });
    // Only phones that have the alert count as notified: one the push service refused may get it on arrival.
    await Promise.all(refused.map((id) => deps.notified.remove(action.id, id)));
    await deps.store.pushFanouts.finishFanout(fanoutId, deps.clock.now());
    if (work.trigger === 'closing') await deps.notified.forgetAction(action.id);
    deps.logger.info(
      {
        actionId: action.id,
        trigger: work.trigger,
        ...countsOf(counts),
        ms: deps.clock.now().getTime() - startedAt.getTime(),
      },
      'push fan-out done',
    );
  }

  function enqueue(actionId: string, fanoutId: string, work: PushWork): void {
    const previous = chains.get(actionId) ?? Promise.resolve();
    const next = previous
      .then(() => run(fanoutId, work))
      .catch((error: unknown) =>
        deps.logger.error({ err: error, actionId, trigger: work.trigger }, 'push fan-out failed'),
      )
      .finally(() => {
        if (chains.get(actionId) === next) chains.delete(actionId);
      });
    chains.set(actionId, next);
  }

  async function discover(): Promise<void> {
    do {
      again = false;
      for (const work of await deps.store.pushFanouts.findUnclaimedWork(active.actionIds())) {
        const fanoutId = deps.ids.newId();
        if (!(await deps.store.pushFanouts.claimFanout(fanoutId, work, 'pending', deps.clock.now()))) continue;
        if (work.kind === 'targeting-run')
          active.set(work.actionId, work.messageId, deps.presence.cellsCovering(work.area));
        // No phone that comes into the area from now on gets the alert of an action that ended.
        if (work.trigger === 'closing') active.remove(work.actionId);
        enqueue(work.actionId, fanoutId, work);
      }
    } while (again && !stopped);
  }

  function wake(): void {
    if (stopped) return;
    if (discovery !== null) {
      again = true;
      return;
    }
    discovery = discover()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'looking for push work failed'))
      .finally(() => {
        discovery = null;
      });
  }

  async function alertOnArrival(target: PushTarget, actionId: string, alertMessageId: string): Promise<void> {
    if (await deps.notified.has(actionId, target.subscriptionId)) return;
    const action = await deps.store.actions.findAction(actionId);
    if (action === null || action.status !== 'actief') return;
    const push = pushOf('alert', action, '');
    if (push === null || !(await deps.notified.add(actionId, target))) return;
    const counts = await sendPushFanout(deps, [target], push, {
      flushMs: options.countsFlushMs,
      record: (c) =>
        deps.store.pushFanouts.addArrivalCounts(actionId, alertMessageId, { ...c, targeted: 1 }, deps.clock.now()),
    });
    if (counts.failed > 0) await deps.notified.remove(actionId, target.subscriptionId);
    deps.logger.debug({ actionId, ...countsOf(counts) }, 'push alert on arrival');
  }

  return {
    async start() {
      const at = deps.clock.now();
      const interrupted = await deps.store.pushFanouts.interruptUnfinished(at);
      if (interrupted > 0)
        deps.logger.warn({ interrupted }, 'push fan-outs cut short by a stop; their phones must send their cell again');
      for (const a of await deps.store.pushFanouts.activeActions())
        active.set(a.id, a.alertMessageId, deps.presence.cellsCovering(a.area));
      // Recorded while no process ran: no phone can be present yet, so there is nobody to send them to.
      for (const work of await deps.store.pushFanouts.findUnclaimedWork([])) {
        await deps.store.pushFanouts.claimFanout(deps.ids.newId(), work, 'skipped', at);
      }
      deps.wakeup.onTargetingQueued(wake);
      deps.wakeup.onDeliveriesQueued(wake);
      poll = setInterval(wake, options.pollIntervalMs);
    },

    stop() {
      stopped = true;
      if (poll !== null) clearInterval(poll);
    },

    async drained() {
      while (discovery !== null || chains.size > 0 || arrivals.size > 0) {
        await Promise.all([discovery, ...chains.values(), ...arrivals]);
      }
    },

    arrived(target, cell) {
      if (stopped) return;
      for (const { actionId, alertMessageId } of active.actionsAt(cell)) {
        const sending = alertOnArrival(target, actionId, alertMessageId)
          .catch((error: unknown) => deps.logger.error({ err: error, actionId }, 'push alert on arrival failed'))
          .finally(() => arrivals.delete(sending));
        arrivals.add(sending);
      }
    },
  };
}

/** Sent to nobody: the fan-out of an action that is not public has no targets. */
const NOTHING: OutboundPush = { payload: '', urgency: 'normal', ttlSeconds: 0, topic: null };

const countsOf = (c: PushCounts) => ({ targeted: c.targeted, accepted: c.accepted, gone: c.gone, failed: c.failed });
