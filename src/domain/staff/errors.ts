import type { ThrottleReason } from './login-throttle.js';
import type { PasswordProblem } from './password-policy.js';
import type { SsoFailure, SsoRefusal } from './single-sign-on.js';

/** Logging in, activation, second factors and the management of staff accounts. */
export type AuthError =
  | { readonly code: 'auth.invalid-credentials' }
  | { readonly code: 'auth.throttled'; readonly reason: ThrottleReason; readonly retryAfterSeconds: number }
  | { readonly code: 'auth.invalid-code' }
  | { readonly code: 'auth.passkey-invalid' }
  | { readonly code: 'auth.session-invalid' }
  | { readonly code: 'auth.activation-invalid' }
  | { readonly code: 'auth.no-second-factor' }
  /** Adding a passkey needs a fresh proof (password or code) first. */
  | { readonly code: 'auth.reauthentication-required' }
  | { readonly code: 'auth.weak-password'; readonly problem: PasswordProblem }
  | { readonly code: 'auth.forbidden' }
  | { readonly code: 'auth.sso-refused'; readonly reason: SsoRefusal }
  | { readonly code: 'auth.sso-failed'; readonly reason: SsoFailure }
  | { readonly code: 'staff.not-found' }
  | { readonly code: 'staff.email-taken' }
  | { readonly code: 'staff.invalid-scope' }
  /** An API token's lifetime outside 1 to `maxDays` days. */
  | { readonly code: 'staff.invalid-token-lifetime'; readonly maxDays: number };

/** The staff member's role or scope does not allow what they asked. */
export type Forbidden = Extract<AuthError, { readonly code: 'auth.forbidden' }>;
