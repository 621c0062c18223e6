import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The staff session cookie: a random id (the session row stores only its hash), httpOnly, SameSite=Strict,
 * path /, no Max-Age (the browser drops it when it closes; the server ends it after the idle or absolute
 * timeout). With `secure` it is named __Host-…, which browsers accept only over HTTPS without a Domain.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-burgernet_session' : 'burgernet_session';
}

export function readSessionCookie(request: FastifyRequest, secure: boolean): string | null {
  const value = request.cookies[sessionCookieName(secure)];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function setSessionCookie(reply: FastifyReply, secure: boolean, token: string): void {
  reply.setCookie(sessionCookieName(secure), token, { path: '/', httpOnly: true, sameSite: 'strict', secure });
  // The rest of this request (a CSRF token for the page it renders) already belongs to the new session.
  reply.request.cookies[sessionCookieName(secure)] = token;
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, sameSite: 'strict', secure });
  delete reply.request.cookies[sessionCookieName(secure)];
}
