import type { FastifyReply } from 'fastify';
import type { AuthError } from '../../app/staff-auth/auth-errors.js';
import { assertNever } from '../../domain/assert-never.js';
import type { Catalogue } from '../../domain/messages/catalogue.js';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js';

export function authStatusOf(error: AuthError): number {
  switch (error.code) {
    case 'auth.invalid-credentials':
    case 'auth.invalid-code':
    case 'auth.passkey-invalid':
    case 'auth.session-invalid':
      return 401;
    case 'auth.throttled':
      return 429;
    case 'auth.forbidden':
    case 'auth.no-second-factor':
    case 'auth.sso-refused':
      return 403;
    case 'auth.sso-failed':
      // The user or the provider said no; a response that failed our checks; a provider we could not reach.
      return error.reason === 'refused-by-provider' ? 403 : error.reason === 'invalid-response' ? 400 : 502;
    case 'auth.activation-invalid':
    case 'staff.not-found':
      return 404;
    case 'staff.email-taken':
      return 409;
    case 'auth.weak-password':
    case 'staff.invalid-scope':
      return 422;
    default:
      return assertNever(error);
  }
}

/** An AuthError as RFC 9457 problem+json (a throttle also as Retry-After). */
export function sendAuthError(reply: FastifyReply, catalogue: Catalogue, error: AuthError): FastifyReply {
  const { code, ...rest } = error;
  if (error.code === 'auth.throttled') reply.header('retry-after', String(error.retryAfterSeconds));
  const detail = error.code === 'auth.weak-password' ? catalogue.plein.password[error.problem] : undefined;
  const status = authStatusOf(error);
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem(catalogue, code, status, { ...(detail ? { detail } : {}), ...rest }));
}
