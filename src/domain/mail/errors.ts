import type { AudienceProblem } from './audience.js';
import type { FieldProblem } from './mail-fields.js';
import type { MailField } from './mail-kind.js';
import type { MailStatus } from './mail-status.js';
import type { TemplateProblem } from './mail-template.js';

/** What a Burgernetmail request can run into. */
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
