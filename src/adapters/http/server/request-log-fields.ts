import type { FastifyRequest } from 'fastify';

/** Paths whose callers are anonymous members of the public: their address is not logged either. */
const ANONYMOUS = /^\/(app|acties)(\/|$)/;
/** Paths that carry a secret: a staff activation link sets a password and a second factor for 72 hours. */
const SECRET_IN_PATH = /^(\/plein\/activeren\/)[^/]+/;

/**
 * What a request log line says about the request: method and path, never the query string (a search for a
 * name or a phone number, or a client that tries to send where it is) and, for the app, not the address.
 */
export function requestLogFields(request: FastifyRequest) {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const path = (query === -1 ? url : url.slice(0, query)).replace(SECRET_IN_PATH, '$1[verborgen]');
  return {
    method: request.method,
    path,
    ...(query === -1 ? {} : { query: '[weggelaten]' }),
    ...(ANONYMOUS.test(path) ? {} : { remoteAddress: request.ip }),
  };
}
