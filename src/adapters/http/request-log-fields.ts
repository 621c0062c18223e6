import type { FastifyRequest } from 'fastify';

/** Paths whose callers are anonymous members of the public: their address is not logged either. */
const ANONYMOUS = /^\/(app|acties)(\/|$)/;

/**
 * What a request log line says about the request: method and path, never the query string (a search for a
 * name or a phone number, or a client that tries to send where it is) and, for the app, not the address.
 */
export function requestLogFields(request: FastifyRequest) {
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return {
    method: request.method,
    path,
    ...(query === -1 ? {} : { query: '[weggelaten]' }),
    ...(ANONYMOUS.test(path) ? {} : { remoteAddress: request.ip }),
  };
}
