import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The "Mijn gegevens" session: a random token, httpOnly, SameSite=Strict, path /, ended by the server after its
 * minutes. With `secure` (SESSION_COOKIE_SECURE, the default) it is Secure and named __Host-…, like the staff
 * session cookie: browsers then take it only over HTTPS (or from http://localhost) and from no sibling domain.
 */
export function mySessionCookieName(secure: boolean): string {
  return secure ? '__Host-burgernet_mijn' : 'burgernet_mijn';
}

export function setMySession(reply: FastifyReply, secure: boolean, token: string, minutes: number): void {
  const name = mySessionCookieName(secure);
  reply.setCookie(name, token, { path: '/', httpOnly: true, sameSite: 'strict', secure, maxAge: minutes * 60 });
  // The rest of this request (a CSRF token for the next page) already belongs to the new session.
  reply.request.cookies[name] = token;
}

export function clearMySession(reply: FastifyReply, secure: boolean): void {
  const name = mySessionCookieName(secure);
  reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  delete reply.request.cookies[name];
}

export function mySessionToken(request: FastifyRequest, secure: boolean): string | null {
  const token = request.cookies[mySessionCookieName(secure)];
  return typeof token === 'string' && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}
