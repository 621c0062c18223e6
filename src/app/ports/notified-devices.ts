import type { PushTarget } from './push-channel.js';

/**
 * Which phones got an action's alert, so that its updates and end reach exactly them. Memory only (persisted,
 * it would be a coarse location history): this process's memory, or a Redis shared by the nodes that keeps
 * nothing on disk. The phone keeps the ids of the actions it was told about itself.
 *
 * A shared set that cannot reach its store adds nobody (so nobody is sent the alert twice) and lists nobody.
 */
export interface NotifiedDevices {
  /** False when it was there already (nothing changes), or could not be added. */
  add(actionId: string, target: PushTarget): Promise<boolean>;
  /** Adds those not there yet, and answers them (the order kept). */
  addNew(actionId: string, targets: readonly PushTarget[]): Promise<readonly PushTarget[]>;
  remove(actionId: string, subscriptionId: string): Promise<void>;
  has(actionId: string, subscriptionId: string): Promise<boolean>;
  of(actionId: string): Promise<readonly PushTarget[]>;
  forgetAction(actionId: string): Promise<void>;
  /** The subscription is gone: take it out of every action. */
  forgetDevice(subscriptionId: string): Promise<void>;
}
