import type { FastifyRequest } from 'fastify';
import type { LoginOrigin } from '../../../app/staff-auth/login-attempts.js';
import { clientKey } from '../server/client-key.js';
import { readDeviceTokens } from './known-device-cookie.js';

/** What a password or code attempt is counted against: the client address and the browser's known-device tokens. */
export function loginOriginOf(request: FastifyRequest, cookieSecure: boolean): LoginOrigin {
  return { address: clientKey(request.ip), deviceTokens: readDeviceTokens(request, cookieSecure) };
}
