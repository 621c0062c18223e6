import type { FastifyReply, FastifyRequest } from 'fastify';
import { DEVICE_TOKENS_PER_BROWSER, KNOWN_DEVICE_DAYS } from '../../../domain/staff/known-device.js';

/**
 * The known-device cookie: random tokens (one per account that completed a login in this browser; the store
 * keeps only their hashes), httpOnly, SameSite=Strict, path /, kept KNOWN_DEVICE_DAYS after the latest login
 * and not ended by logging out. With `secure` it is named __Host-…, like the session cookie.
 */
export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-burgernet_device' : 'burgernet_device';
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

export function readDeviceTokens(request: FastifyRequest, secure: boolean): readonly string[] {
  const value = request.cookies[deviceCookieName(secure)];
  if (typeof value !== 'string') return [];
  return value
    .split('.')
    .filter((token) => TOKEN.test(token))
    .slice(-DEVICE_TOKENS_PER_BROWSER);
}

export function setDeviceCookie(reply: FastifyReply, secure: boolean, tokens: readonly string[]): void {
  reply.setCookie(deviceCookieName(secure), tokens.join('.'), {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: KNOWN_DEVICE_DAYS * 24 * 60 * 60,
  });
}
