import type { PushTarget } from './push-channel.js';

/**
 * Which phones got an action's alert, so that its updates and end reach exactly them. Memory only (persisted,
 * it would be a coarse location history); the phone keeps the ids of the actions it was told about itself.
 */
export interface NotifiedDevices {
  /** False when it was there already (nothing changes). */
  add(actionId: string, target: PushTarget): boolean;
  remove(actionId: string, subscriptionId: string): void;
  has(actionId: string, subscriptionId: string): boolean;
  of(actionId: string): readonly PushTarget[];
  forgetAction(actionId: string): void;
  /** The subscription is gone: take it out of every action. */
  forgetDevice(subscriptionId: string): void;
}
