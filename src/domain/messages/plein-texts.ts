import type { ActionType } from '../action/action-type.js';
import type { PasswordProblem } from '../staff/password-policy.js';
import type { SsoFailure, SsoRefusal } from '../staff/single-sign-on.js';

/** What staff read in Burgernetplein (the portal), beyond the problem titles. */
export interface PleinTexts {
  readonly login: {
    readonly invalidCredentials: string;
    readonly throttled: (p: { minutes: number; reason: 'account-locked' | 'address-limited' }) => string;
    readonly noSecondFactor: string;
    readonly invalidCode: string;
    readonly passkeyInvalid: string;
    readonly sessionInvalid: string;
    readonly loggedOut: string;
    readonly sessionEnded: string;
  };
  readonly password: Record<PasswordProblem, string> & { readonly mismatch: string };
  readonly activation: { readonly invalid: string };
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
    readonly columns: { readonly number: string; readonly type: string; readonly status: string; readonly meldkamer: string; readonly created: string; readonly message: string };
  };
  /** The message a new action of each type starts from (beheer can change them; stored in the database). */
  readonly templates: Record<ActionType, string>;
}
