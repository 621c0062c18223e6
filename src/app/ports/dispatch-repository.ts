import type { Area } from '../../domain/area/area.js';
import type { DeliveryStatus } from '../../domain/delivery/delivery-status.js';
import type { MessageKind } from '../../domain/delivery/message-kind.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';
import type { ContactChannel } from '../../domain/participant/registration.js';
import type { Recipient } from '../../domain/targeting/select-recipients.js';
import type { SmsReceiptStatus } from './sms-channel.js';
import type { ActionMessage } from './action-repository.js';

export interface TargetingRun {
  readonly id: string;
  readonly actionId: string;
  readonly messageId: string;
  readonly area: Area;
  /** The moment whose time windows count: fixed when the run is recorded, so a resumed run selects the same people. */
  readonly evaluatedAt: Date;
}

/** One area the action's alert went to (the start, each widening, each move), with the people it added. */
export interface TargetedArea {
  readonly area: Area;
  readonly at: Date;
  /** New people the run reached; null while it is still being worked out. */
  readonly recipients: number | null;
}

export interface ClaimedDelivery {
  readonly id: number;
  readonly actionId: string;
  readonly messageKind: MessageKind;
  readonly msisdn: Msisdn;
  readonly text: string;
  /** What a call says (the text written for listening). */
  readonly spokenText: string;
  /** Times this delivery was handed to a channel, this time included. */
  readonly attempts: number;
}

export type SubmitResult =
  | { readonly deliveryId: number; readonly kind: 'accepted'; readonly references: readonly string[] }
  | { readonly deliveryId: number; readonly kind: 'rejected'; readonly reason: string }
  | { readonly deliveryId: number; readonly kind: 'unavailable'; readonly reason: string };

export interface ReceiptRecord {
  readonly reference: string;
  readonly status: SmsReceiptStatus;
  readonly at: Date;
}

export interface ActionProgress {
  readonly byKind: Record<MessageKind, Record<ContactChannel, Record<DeliveryStatus, number>>>;
  readonly firstSubmittedAt: Date | null;
  readonly lastSubmittedAt: Date | null;
}

export interface DispatchRepository {
  insertTargetingRun(run: TargetingRun, createdAt: Date): Promise<void>;
  pendingTargetingRuns(): Promise<readonly TargetingRun[]>;
  /** Every area the action's alert went to, oldest first. */
  targetedAreas(actionId: string): Promise<readonly TargetedArea[]>;
  completeTargetingRun(runId: string, recipients: number, at: Date): Promise<void>;
  /** Numbers that already have this action's alert (queued or further, but not cancelled). */
  reachedMsisdns(actionId: string): Promise<ReadonlySet<string>>;
  /**
   * Queues the alert for these recipients in this order, with the updates sent so far; a number that
   * already has it is skipped, and nothing is queued once the action is no longer active.
   */
  enqueueRecipients(message: ActionMessage, priorityOrder: readonly Recipient[], at: Date): Promise<number>;
  /** Queues the message for every number the action's alert reached (or is about to), nearest first. */
  enqueueForReached(message: ActionMessage, at: Date): Promise<number>;
  /** The action ended: cancels what it no longer wants and has not been handed to a channel yet (its alerts and updates). */
  cancelQueued(actionId: string, at: Date): Promise<number>;
  /**
   * Hands out up to `limit` queued deliveries: higher priority first, actions of equal priority fairly. One
   * whose next attempt lies after `at` (a voice retry) waits.
   */
  claim(channel: ContactChannel, limit: number, workerId: string, at: Date): Promise<readonly ClaimedDelivery[]>;
  recordSubmitResults(results: readonly SubmitResult[], at: Date): Promise<void>;
  recordReceipts(receipts: readonly ReceiptRecord[]): Promise<void>;
  /** Applies receipts that arrived before their submit result was stored; drops those that found no SMS in a day. */
  reconcilePendingReceipts(at: Date): Promise<number>;
  /**
   * Puts deliveries handed out before `claimedBefore` by another worker (one that died) back in the queue, or
   * cancels them when their action no longer wants them; their SMS may have gone out, so this is where the
   * at-most-in-flight duplicates come from.
   */
  requeueInFlight(claimedBefore: Date, exceptWorkerId: string | null, at: Date): Promise<number>;
  progress(actionId: string): Promise<ActionProgress>;
  /** People each of the action's messages went to (or is going to) by SMS and by voice: cancelled ones left out. */
  peoplePerMessage(actionId: string): Promise<ReadonlyMap<string, Readonly<Record<ContactChannel, number>>>>;
}
