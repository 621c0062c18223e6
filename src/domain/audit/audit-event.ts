import type { ActionResult } from '../action/action-result.js';
import type { ActionStatus } from '../action/action-status.js';
import type { ActionType } from '../action/action-type.js';
import type { Publication } from '../action/publication.js';
import type { Area } from '../area/area.js';
import type { Audience } from '../mail/audience.js';
import type { MailKind } from '../mail/mail-kind.js';
import type { TemplateOwner } from '../mail/mail-template.js';
import type { ImportRefusal } from '../participant/errors.js';
import type { Msisdn } from '../participant/msisdn.js';
import type { ContactChannel } from '../participant/registration.js';
import type { CodeChannel } from '../self-service/verification.js';
import type { ThrottleReason } from '../staff/login-throttle.js';
import type { SsoFailure, SsoRefusal } from '../staff/single-sign-on.js';
import type { SessionEndReason } from '../staff/staff-session.js';
import type { CallbackPurpose } from '../tip/callback-purpose.js';
import type { StaffRole, StaffScope } from '../staff/staff.js';

/** Written by relatiebeheer, beside the same event from the participants API. */
type ViaRelatiebeheer = { readonly via: 'relatiebeheer' };
/** The number and status every change to an action records, before what the change adds. */
type ActionFacts = { readonly number: string; readonly status: ActionStatus };
type Closing = { readonly result: ActionResult | null; readonly closingText: string | null };
type ScopeCodes = {
  readonly role: StaffRole;
  readonly meldkamerCode: string | null;
  readonly gemeenteCode: string | null;
};
/** Which way staff reached a participant: the participants API, or relatiebeheer (the gemeente's view of it). */
export type ParticipantVia = 'participants' | 'relatiebeheer';
export type DeniedAttempt =
  | 'view'
  | 'change'
  | 'remove'
  | 'add-registration'
  | 'change-registration'
  | 'remove-registration'
  | 'register-outside';
type Denied = { readonly attempted: string; readonly scope: StaffScope };
/** A participant outside scope: answered as not found, written down with what was tried, the actor's scope and the way in. */
type ParticipantDenied = {
  readonly attempted: DeniedAttempt;
  readonly scope: StaffScope;
  readonly via: ParticipantVia;
};
type TemplateChange = { readonly templateId: string; readonly kind: MailKind };

/**
 * Every event the audit log records, with the details written beside it (the `details` column, as JSON).
 * Names are stable: the audit log is searched and exported by them, and old entries keep theirs.
 */
export interface AuditEventDetails {
  // Actions (Burgernetplein)
  'action.created': { readonly number: string; readonly type: ActionType; readonly meldkamerCode: string };
  'action.revised': ActionFacts;
  'action.started': ActionFacts;
  'action.widened': ActionFacts & { readonly area: Area };
  /** Gebied verplaatsen: the alert went to a different place (the old area kept for the record). */
  'action.area-moved': ActionFacts & { readonly from: Area; readonly area: Area };
  'action.update-sent': ActionFacts & { readonly text: string };
  'action.closed': ActionFacts & Closing;
  'action.withdrawn': ActionFacts & Closing;
  'action.publication-changed': ActionFacts & { readonly publication: Publication };
  'action.approved': { readonly version: number };
  /** A start was held up until these other meldkamers approve: each was asked (their console shows it). */
  'action.region-approval-requested': {
    readonly number: string;
    readonly version: number;
    readonly meldkamerCodes: readonly string[];
  };
  /** A centralist of another meldkamer approved an action that reaches into its region beyond the margin. */
  'action.region-approved': { readonly number: string; readonly version: number; readonly meldkamerCode: string };
  /** A centralist carried on with a live action another one started (the console's list of running actions). */
  'action.taken-over': { readonly number: string; readonly startedBy: string | null };
  'action.photo-attached': {
    readonly number: string;
    readonly width: number;
    readonly height: number;
    readonly bytes: number;
  };
  'action.photo-removed': { readonly number: string };
  'action.media-expired': { readonly files: number };
  'action-type.changed': { readonly requiresApproval: boolean; readonly templateLength: number };
  /** Written by earlier versions, which showed every number of an action's tips with one purpose. */
  'tip.callback-numbers-viewed': {
    readonly number: string;
    readonly purpose: string;
    readonly shown: readonly string[];
  };
  /** One tip's number to call back was shown to staff ("toon nummer"); the number itself is never written. */
  'tip.callback-number-revealed': {
    readonly actionNumber: string;
    readonly tipId: string;
    readonly purpose: CallbackPurpose;
    readonly note?: string;
  };
  'meldkamer.routing-changed': { readonly target: string };
  // The meldkamer's own public number: not personal data.
  'meldkamer.public-phone-changed': { readonly publicPhone: Msisdn | null };

