import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { StaffRole } from '../../../domain/staff/staff.js';
import { resolveSession, type ResolvedSession } from '../../../app/staff-auth/staff-sessions.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { readSessionCookie } from './staff-session-cookie.js';
import { csrfCookieName, csrfCookieOptions } from '../server/session-bound-csrf.js';
import { renderPortalPage } from './portal-page.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The portal session in any stage (also halfway through login), or null. */
    staffSession: ResolvedSession | null;
    /** The texts for this request's pages: the shell and guards render with it (set by loadPortalSession). */
    catalogue: Catalogue;
  }
  interface FastifyContextConfig {
    /** false: a request to this route does not count as activity for the idle timeout (the page asking when its session ends). */
    sessionActivity?: boolean;
  }
}

/**
 * onRequest hook of the web scope: reads the session cookie; `request.staff` is set only when the session
 * is active (second factor done). Pages use the guards below.
 */
export function loadPortalSession(deps: HttpDeps) {
  return async function loadPortalSessionHook(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    request.catalogue = deps.catalogue;
    // One CSRF secret per browser from its first page on: without a cookie, every reply.generateCsrf() in
    // one request would make a new secret, and only the last would match the cookie the browser keeps.
    const csrfCookie = csrfCookieName(deps.plein.cookieSecure);
    if (typeof request.cookies[csrfCookie] !== 'string') {
      const secret = randomBytes(18).toString('base64url');
      request.cookies[csrfCookie] = secret;
      reply.setCookie(csrfCookie, secret, csrfCookieOptions(deps.plein.cookieSecure));
    }
    request.staffSession = null;
    const token = readSessionCookie(request, deps.plein.cookieSecure);
    if (token === null) return;
    const resolved = await resolveSession(deps.plein.auth, token, {
      activity: request.routeOptions.config.sessionActivity !== false,
    });
    request.staffSession = resolved;
    const active = resolved !== null && resolved.session.stage === 'active';
    request.staff = active ? resolved.account.staff : null;
    request.staffCredential = active ? { kind: 'session', idHash: resolved.session.idHash } : null;
  };
}

/** Where a page the user wanted lives: only our own /plein pages (no open redirect). */
export function safeReturnPath(value: unknown): string | null {
  return typeof value === 'string' &&
    /^\/plein(\/[A-Za-z0-9/_-]*)?$/.test(value) &&
    !value.startsWith('/plein/inloggen')
    ? value
    : null;
}

/** preHandler: not logged in → 303 to the login page (remembering a GET page to come back to). */
export async function requireStaffPage(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.staff !== null) return;
  const path = request.method === 'GET' ? safeReturnPath(request.url.split('?')[0]) : null;
  if (path !== null)
    reply.setCookie('burgernet_return', path, { path: '/plein', httpOnly: true, sameSite: 'strict', secure: 'auto' });
  // A session cookie that no longer works: the session ended (idle, expired, revoked).
  const hadSession =
    request.cookies.burgernet_session !== undefined || request.cookies['__Host-burgernet_session'] !== undefined;
  await reply
    .code(303)
    .header('location', hadSession ? '/plein/inloggen?verlopen=1' : '/plein/inloggen')
    .send();
}

/** preHandler factory: logged in with another role → 403 with a page from the catalogue. Use after requireStaffPage. */
export function requireStaffRole(...roles: StaffRole[]) {
  return async function requireStaffRoleHandler(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (request.staff !== null && roles.includes(request.staff.role)) return;
    const t = request.catalogue.plein.forbidden;
    await reply
      .code(403)
      .type('text/html; charset=utf-8')
      .send(
        renderPortalPage(request, reply, {
          title: t.title,
          main: html`<h1>${t.title}</h1><p>${t.text}</p><p><a href="/plein">${t.home}</a></p>`,
        }),
      );
  };
}
