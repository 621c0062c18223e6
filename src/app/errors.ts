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

/** The app and its media: photos, tips and the meldkamer's public number. */
export type MediaError =
  | { readonly code: 'photo.not-an-image' }
  | { readonly code: 'photo.too-many-pixels'; readonly maxPixels: number }
  | { readonly code: 'photo.not-found' }
  | { readonly code: 'tip.action-not-active' }
  | { readonly code: 'tip.invalid-phone-number' }
  | { readonly code: 'tip.not-found' }
  | { readonly code: 'meldkamer.not-found' }
  | { readonly code: 'meldkamer.invalid-phone-number' };

/** A second centralist's approval (Burgernetplein). */
export type ApprovalError = { readonly code: 'action.approval-required' } | { readonly code: 'action.approval-by-self' };

export type AppError = ActionError | AuthError | ParticipantError | MediaError | ApprovalError;

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const failure = <T = never>(error: AppError): Outcome<T> => ({ ok: false, error });
