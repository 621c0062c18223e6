import type { AudienceProblem } from './audience.js';
import type { FieldProblem } from './mail-fields.js';
import type { MailField } from './mail-kind.js';
import type { MailStatus } from './mail-status.js';
import type { TemplateProblem } from './mail-template.js';

/** What a Burgernetmail request can run into; the HTTP adapter maps each code to a status and a problem document. */
export type MailError =
  | { readonly code: 'mail.not-found' }
  | { readonly code: 'mail.template-not-found' }
  | { readonly code: 'mail.outside-scope' }
  | { readonly code: 'mail.wrong-status'; readonly status: MailStatus }
  | { readonly code: 'mail.invalid-template'; readonly problem: TemplateProblem }
  | { readonly code: 'mail.invalid-fields'; readonly problems: Partial<Record<MailField, FieldProblem>> }
  | { readonly code: 'mail.invalid-audience'; readonly problem: AudienceProblem }
  | { readonly code: 'mail.empty-audience' }
  | { readonly code: 'mail.invalid-schedule' }
  | { readonly code: 'mail.invalid-reply-to' }
  | { readonly code: 'mail.stale-version' };

export type MailOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: MailError };

export const mailOk = <T>(value: T): MailOutcome<T> => ({ ok: true, value });
export const mailRefused = <T = never>(error: MailError): MailOutcome<T> => ({ ok: false, error });
