import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiTokenState } from '../../../domain/staff/api-token-lifetime.js';
import { may } from '../../../domain/staff/permissions.js';
import { resolveSession } from '../../../app/staff-auth/staff-sessions.js';
import { hashApiToken, looksLikeApiToken } from '../../auth/api-token.js';
import type { HttpDeps } from './http-deps.js';
import { permissionFor } from './route-permissions.js';
import { sendProblem } from './problem.js';
import { readSessionCookie } from '../plein/staff-session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** How the staff member was recognised: an API token (machine clients) or the portal's session cookie. */
    staffVia: 'token' | 'session' | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * /api/v1 for staff: `Authorization: Bearer <token>` (machine clients, tests; refused once expired) or the portal's session cookie
 * (the console's browser calls). With the cookie, every state-changing request must carry the CSRF token
 * (header x-csrf-token) of the page it came from. Then the route's permission (route-permissions.ts) is
 * checked against the role, before any handler runs.
 */
export function installApiAuthentication(api: FastifyInstance, deps: HttpDeps): void {
  if (!api.hasRequestDecorator('staffVia')) api.decorateRequest('staffVia', null);
  api.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
      const tokenHash = looksLikeApiToken(token) ? hashApiToken(token) : null;
      const holder = tokenHash === null ? null : await deps.store.staff.findByTokenHash(tokenHash);
      if (holder === null || tokenHash === null)
        return sendProblem(reply, deps.catalogue, {
          code: 'auth.unauthenticated',
          expected: 'token',
          realm: 'burgernet',
        });
      if (apiTokenState(holder.expiresAt, deps.plein.auth.clock.now()) === 'expired')
        return sendProblem(reply, deps.catalogue, {
          code: 'auth.token-expired',
          expiredAt: holder.expiresAt,
          realm: 'burgernet',
        });
      request.staff = holder.staff;
      request.staffCredential = { kind: 'token', tokenHash };
      request.staffVia = 'token';
    } else {
      const cookie = readSessionCookie(request, deps.plein.cookieSecure);
      const resolved = cookie === null ? null : await resolveSession(deps.plein.auth, cookie);
      if (resolved === null || resolved.session.stage !== 'active')
        return sendProblem(reply, deps.catalogue, {
          code: 'auth.unauthenticated',
          expected: 'session-or-token',
          realm: 'burgernet',
        });
      request.staff = resolved.account.staff;
      request.staffCredential = { kind: 'session', idHash: resolved.session.idHash };
      request.staffVia = 'session';
    }
    const permission = permissionFor(request.method, request.routeOptions.url);
    if (permission === null || (permission !== 'any-staff' && !may(request.staff, permission))) {
      return sendProblem(reply, deps.catalogue, { code: 'auth.forbidden', refusedBy: 'role' });
    }
  });
  // Callback style: the CSRF plugin answers a refusal itself (and then this hook must not call done).
  api.addHook('preValidation', (request, reply, done) => {
    if (request.staffVia !== 'session' || SAFE_METHODS.has(request.method)) return done();
    api.csrfProtection(request, reply, done);
  });
}
