import type { Area } from '../../domain/area/area.js';
import type { LatLon } from '../../domain/geo/lat-lon.js';
import type { Audience } from '../../domain/mail/audience.js';
import type { BounceVerdict } from '../../domain/mail/bounce.js';
import type { FieldValues } from '../../domain/mail/mail-fields.js';
import type { Mail } from '../../domain/mail/mail.js';
import type { MailTemplate, TemplateOwner } from '../../domain/mail/mail-template.js';
import type { AuditLog } from './audit-log.js';

/** Where mails may go: a gemeente, a meldkamer's region, or the whole country. */
export type MailScope = TemplateOwner;

/** A registration in an area's covering cells whose participant has a mailable address. */
export interface AreaCandidate {
  readonly participantId: string;
  readonly gemeenteCode: string;
  readonly location: LatLon;
}

/** What an organisation puts on its mails. */
export interface MailSender {
  readonly senderName: string | null;
  readonly replyTo: string | null;
}

export interface DraftChange {
  readonly subject: string;
  readonly body: string;
  readonly fields: FieldValues;
  readonly audience: Audience;
  readonly answerDays: number;
}

/** Templates, organisations' sender settings, mails and their audiences. */
export interface MailRepository {
  listTemplates(owners: readonly MailScope[] | 'all'): Promise<MailTemplate[]>;
  findTemplate(id: string): Promise<MailTemplate | null>;
  /** Inserts or replaces (by id). */
  saveTemplate(template: MailTemplate, by: string | null): Promise<void>;
  deleteTemplate(id: string): Promise<boolean>;
  findSender(owner: MailScope): Promise<MailSender | null>;
  saveSender(owner: MailScope, sender: MailSender, at: Date, by: string): Promise<void>;

  nextMailNumber(at: Date): Promise<string>;
  insertMail(mail: Mail): Promise<void>;
  findMail(id: string): Promise<Mail | null>;
  /** Newest first: the organisations' own, and (for a gemeente) the mails whose recipients live there. */
  listMails(filter: {
    readonly owners: readonly MailScope[] | 'all';
    readonly reachingGemeente: string | null;
    readonly limit: number;
  }): Promise<Mail[]>;
  /** Changes a draft of this version; false when it is no draft any more or someone else changed it. */
  updateDraft(id: string, change: DraftChange, version: number, at: Date): Promise<boolean>;
  /** draft → scheduled for `sendAt`; false when it was no draft. */
  schedule(id: string, sendAt: Date, at: Date, by: string): Promise<boolean>;
  /** scheduled, queuing or sending → stopped; what is still queued is cancelled. */
  stop(id: string, at: Date, by: string): Promise<{ readonly stopped: boolean; readonly cancelled: number }>;

  /** Participants with a mailable address (confirmed, not bounced, not paused at `at`) registered in the area's cells and scope. */
  areaCandidates(area: Area, scope: MailScope, at: Date): Promise<AreaCandidate[]>;
  /** How many participants with a mailable address have a registration in the audience and the scope. */
  countAudience(audience: Exclude<Audience, { kind: 'area' }>, scope: MailScope, at: Date): Promise<number>;
}

export interface ClaimedRecipient {
  readonly id: number;
  readonly mailId: string;
  readonly participantId: string | null;
  /** The participant's address now; null when there is none to mail any more (unsubscribed, bounced, removed). */
  readonly email: string | null;
  readonly attempts: number;
}

export type RecipientResult =
  | { readonly id: number; readonly kind: 'sent'; readonly messageId: string; readonly emailHash: string }
  | { readonly id: number; readonly kind: 'failed'; readonly reason: string }
  | { readonly id: number; readonly kind: 'skipped'; readonly reason: string }
  /** Claimed, but its mail was stopped before it was handed to the channel. */
  | { readonly id: number; readonly kind: 'cancelled' }
  /** Not sent now (relay down): back in the queue after `retryAt`, or failed after too many attempts. */
  | { readonly id: number; readonly kind: 'retry'; readonly reason: string; readonly retryAt: Date };

export interface RecipientRef {
  readonly id: number;
  readonly mailId: string;
  readonly participantId: string | null;
  readonly emailHash: string | null;
  readonly sentAt: Date | null;
}