  // Participants, by staff (participants API, relatiebeheer)
  'participant.searched':
    | {
        readonly purpose: string;
        readonly byText: boolean;
        readonly byPhone: boolean;
        readonly gemeenteCode: string | null;
        readonly shown: readonly string[];
      }
    | (ViaRelatiebeheer & {
        readonly purpose: string;
        readonly byText: boolean;
        readonly byPhone: boolean;
        readonly gemeenteCode: string | null;
        readonly shown: readonly string[];
      });
  'participant.viewed': { readonly purpose: string } | (ViaRelatiebeheer & { readonly purpose: string });
  'participant.created': { readonly registrations: number } | (ViaRelatiebeheer & { readonly registrations: number });
  'participant.updated':
    { readonly fields: readonly string[] } | (ViaRelatiebeheer & { readonly fields: readonly string[] });
  'participant.deleted':
    | { readonly registrations: number }
    | (ViaRelatiebeheer & { readonly registrations: number })
    | { readonly by: 'participant' };
  'participant.denied': ParticipantDenied;
  'registration.created': { readonly participantId: string } | (ViaRelatiebeheer & { readonly participantId: string });
  'registration.updated': { readonly participantId: string } | (ViaRelatiebeheer & { readonly participantId: string });
  'registration.deleted':
    | { readonly participantId: string }
    | (ViaRelatiebeheer & { readonly participantId: string })
    | { readonly registrations: number; readonly registeredElsewhere: true }
    | (ViaRelatiebeheer & { readonly registrations: number; readonly registeredElsewhere: true });
  'relatiebeheer.exported': { readonly purpose: string; readonly scope: StaffScope };
  'relatiebeheer.import-checked': ImportFigures;
  'relatiebeheer.imported': ImportFigures;
  /** An import refused before it ran: too many running, or a file too large; nothing stored. */
  'relatiebeheer.import-refused': { readonly reason: ImportRefusal; readonly dryRun: boolean };

  // Participants themselves (self-service), and their e-mail
  'participant.signed-up': { readonly channel: ContactChannel; readonly gemeenteCode: string };
  'participant.logged-in': { readonly channel: CodeChannel };
  'participant.self-updated': { readonly fields: readonly string[] };
  'participant.paused': { readonly from: Date; readonly until: Date };
  'participant.pause-ended': Record<string, never>;
  'participant.email-confirmed': Record<string, never>;
  'participant.email-unsubscribed': Record<string, never> | { readonly mailId: string };
  'participant.email-bounced': { readonly mailId: string; readonly status: string };
  'registration.self-added':
    | { readonly channel: ContactChannel; readonly gemeenteCode: string }
    | { readonly registrationId: string; readonly gemeenteCode: string };
  'registration.self-updated': { readonly registrationId: string };
  'registration.self-deleted': { readonly registrationId: string };

  // Burgernetmail
  'mail.created': { readonly number: string; readonly kind: MailKind; readonly audience: Audience };
  'mail.changed': { readonly audience: Audience };
  'mail.scheduled': {
    readonly number: string;
    readonly kind: MailKind;
    readonly subject: string;
    readonly audience: Audience;
    readonly recipients: number;
    readonly sendAt: string;
  };
  'mail.queued': {
    readonly number: string;
    readonly recipients: number;
    readonly status: 'sending' | 'sent' | 'stopped';
  };
  'mail.stopped': { readonly number: string; readonly cancelled: number };
  'mail.denied': Denied | (Denied & { readonly templateId: string }) | (Denied & { readonly gemeenteCode: string });
  'mail.answers-read': { readonly number: string; readonly answers: number };
  'mail.answers-exported': { readonly number: string; readonly answers: number };
  'mail.answer-photo-viewed': { readonly answerId: string };
  'mail.template-created': TemplateChange;
  'mail.template-changed': TemplateChange;
  'mail.template-deleted': TemplateChange;
  'mail.sender-changed': { readonly owner: TemplateOwner; readonly replyTo: boolean };

  // Staff accounts and logins
  /** `apiToken`: made with an API token (the command line), not an activation link, valid until `apiTokenExpiresAt`. */
  'staff.created':
    | ScopeCodes
    | (ScopeCodes & { readonly apiToken: true; readonly apiTokenExpiresAt: string })
    /** Entries from before API tokens expired. */
    | (ScopeCodes & { readonly apiToken: true });
  'staff.activated': Record<string, never>;
  'staff.revoked': { readonly role: StaffRole };
  'staff.reset': { readonly ssoUnlinked: boolean };
  'staff.permissions-changed': { readonly before: ScopeCodes; readonly after: ScopeCodes };
  /** The account's other sessions ended with the change (this one went on under a new id). */
  'staff.password-changed': Record<string, never> | { readonly otherSessionsEnded: number };
  'staff.second-factor-added': { readonly factor: string };
  'staff.logged-in':
    | { readonly method: string; readonly secondFactor: string }
    | {
        readonly method: 'oidc';
        readonly provider: string;
        readonly secondFactor: 'idp';
        readonly acr: string | null;
        readonly amr: readonly string[] | null;
      };
  // Which step failed; an unknown e-mail address is never kept (it may be someone's personal address).
  'staff.login-failed':
    | {
        readonly step: 'password' | 'no-second-factor' | 'totp' | 'passkey' | 'current-password';
        readonly knownAccount: boolean;
      }
    | { readonly step: 'sso'; readonly provider: string; readonly reason: SsoRefusal; readonly knownAccount: boolean }
    | { readonly step: 'sso'; readonly provider: string; readonly reason: SsoFailure; readonly error: string };
  'staff.login-throttled': { readonly reason: ThrottleReason | null };
  /** An account reached its free failed logins and is slowed down: an alert for beheer. No addresses. */
  'staff.account-slowed': { readonly failures: number };
  'staff.sso-linked': { readonly provider: string };
  'staff.sso-verified': { readonly provider: string; readonly next: 'second-factor' | 'enrolment' };
  'staff.session-ended': { readonly reason: SessionEndReason };
  'staff.logged-out': Record<string, never>;
  'audit.exported': {
    readonly rows: number;
    readonly event: string | null;
    readonly from: string | null;
    readonly to: string | null;
  };

