import type { FastifyReply } from 'fastify';
import { assertNever } from '../../../domain/assert-never.js';
import type { MailError } from '../../../domain/mail/errors.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { PROBLEM_CONTENT_TYPE, problem } from '../problem.js';

export function mailErrorStatus(error: MailError): number {
  switch (error.code) {
    case 'mail.not-found':
    case 'mail.template-not-found':
      return 404;
    case 'mail.outside-scope':
      return 403;
    case 'mail.wrong-status':
    case 'mail.stale-version':
      return 409;
    case 'mail.invalid-template':
    case 'mail.invalid-fields':
    case 'mail.invalid-audience':
    case 'mail.empty-audience':
    case 'mail.invalid-schedule':
    case 'mail.invalid-reply-to':
      return 422;
    default:
      return assertNever(error);
  }
}

/** A Dutch sentence on what to change, where the error has one. */
export function mailErrorDetail(catalogue: Catalogue, error: MailError): string | undefined {
  switch (error.code) {
    case 'mail.wrong-status':
      return catalogue.problemDetails.mailWrongStatus({ status: catalogue.mail.statuses[error.status] });
    case 'mail.invalid-template':
      return error.problem.kind === 'unknown-placeholder' ? catalogue.problemDetails.mailUnknownField({ field: error.problem.placeholder }) : undefined;
    case 'mail.invalid-audience':
      return error.problem.kind === 'postcode-format' ? catalogue.problemDetails.mailNotAPostcode({ value: error.problem.value }) : undefined;
    default:
      return undefined;
  }
}

export function sendMailError(reply: FastifyReply, catalogue: Catalogue, error: MailError): FastifyReply {
  const status = mailErrorStatus(error);
  const detail = mailErrorDetail(catalogue, error);
  const errors =
    error.code === 'mail.invalid-fields'
      ? Object.entries(error.problems).map(([field, p]) => ({ path: `fields/${field}`, message: catalogue.mail.fieldProblems[p!] }))
      : undefined;
  return reply
    .code(status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(problem(catalogue, error.code, status, { ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) }));
}
