import type { ThrottleReason } from '../../domain/staff/login-throttle.js';
import type { PasswordProblem } from '../../domain/staff/password-policy.js';
import type { SsoFailure, SsoRefusal } from '../../domain/staff/single-sign-on.js';

export type AuthError =
  | { readonly code: 'auth.invalid-credentials' }
  | { readonly code: 'auth.throttled'; readonly reason: ThrottleReason; readonly retryAfterSeconds: number }
  | { readonly code: 'auth.invalid-code' }
  | { readonly code: 'auth.passkey-invalid' }
  | { readonly code: 'auth.session-invalid' }
  | { readonly code: 'auth.activation-invalid' }
  | { readonly code: 'auth.no-second-factor' }
  | { readonly code: 'auth.weak-password'; readonly problem: PasswordProblem }
  | { readonly code: 'auth.forbidden' }
  | { readonly code: 'auth.sso-refused'; readonly reason: SsoRefusal }
  | { readonly code: 'auth.sso-failed'; readonly reason: SsoFailure }
  | { readonly code: 'staff.not-found' }
  | { readonly code: 'staff.email-taken' }
  | { readonly code: 'staff.invalid-scope' };

export type AuthOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AuthError };

export const authOk = <T>(value: T): AuthOutcome<T> => ({ ok: true, value });
export const authFail = <T = never>(error: AuthError): AuthOutcome<T> => ({ ok: false, error });
