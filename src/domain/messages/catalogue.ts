import type { ActionResult } from '../action/action-result.js';
import type { ActionType } from '../action/action-type.js';
import type { PleinTexts } from './plein-texts.js';
import type { DashboardTexts } from './dashboard-texts.js';
import type { AppTexts } from './app-texts.js';
import type { SelfServiceTexts } from './self-service-texts.js';
import type { MailTexts } from './mail-texts.js';
import type { PageChromeTexts } from './page-chrome-nl.js';
import type { CliTexts } from './cli-texts.js';
import type { ProblemDetails } from './problem-details.js';
import type { PushKind } from '../push/push-kind.js';

/** Every text a participant or staff member reads. One object per language; Dutch is the only one now. */
export interface Catalogue {
  readonly actionTypes: Record<ActionType, string>;
  readonly results: Record<ActionResult, string>;
  readonly sms: {
    readonly alert: (p: { message: string; description: string | null }) => string;
    readonly emergency: (p: { message: string; instructions: string }) => string;
    readonly update: (p: { text: string }) => string;
    readonly closing: (p: { text: string }) => string;
    readonly defaultClosing: (p: { type: ActionType; result: ActionResult }) => string;
    readonly withdrawn: string;
  };
  /** What a phone call to a voice participant says (spoken by text-to-speech, so written out as spoken). */
  readonly voice: {
    readonly alert: (p: { message: string; description: string | null }) => string;
    readonly emergency: (p: { message: string; instructions: string }) => string;
    readonly update: (p: { text: string }) => string;
    readonly closing: (p: { text: string }) => string;
    /** After the alert and updates: whom to call. */
    readonly callBack: string;
    /** Said last in every Burgernet call: a key press repeats the message. */
    readonly repeatHint: string;
  };
  /** App notifications (Web Push): the title above the action's text. */
  readonly push: {
    readonly title: (p: { kind: PushKind; type: ActionType }) => string;
  };
  /** Around every page: the skip link, the wordmark, the footer. */
  readonly page: PageChromeTexts;
  /** The public site, sign-up, "Mijn gegevens", codes and e-mails to participants, relatiebeheer. */
  readonly selfService: SelfServiceTexts;
  /** The Burgernetapp and the public action page. */
  readonly app: AppTexts;
  /** Burgernetplein, the staff portal. */
  readonly plein: PleinTexts;
  /** Burgernetmail: the mails, the answer form, unsubscribing, and the portal's mail section. */
  readonly mail: MailTexts;
  /** The dashboard in Burgernetplein. */
  readonly dashboard: DashboardTexts;
  /** The command line: its help, what its commands print, and why it refuses. */
  readonly cli: CliTexts;
  /** Problem titles by stable error code, shown to API clients and in the portal. */
  readonly problems: Record<string, string>;
  /** What the person who asked can do about a problem (its `detail`). */
  readonly problemDetails: ProblemDetails;
}
