import type { ApiTokenState } from '../staff/api-token-lifetime.js';
import type { ActionStatus } from '../action/action-status.js';
import type { ActionType } from '../action/action-type.js';
import type { AuditEventName } from '../audit/audit-event.js';
import type { AuditDetailTexts } from './audit-details-nl.js';
import type { CallbackPurpose } from '../tip/callback-purpose.js';
import type { ThrottleReason } from '../staff/login-throttle.js';
import type { StaffRole } from '../staff/staff.js';
import type { PasswordProblem } from '../staff/password-policy.js';
import type { SsoFailure, SsoRefusal } from '../staff/single-sign-on.js';

/** What staff read in Burgernetplein (the portal), beyond the problem titles. */
export interface PleinTexts {
  readonly login: {
    readonly invalidCredentials: string;
    readonly throttled: (p: { seconds: number; reason: ThrottleReason }) => string;
    readonly noSecondFactor: string;
    readonly invalidCode: string;
    readonly passkeyInvalid: string;
    readonly sessionInvalid: string;
    readonly reauthenticationRequired: string;
    readonly loggedOut: string;
    readonly sessionEnded: string;
  };
  readonly password: Record<PasswordProblem, string> & { readonly mismatch: string };
  readonly activation: {
    readonly invalid: string;
    /** The mail with an activation link, to the account's own address. */
    readonly mail: (p: { name: string; link: string; hours: number; reason: 'created' | 'reset' }) => {
      readonly subject: string;
      readonly text: string;
    };
  };
  /** The login page (e-mail and password, and the organisations' single sign-on). */
  readonly loginPage: {
    readonly title: string;
    readonly heading: string;
    readonly email: string;
    readonly password: string;
    readonly submit: string;
    readonly afterPassword: string;
    readonly ssoHeading: string;
    readonly ssoIntro: string;
    readonly ssoButton: (organisation: string) => string;
  };
  readonly secondStepPage: {
    readonly title: string;
    readonly passkeyHeading: string;
    readonly passkeyText: string;
    readonly passkeyButton: string;
    readonly codeHeading: string;
    readonly codeLabel: string;
    readonly codeHint: string;
    readonly codeSubmit: string;
    readonly restart: string;
  };
  /** Single sign-on through an organisation's identity provider (OpenID Connect). */
  readonly sso: {
    readonly refused: (p: { organisation: string; reason: SsoRefusal }) => string;
    readonly failed: (p: { organisation: string; reason: SsoFailure }) => string;
    readonly unknownProvider: string;
    readonly continueTitle: string;
    readonly continueText: string;
    readonly continueLink: string;
  };
  readonly activationPage: {
    readonly title: string;
    readonly intro: string;
    readonly newPassword: string;
    readonly repeatPassword: string;
    readonly submit: string;
    readonly invalidTitle: string;
    readonly invalidHeading: string;
  };
  /** Setting up the second factor: a passkey, or an authenticator app (QR code, link or typed key). */
  readonly enrolmentPage: {
    readonly title: string;
    readonly intro: string;
    readonly passkeyHeading: string;
    readonly passkeyText: string;
    readonly passkeyButton: string;
    readonly appHeading: string;
    readonly appStepAdd: string;
    readonly appStepScan: string;
    readonly qrAlt: string;
    readonly appStepAlternative: string;
    readonly appLink: string;
    readonly appStepTyped: string;
    readonly appStepCode: string;
    readonly codeLabel: string;
    readonly submit: string;
  };
  /** History: past actions, searched by number or text, type, place and period. */
  readonly history: {
    readonly title: string;
    readonly text: string;
    readonly type: string;
    readonly allTypes: string;
    readonly place: string;
    readonly placeHint: string;
    readonly from: string;
    readonly to: string;
    readonly search: string;
    readonly count: (n: number) => string;
    readonly noAccess: string;
    readonly unknownPlace: (place: string) => string;
    readonly caption: string;
    readonly columns: {
      readonly number: string;
      readonly type: string;
      readonly status: string;
      readonly meldkamer: string;
      readonly created: string;
      readonly message: string;
    };
    /** One action: its summary, approval and timeline. */
    readonly notFoundTitle: string;
    readonly notFoundHeading: string;
    readonly back: string;
    /** The live action's link to the console, with its progress and tips. */
    readonly openInConsole: string;
    /** The steps on a live action, on its own page (the console's controls). */
    readonly controlsHeading: string;
    readonly controlsIntro: string;
    /** Why an ended action has no controls; {status} is the status's word. */
    readonly controlsEnded: (status: string) => string;
    /** What the page's script adds after the last step (the console's text points at "Nieuwe actie"). */
    readonly controlsEndedScript: string;
    readonly actionTitle: (number: string) => string;
    /** "<type>, <status>, meldkamer <code>, resultaat: <result>."; the status is marked up, so it comes back in parts. */
    readonly summary: <T>(p: {
      type: string;
      status: T;
      meldkamer: string;
      result: string | null;
    }) => readonly (string | T)[];
    readonly progress: (p: { sent: number; delivered: number; failed: number; first: string; last: string }) => string;
    readonly approvedOn: (at: string) => string;
    readonly approve: string;
    /** Beside another meldkamer's action that reached into this one's region (seen, not run). */
    readonly readOnlyMark: string;
    readonly readOnlyNotice: (meldkamer: string) => string;
    /** Another meldkamer asks this one to approve: the area reaches beyond the margin into its region. */
    readonly regionApprovalAsked: (p: { meldkamer: string; margin: string }) => string;
    readonly approveForRegion: (meldkamer: string) => string;
    readonly regionApprovedOn: (p: { meldkamer: string; at: string }) => string;
    readonly regionApprovalWaiting: (meldkamers: string) => string;
    /** The current area in words (the approver's view of it); figures already formatted. */
    readonly areaCircle: (p: { radiusKm: string; lat: string; lon: string; km2: string }) => string;
    readonly areaPolygon: (p: { points: number; lat: string; lon: string; km2: string }) => string;
    readonly reachesRegions: (meldkamers: string) => string;
    readonly timeline: string;
    readonly eventBy: (p: { event: string; actor: string }) => string;
    readonly messageKinds: { readonly alert: string; readonly update: string; readonly closing: string };
  };
  /** The portal's shell: the menu, who is logged in, logging out. */
  readonly nav: {
    readonly login: string;
    readonly console: string;
    readonly actions: string;
    readonly gemeente: string;
    readonly relatiebeheer: string;
    readonly burgernetmail: string;
    readonly beheer: string;
    readonly account: string;
    readonly logout: string;
  };
  readonly roles: Record<StaffRole, string>;
  readonly actionStatuses: Record<ActionStatus, string>;
  /** A page the user's role may not open. */
  readonly forbidden: { readonly title: string; readonly text: string; readonly home: string };
  /** The demo's page of the SMS the SMSC simulator received (codes, alerts), so a newcomer can read them. */
  readonly smsSimulator: {
    readonly title: string;
    readonly intro: (p: { received: number; port: number; shown: number }) => string;
    readonly columns: { readonly at: string; readonly to: string; readonly text: string; readonly parts: string };
    readonly none: string;
  };
  /** Audit events by their stable name (staff.logged-in, action.started, …): every one has its Dutch label. */
  readonly auditEvents: Readonly<Record<AuditEventName, string>>;
  /** An audit entry's details and subject in words (audit-format.ts). */
  readonly auditDetails: AuditDetailTexts;
  /** The columns of the audit tables (Mijn account, Auditlog). */
  readonly auditColumns: {
    readonly when: string;
    readonly who: string;
    readonly what: string;
    readonly about: string;
    readonly subject: string;
    readonly details: string;
  };
  /** Mijn account: who I am, my recent activity, my passkeys, my password. */
  readonly account: {
    readonly title: string;
    readonly identity: (p: { name: string; role: string; scope: string | null }) => string;
    readonly scopeMeldkamer: (code: string) => string;
    readonly scopeGemeente: (code: string) => string;
    readonly activityHeading: string;
    readonly activityCaption: string;
    readonly passkeysHeading: string;
    readonly noPasskeys: string;
    readonly passkeyItem: (p: { label: string; created: string; lastUsed: string | null }) => string;
    readonly addPasskey: string;
    /** Before adding a passkey: prove again who you are (password or code). */
    readonly reauthIntro: string;
    readonly reauthPasswordSubmit: string;
    readonly reauthCode: string;
    readonly reauthCodeSubmit: string;
    readonly reauthLogInAgain: string;
    readonly reauthDone: string;
    readonly passwordHeading: string;
    readonly currentPassword: string;
    readonly newPassword: string;
    readonly newPasswordHint: string;
    readonly repeatPassword: string;
    readonly passwordSubmit: string;
    readonly passwordChanged: string;
  };
  /** The meldkamer console: area, message, the running action, the confirmation. */
  readonly console: {
    readonly title: string;
    readonly heading: string;
    readonly mapLabel: string;
    /** The map's own keys, read out with the map (aria-describedby). */
    readonly mapKeys: string;
    readonly shortcutsLabel: string;
    readonly shortcuts: {
      readonly address: string;
      readonly radius: string;
      readonly polygon: string;
      readonly type: string;
      readonly message: string;
      readonly start: string;
      readonly update: string;
      readonly close: string;
      readonly history: string;
    };
    readonly areaHeading: string;
    readonly placeSearch: PlaceSearchTexts;
    readonly shape: string;
    readonly circle: string;
    readonly polygonShape: string;
    /** "Straal: <value> m"; the value is an <output>, so it comes back in parts. */
    readonly radiusLabel: <T>(value: T) => readonly (string | T)[];
    readonly meldkamer: string;
    readonly reachEmpty: string;
    readonly messageHeading: string;
    readonly type: string;
    readonly needsApproval: string;
    readonly missingChild: string;
    readonly message: string;
    readonly characters: (n: number) => string;
    readonly description: string;
    readonly optional: string;
    readonly instructions: string;
    readonly preview: string;
    readonly previewEmpty: string;
    readonly start: string;
    readonly runningHeading: string;
    readonly progressChart: string;
    readonly update: string;
    readonly updateText: string;
    readonly updateSend: string;
    readonly widen: string;
    readonly widenText: string;
    readonly widenButton: string;
    readonly moveButton: string;
    readonly sentHeading: string;
    readonly timelineHeading: string;
    readonly photo: string;
    readonly photoLabel: string;
    readonly photoSubmit: string;
    readonly close: string;
    readonly result: string;
    readonly chooseResult: string;
    readonly runningActions: string;
    readonly noRunningActions: string;
    /** Another meldkamer's running action in the list: opened read-only on its page. */
    readonly readOnlyAction: (meldkamer: string) => string;
    /** Other meldkamers' concepts that wait for this meldkamer's approval. */
    readonly approvalRequests: string;
    readonly approvalRequest: (p: { number: string; meldkamer: string }) => string;
    /** Said (aria-live) when a request arrives while the console is open. */
    readonly approvalRequestArrived: (p: { number: string; meldkamer: string }) => string;
    readonly closingText: string;
    readonly closingTextHint: string;
    readonly withdraw: string;
    readonly withdrawText: string;
    readonly tips: string;
    readonly noTips: string;
    readonly newAction: string;
    readonly confirmHeading: string;
    readonly confirmYes: string;
    readonly confirmNo: string;
  };
  /**
   * What the console's script (console.js) writes into the page; the page gives them to it as JSON. A word in braces
   * is a value the script fills in: {n} a number of recipients or characters, {type} the action type's label, {message}
   * the message, {number} the action's number, {sent}/{delivered}/{failed}/{queued} messages by state, {first}/{last}
   * a time, {text} a tip's text.
   */
  readonly consoleScript: {
    /**
     * The running action's panel: what was sent, the timeline, people per channel, and each step's confirmation and
     * feedback. {n} people, {text} a message, {radius} a distance, {ringing}/{answered}/{retry} calls, {channels} a list.
     */
    readonly live: {
      readonly done: {
        readonly started: string;
        readonly update: string;
        readonly widened: string;
        readonly moved: string;
        readonly closed: string;
        readonly withdrawn: string;
      };
      readonly ended: string;
      readonly leaveHeading: string;
      readonly leaveYes: string;
      readonly drawFirst: string;
      readonly draftArea: string;
      readonly widenHeading: string;
      readonly widenLine: string;
      readonly newPeople: string;
      readonly widenYes: string;
      readonly moveHeading: string;
      readonly moveLine: string;
      readonly moveReached: string;
      readonly moveYes: string;
      readonly updateHeading: string;
      readonly updateTo: string;
      readonly updateText: string;
      readonly updateYes: string;
      readonly updateEmpty: string;
      readonly updateCounter: string;
      readonly summaryType: string;
      readonly summaryMessage: string;
      readonly areaCircle: string;
      readonly areaPolygon: string;
      readonly kinds: { readonly alert: string; readonly update: string; readonly closing: string };
      readonly areaChanges: { readonly start: string; readonly widened: string; readonly moved: string };
      readonly toPeople: string;
      readonly pending: string;
      readonly photoAlt: string;
      readonly peopleColumns: {
        readonly channel: string;
        readonly people: string;
        readonly delivered: string;
        readonly failed: string;
        readonly messages: string;
      };
      readonly peopleSummary: string;
      readonly voiceNow: string;
      /** The SMS parts per SMSC connection profile (failover): the list of items. */
      readonly smscLine: string;
      readonly smscItem: string;
      readonly chartStart: string;
      readonly chartEmpty: string;
      readonly currentArea: string;
      readonly earlierArea: string;
    };
    readonly sessionExpired: string;
    readonly failed: string;
    /** The channels by the API's name, in the reach and the progress table. */
    readonly channels: { readonly sms: string; readonly voice: string; readonly app: string; readonly push: string };
    readonly mapAttribution: string;
    /** {n}: the number of recipients, marked up by the script. */
    readonly reach: string;
    /** The same while an action runs (widening reaches only new recipients). */
    readonly reachNew: string;
    readonly outsideTimeWindow: string;
    readonly characters: string;
    /** {characters}: the text of `characters`; {units}: SMS characters; {encoding}: one of `encodings`; {parts}: one of `smsParts`. */
    readonly smsCounter: string;
    readonly encodings: { readonly gsm: string; readonly ucs2: string };
    readonly smsParts: { readonly one: string; readonly other: string };
    readonly previewSms: string;
    readonly previewVoice: string;
    readonly previewApp: string;
    /** The app's notification in the preview: {type}, {message}. */
    readonly appPreview: string;
    readonly areaFirst: string;
    readonly messageFirst: string;
    readonly confirm: string;
    readonly approvalRequired: string;
    /** The start waits for approvals by size or region; the server's reason follows. {number} */
    readonly waitingForApproval: string;
    /** {sent} and {delivered} are marked up by the script. */
    readonly progress: string;
    readonly progressColumns: {
      readonly channel: string;
      readonly recipients: string;
      readonly sent: string;
      readonly delivered: string;
      readonly failed: string;
    };
    readonly progressTimes: string;
    /** The two lines' names under the progress chart (console-chart.js). */
    readonly chartLabels: { readonly sent: string; readonly delivered: string };
    readonly tipPhotoAlt: string;
    readonly appTip: string;
    readonly appTipCallback: string;
    readonly call: string;
    readonly confirmClose: string;
    readonly chooseResult: string;
    readonly confirmNewAction: string;
    readonly closeHeading: string;
    readonly closeResult: string;
    readonly closeText: string;
    readonly closeDefaultText: string;
    readonly closeYes: string;
    readonly withdrawHeading: string;
    readonly withdrawYes: string;
    readonly confirmWithdraw: string;
    readonly photoFailed: string;
    readonly photoPlaced: string;
    /** A tip's number to call back: hidden until asked for with a purpose (the read is audited). */
    readonly callbackNumber: {
      readonly label: string;
      readonly hidden: string;
      readonly show: string;
      readonly purposeLegend: string;
      readonly purposes: Readonly<Record<CallbackPurpose, string>>;
      readonly note: string;
      readonly audited: string;
      readonly submit: string;
      readonly cancel: string;
      readonly choosePurpose: string;
    };
  };
  /** What the passkey script (passkey.js) writes: on the second step of logging in, enrolment and Mijn account. */
  readonly passkeyScript: {
    readonly failed: string;
    readonly unsupported: string;
    readonly notUsed: string;
    /** The name a new passkey gets (shown in Mijn account). */
    readonly newLabel: string;
  };
  /**
   * What the session script (session.js, on every page while logged in) shows before the session ends and
   * after. {time}: the time of day it ends (HH:MM, Amsterdam).
   */
  readonly sessionScript: {
    readonly warningHeading: string;
    readonly idleWarning: string;
    readonly absoluteHeading: string;
    readonly absoluteWarning: string;
    readonly stay: string;
    readonly close: string;
    readonly endedHeading: string;
    readonly endedText: string;
    readonly logIn: string;
    readonly failed: string;
  };
  /** The gemeente's page: its participants, recent actions in the gemeente, its tools. */
  readonly gemeentePage: {
    readonly title: (name: string | null) => string;
    readonly heading: (name: string) => string;
    readonly participants: string;
    readonly participantsText: string;
    readonly toRelatiebeheer: string;
    readonly population: string;
    readonly populationSource: string;
    readonly recentHeading: string;
    readonly noRecent: string;
    readonly recentCaption: string;
    readonly columns: {
      readonly number: string;
      readonly type: string;
      readonly status: string;
      readonly started: string;
    };
    readonly moreHeading: string;
    readonly relatiebeheerLink: string;
    readonly accountLink: string;
  };
  /** Beheer: staff accounts, meldkamers' routing, action types; and the audit log. */
  readonly beheer: {
    readonly title: string;
    readonly auditLink: string;
    readonly staffHeading: string;
    readonly staffCaption: string;
    readonly columns: {
      readonly name: string;
      readonly email: string;
      readonly role: string;
      readonly scope: string;
      readonly secondFactor: string;
      readonly status: string;
      readonly actions: string;
    };
    readonly scopeNational: string;
    readonly factorApp: string;
    readonly factorPasskeys: (n: number) => string;
    readonly factorNone: string;
    readonly accountActive: string;
    readonly accountRevoked: string;
    readonly newActivationLink: string;
    readonly revoke: string;
    /** API tokens (made on the command line) with their expiry; a warning for those ending within two weeks. */
    readonly tokens: {
      readonly heading: string;
      readonly intro: string;
      readonly caption: string;
      readonly none: string;
      readonly columns: {
        readonly name: string;
        readonly role: string;
        readonly createdAt: string;
        readonly expiresAt: string;
        readonly status: string;
      };
      readonly states: Readonly<Record<ApiTokenState, string>>;
      /** The line above the list when some stop working within `days` days or already did. */
      readonly warning: (p: { readonly expiring: number; readonly expired: number; readonly days: number }) => string;
    };
    readonly addHeading: string;
    readonly name: string;
    readonly email: string;
    readonly role: string;
    readonly scope: string;
    readonly scopeHintNational: string;
    readonly scopeHintOwn: string;
    readonly add: string;
    readonly nameMissing: string;
    readonly emailInvalid: string;
    readonly roleMissing: string;
    readonly roleForbidden: string;
    readonly activationLinkSent: (email: string) => string;
    readonly activationLinkNotSent: (email: string) => string;
    readonly routingHeading: string;
    readonly routingColumns: { readonly meldkamer: string; readonly target: string; readonly change: string };
    readonly routingLabel: (meldkamer: string) => string;
    readonly routingInvalid: string;
    readonly unknownMeldkamer: string;
    readonly save: string;
    readonly typesHeading: string;
    readonly template: string;
    readonly requiresApproval: string;
  };
  /** The audit log: search by event and period, export as CSV. */
  readonly auditLog: {
    readonly title: string;
    readonly event: string;
    readonly eventPlaceholder: string;
    readonly from: string;
    readonly to: string;
    readonly search: string;
    readonly count: (n: number) => string;
    readonly export: string;
    readonly caption: string;
  };
  /** The message a new action of each type starts from (beheer can change them; stored in the database). */
  readonly templates: Record<ActionType, string>;
}

/** The console's one search field: an address, a place or a postcode, and what was found, in words. */
export interface PlaceSearchTexts {
  readonly label: string;
  readonly hint: string;
  readonly submit: string;
  /** The problem detail when the field is empty or too long. */
  readonly invalid: string;
  /** What a found place is, and which of its points becomes the centre. */
  readonly describe: {
    readonly address: (name: string) => string;
    readonly postcode: (name: string) => string;
    readonly postcodeArea: (p: { readonly pc4: string; readonly city: string | null }) => string;
    readonly street: (name: string) => string;
    readonly woonplaats: (name: string) => string;
    readonly gemeente: (name: string) => string;
  };
  /** For the page's script: {n} a number, {query} what was typed, {place} a description from `describe`. */
  readonly script: {
    readonly searching: string;
    readonly choose: string;
    readonly found: string;
    readonly suggestions: string;
  };
}
