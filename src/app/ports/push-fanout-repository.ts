import type { Area } from '../../domain/area/area.js';
import type { PushCounts, PushFanoutSummary } from '../../domain/push/push-progress.js';

/** Something that should go out as app notifications: an alert to an area, or a message to those notified. */
export type PushWork =
  | {
      readonly kind: 'targeting-run';
      readonly runId: string;
      readonly actionId: string;
      readonly messageId: string;
      readonly trigger: 'start' | 'widening';
      readonly area: Area;
    }
  | {
      readonly kind: 'message';
      readonly actionId: string;
      readonly messageId: string;
      readonly trigger: 'update' | 'closing';
      readonly text: string;
    };

/**
 * Aggregate numbers per fan-out, never which subscription got what: a subscription↔action link would be a
 * coarse location history of the phone. The row is also the claim, so that one worker sends each fan-out.
 */
export interface PushFanoutRepository {
  /** Targeting runs and updates of active actions, and closing messages of the given actions, that no fan-out claimed. */
  findUnclaimedWork(endingActionIds: readonly string[]): Promise<readonly PushWork[]>;
  /** Records the fan-out as `pending` (to send) or `skipped` (nobody can be present: this process just started); false when claimed already. */
  claimFanout(fanoutId: string, work: PushWork, status: 'pending' | 'skipped', at: Date): Promise<boolean>;
  beginFanout(fanoutId: string, targeted: number, at: Date): Promise<void>;
  addCounts(fanoutId: string, counts: PushCounts): Promise<void>;
  finishFanout(fanoutId: string, at: Date): Promise<void>;
  /** Adds to the action's running count of alerts sent to phones that came into the area later. */
  addArrivalCounts(actionId: string, alertMessageId: string, counts: PushCounts, at: Date): Promise<void>;
  /** Fan-outs a stopped process left unfinished: their phones' presence went with that process. */
  interruptUnfinished(at: Date): Promise<number>;
  /** The areas of the active actions, for phones that come into them. */
  activeActions(): Promise<readonly { readonly id: string; readonly area: Area; readonly alertMessageId: string }[]>;
  fanoutsOf(actionId: string): Promise<readonly PushFanoutSummary[]>;
}