  // Dashboard
  'campaign.added': { readonly campaignId: string; readonly startsOn: string; readonly endsOn: string };
  'campaign.removed': { readonly campaignId: string };
}

interface ImportFigures {
  readonly rows: number;
  readonly goodRows: number;
  readonly badRows: number;
  readonly stored: number;
  readonly participantsCreated: number;
}

export type AuditEventName = keyof AuditEventDetails;

/** Every name once, as a record so that the compiler refuses a list that misses one (pages label each, tests walk them). */
const EVENT_NAMES: Readonly<Record<AuditEventName, true>> = {
  'action.created': true,
  'action.revised': true,
  'action.started': true,
  'action.widened': true,
  'action.area-moved': true,
  'action.update-sent': true,
  'action.closed': true,
  'action.withdrawn': true,
  'action.publication-changed': true,
  'action.approved': true,
  'action.region-approval-requested': true,
  'action.region-approved': true,
  'action.taken-over': true,
  'action.photo-attached': true,
  'action.photo-removed': true,
  'action.media-expired': true,
  'action-type.changed': true,
  'tip.callback-numbers-viewed': true,
  'tip.callback-number-revealed': true,
  'meldkamer.routing-changed': true,
  'meldkamer.public-phone-changed': true,
  'participant.searched': true,
  'participant.viewed': true,
  'participant.created': true,
  'participant.updated': true,
  'participant.deleted': true,
  'participant.denied': true,
  'registration.created': true,
  'registration.updated': true,
  'registration.deleted': true,
  'relatiebeheer.exported': true,
  'relatiebeheer.import-checked': true,
  'relatiebeheer.imported': true,
  'relatiebeheer.import-refused': true,
  'participant.signed-up': true,
  'participant.logged-in': true,
  'participant.self-updated': true,
  'participant.paused': true,
  'participant.pause-ended': true,
  'participant.email-confirmed': true,
  'participant.email-unsubscribed': true,
  'participant.email-bounced': true,
  'registration.self-added': true,
  'registration.self-updated': true,
  'registration.self-deleted': true,
  'mail.created': true,
  'mail.changed': true,
  'mail.scheduled': true,
  'mail.queued': true,
  'mail.stopped': true,
  'mail.denied': true,
  'mail.answers-read': true,
  'mail.answers-exported': true,
  'mail.answer-photo-viewed': true,
  'mail.template-created': true,
  'mail.template-changed': true,
  'mail.template-deleted': true,
  'mail.sender-changed': true,
  'staff.created': true,
  'staff.activated': true,
  'staff.revoked': true,
  'staff.reset': true,
  'staff.permissions-changed': true,
  'staff.password-changed': true,
  'staff.second-factor-added': true,
  'staff.logged-in': true,
  'staff.login-failed': true,
  'staff.login-throttled': true,
  'staff.account-slowed': true,
  'staff.sso-linked': true,
  'staff.sso-verified': true,
  'staff.session-ended': true,
  'staff.logged-out': true,
  'audit.exported': true,
  'campaign.added': true,
  'campaign.removed': true,
};

export const AUDIT_EVENT_NAMES = Object.keys(EVENT_NAMES) as readonly AuditEventName[];

/** One event with its details: `append` takes only a known name, with the details of that name. */
export type AuditEvent = {
  readonly [E in AuditEventName]: { readonly event: E; readonly details: AuditEventDetails[E] };
}[AuditEventName];

/** The events a change to an action writes (change-action.ts). */
export type ActionChangeEvent = Extract<
  AuditEvent,
  {
    readonly event:
      | 'action.revised'
      | 'action.started'
      | 'action.widened'
      | 'action.area-moved'
      | 'action.update-sent'
      | 'action.closed'
      | 'action.withdrawn'
      | 'action.publication-changed';
  }
>;

export function actionFacts(action: ActionFacts): ActionFacts {
  return { number: action.number, status: action.status };
}
