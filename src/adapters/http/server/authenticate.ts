import type { FastifyRequest } from 'fastify';
import type { Staff } from '../../../domain/staff/staff.js';

declare module 'fastify' {
  interface FastifyRequest {
    staff: Staff | null;
  }
}

/**
 * How a request becomes a staff member's: /api/v1 accepts an API token or the portal's session cookie
 * (api-authentication.ts, which also checks CSRF and the route's permission); portal pages read the session
 * cookie (plein/staff-page-guard.ts).
 */
export { installApiAuthentication } from './api-authentication.js';

/** The authenticated staff member; routes run only after authentication let the request through. */
export function staffOf(request: FastifyRequest): Staff {
  if (request.staff === null) throw new Error('route reached without authentication');
  return request.staff;
}