/** The durable queue of mails and recipients, worked by the mail dispatcher. */
export interface MailQueue {
  /**
   * A scheduled mail whose time has come, or one whose queuing was cut short (its worker holds no live lease at
   * `orphanedAt`: it crashed or was cut off): now queuing by this worker.
   */
  claimMailToQueue(at: Date, workerId: string, orphanedAt: Date): Promise<Mail | null>;
  /**
   * The next `limit` mailable participants of the audience in the scope, in participant id order after `after`
   * (queuing goes in chunks, so that it can give way to an action between two).
   */
  audienceChunk(
    audience: Exclude<Audience, { kind: 'area' }>,
    scope: MailScope,
    at: Date,
    after: string | null,
    limit: number,
  ): Promise<{ readonly participantId: string; readonly gemeenteCode: string }[]>;
  /** Queues these participants for the mail (a participant already queued is skipped); returns the rows added. */
  queueParticipants(
    mailId: string,
    participants: readonly { readonly participantId: string; readonly gemeenteCode: string }[],
    at: Date,
  ): Promise<number>;
  /** queuing → sending (or sent, with nobody to mail), with the recipient count and gemeenten; 'stopped' when it was stopped meanwhile. */
  finishQueuing(mailId: string, at: Date): Promise<'sending' | 'sent' | 'stopped'>;
  /** Hands out up to `limit` queued recipients, oldest first, with their participant's address now. */
  claimRecipients(limit: number, workerId: string, at: Date): Promise<ClaimedRecipient[]>;
  /** Stores outcomes and the mails' figures; a mail with nothing open any more is sent. */
  recordResults(results: readonly RecipientResult[], at: Date): Promise<void>;
  /** Gives back claims this worker never handed to the channel (it is stopping), as if they had not been claimed. */
  releaseClaims(ids: readonly number[], workerId: string): Promise<number>;
  /** Puts recipients claimed by a worker without a live lease at `orphanedAt` (one that died) back in the queue. */
  requeueInFlight(orphanedAt: Date, exceptWorkerId: string | null, at: Date): Promise<number>;
  /** True while a Burgernetactie is being targeted or has SMS queued or in flight: mail waits. */
  actionsBusy(at: Date): Promise<boolean>;
  findRecipient(id: number): Promise<RecipientRef | null>;
  /**
   * A delivery status notification for a recipient: delivered, or bounced (hard: the participant's address gets no
   * more mail). Counted once per recipient. Returns whether it changed anything.
   */
  recordReport(
    recipientId: number,
    verdict: Exclude<BounceVerdict, 'ignore'>,
    reason: string,
    matchesAddress: (email: string) => boolean,
    at: Date,
  ): Promise<boolean>;
  /** Removes the participant's address when it is still the one mailed, and counts the unsubscribe on the mail. */
  unsubscribe(recipient: RecipientRef, matchesAddress: (email: string) => boolean, at: Date): Promise<boolean>;
}

export interface MailAnswer {
  readonly id: string;
  readonly mailId: string;
  readonly recipientId: number | null;
  readonly text: string;
  readonly seenWhen: string | null;
  readonly seenWhere: string | null;
  readonly photo: {
    readonly key: string;
    readonly contentType: 'image/jpeg' | 'image/webp';
    readonly width: number;
    readonly height: number;
    readonly bytes: number;
  } | null;
  readonly contact: { readonly name: string | null; readonly phone: string | null; readonly email: string | null };
  readonly receivedAt: Date;
}

export interface MailAnswers {
  /** Stores the answer and counts it on the mail. */
  insert(answer: MailAnswer): Promise<void>;
  countForRecipient(recipientId: number): Promise<number>;
  list(mailId: string): Promise<MailAnswer[]>;
  find(mailId: string, answerId: string): Promise<MailAnswer | null>;
}

export interface MailStores {
  readonly mails: MailRepository;
  readonly queue: MailQueue;
  readonly answers: MailAnswers;
  readonly audit: AuditLog;
}

/** Burgernetmail's part of the store, on its own connections (PostgreSQL) so that mail never takes an action's. */
export interface MailStore extends MailStores {
  transaction<T>(work: (stores: MailStores) => Promise<T>): Promise<T>;
}
