import type { Priority } from '../../domain/action/action-type.js';
import type { Area } from '../../domain/area/area.js';
import type { DeliveryStatus } from '../../domain/delivery/delivery-status.js';
import type { MessageKind } from '../../domain/delivery/message-kind.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';
import type { ContactChannel } from '../../domain/participant/registration.js';
import type { ReceiptRules, SetAsideReason } from '../../domain/delivery/receipt-matching.js';
import type { Recipient } from '../../domain/targeting/select-recipients.js';
import type { SmsReceipt, SmsResume, SmsSubmitOutcome } from './sms-channel.js';
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
  /** Its action's priority. */
  readonly priority: Priority;
  /** An SMS an earlier attempt got partly to the SMSC: the parts it acknowledged. Null otherwise. */
  readonly smsResume: SmsResume | null;
}

export type SubmitResult = { readonly deliveryId: number } & SmsSubmitOutcome;

export type ReceiptRecord = SmsReceipt;

/** A receipt set aside: it matched no SMS part with certainty. */
export interface SetAsideReceipt {
  readonly smsc: string;
  readonly reference: string;
  readonly reason: SetAsideReason;
  /** The deliveries it could be for (ambiguous), with their actions. */
  readonly candidates: readonly { readonly deliveryId: number; readonly actionId: string }[];
}

/** What became of receipts matched against the stored parts. */
export interface ReceiptMatching {
  readonly credited: number;
  /** Their part may not be stored yet. */
  readonly waiting: number;
  /** Sent again for a part that already had its receipt. */
  readonly repeated: number;
  readonly setAside: readonly SetAsideReceipt[];
}

/** The SMSC handed out a message id again while an earlier part with that id still waits for its receipt. */
export interface ReusedReference {
  readonly smsc: string;
  readonly reference: string;
  readonly deliveryId: number;
  readonly earlierDeliveryId: number;
}

export interface SubmitResultsStored {
  readonly reused: readonly ReusedReference[];
  /** Receipts that were waiting for the parts just stored. */
  readonly receipts: ReceiptMatching;
  /**
   * Deliveries whose results were dropped: the worker no longer held them (its lease ran out and another node
   * took them back). Fencing: only the holder of a claim completes it.
   */
  readonly fenced: readonly number[];
}

export interface ActionProgress {
  readonly byKind: Record<MessageKind, Record<ContactChannel, Record<DeliveryStatus, number>>>;
  readonly firstSubmittedAt: Date | null;
  readonly lastSubmittedAt: Date | null;
  /** Receipts set aside that could be for this action's SMS: none of them was credited. */
  readonly receiptsSetAside: number;
  /** The action's SMS parts per SMSC connection profile they went to, by name. */
  readonly smsBySmsc: readonly SmscPartCounts[];
}

export interface SmscPartCounts {
  readonly smsc: string;
  /** Parts the SMSC accepted, superseded ones left out. */
  readonly parts: number;
  /** Of those, the ones whose receipt came (delivered, failed or expired)… */
  readonly receipts: number;
  /** …and the ones delivered. */
  readonly delivered: number;
  /** Parts of SMS that were sent whole on another SMSC after this one went down (failover). */
  readonly superseded: number;
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
  /**
   * Stores the parts the SMSC acknowledged (also of an attempt cut short) and matches receipts that waited for them.
   * Only for deliveries `workerId` still holds: the others are reported as fenced and nothing of them is stored.
   */
  recordSubmitResults(
    results: readonly SubmitResult[],
    at: Date,
    rules: ReceiptRules,
    workerId: string,
  ): Promise<SubmitResultsStored>;
  /** Credits each receipt to its part (docs/features/sms-smpp.md), keeps it waiting, or sets it aside. */
  recordReceipts(receipts: readonly ReceiptRecord[], at: Date, rules: ReceiptRules): Promise<ReceiptMatching>;
  /** Decides again on the receipts that wait: their part may be stored by now, or their hold is over. */
  reconcilePendingReceipts(at: Date, rules: ReceiptRules): Promise<ReceiptMatching>;
  /**
   * Puts deliveries handed out to a worker that holds no live lease at `orphanedAt` (wall-clock; it died, or was
   * cut off) back in the queue, or cancels them when their action no longer wants them; their SMS may have gone
   * out, so this is where the at-most-in-flight duplicates come from. Never `exceptWorkerId`'s.
   */
  requeueInFlight(orphanedAt: Date, exceptWorkerId: string | null, at: Date): Promise<number>;
  progress(actionId: string): Promise<ActionProgress>;
  /** People each of the action's messages went to (or is going to) by SMS and by voice: cancelled ones left out. */
  peoplePerMessage(actionId: string): Promise<ReadonlyMap<string, Readonly<Record<ContactChannel, number>>>>;
}
