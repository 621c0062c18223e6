import type { ActionError } from '../domain/action/errors.js';

export type AuthError = { readonly code: 'auth.forbidden' };

export type ParticipantError =
  | { readonly code: 'participant.not-found' }
  | { readonly code: 'participant.address-not-found' }
  | { readonly code: 'participant.geocoder-unavailable'; readonly reason: string }
  | { readonly code: 'participant.invalid-phone-number' }
  | { readonly code: 'participant.sms-needs-mobile' }
  | { readonly code: 'participant.out-of-scope' }
  | { readonly code: 'participant.duplicate-registration' };

export type AppError = ActionError | AuthError | ParticipantError;

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = <T = never>(error: AppError): Outcome<T> => ({ ok: false, error });
