import { randomBytes } from 'node:crypto';
import csrfProtection from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sessionCookieName } from '../plein/staff-session-cookie.js';
import { mySessionCookieName } from '../self-service/my-session-cookie.js';

/**
 * The cookie that holds a browser's CSRF secret: httpOnly, SameSite=Strict, path /; with `secure` (the default of
 * SESSION_COOKIE_SECURE) Secure and named __Host-…, so that no sibling domain can plant a secret of its own.
 */
export function csrfCookieName(secure: boolean): string {
  return secure ? '__Host-burgernet_csrf' : 'burgernet_csrf';
}

export function csrfCookieOptions(secure: boolean) {
  return { path: '/', sameSite: 'strict', httpOnly: true, secure } as const;
}

/**
 * The session a CSRF token is bound to: on the portal and the staff API the staff session, elsewhere on the site
 * the "Mijn gegevens" session (none: the anonymous visit). The token carries a keyed hash of it, so a token taken
 * from one session is refused in another, also when the browser's CSRF secret stays the same (as it does across
 * a login or a logout).
 */
export function csrfSessionOf(request: FastifyRequest, secure: boolean): string {
  const path = request.url;
  const staff = path.startsWith('/plein') || path.startsWith('/api/');
  const cookie = request.cookies[staff ? sessionCookieName(secure) : mySessionCookieName(secure)];
  return `${staff ? 'staff' : 'site'}:${cookie ?? ''}`;
}

/**
 * @fastify/csrf-protection with the secret in a cookie and each token bound to the request's session
 * (`getUserInfo`). Every `reply.generateCsrf()` binds to the session as this request knows it: the session
 * cookie helpers update the request's cookies when they set a new one, so a page rendered right after a login
 * carries a token of the new session. `hmacKey` must be the same in every process (it is derived from the
 * self-service secret).
 */
export async function installSessionBoundCsrf(
  app: FastifyInstance,
  options: { readonly secure: boolean; readonly hmacKey: string | null },
): Promise<void> {
  const { secure } = options;
  await app.register(csrfProtection, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: csrfCookieName(secure),
    cookieOpts: csrfCookieOptions(secure),
    getUserInfo: (request) => csrfSessionOf(request, secure),
    // Without a shared key (no self-service), tokens are valid in this process only.
    csrfOpts: { userInfo: true, hmacKey: options.hmacKey ?? randomBytes(32).toString('base64url') },
  });
  app.addHook('onRequest', async (request, reply) => {
    const generate = reply.generateCsrf.bind(reply);
    reply.generateCsrf = (opts) => generate({ ...opts, userInfo: csrfSessionOf(request, secure) });
  });
}
