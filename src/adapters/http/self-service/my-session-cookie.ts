import type { FastifyReply, FastifyRequest } from 'fastify';

/** The "Mijn gegevens" session: a random token, httpOnly, only sent to our own pages. */
export const MY_SESSION_COOKIE = 'burgernet_mijn';

export function setMySession(reply: FastifyReply, token: string, minutes: number): void {
  reply.setCookie(MY_SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: 'auto',
    maxAge: minutes * 60,
  });
}

export function clearMySession(reply: FastifyReply): void {
  reply.clearCookie(MY_SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: 'auto' });
}

export function mySessionToken(request: FastifyRequest): string | null {
  const token = request.cookies[MY_SESSION_COOKIE];
  return typeof token === 'string' && /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : null;
}
