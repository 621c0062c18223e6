import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Staff } from '../../domain/staff/staff.js';
import type { Catalogue } from '../../domain/messages/catalogue.js';
import type { StaffDirectory } from '../../app/ports/staff-directory.js';
import { hashApiToken, looksLikeApiToken } from '../auth/api-token.js';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    staff: Staff | null;
  }
}

/** Every /api request carries `Authorization: Bearer <token>` of a staff member. */
export function createAuthenticate(staffDirectory: StaffDirectory, catalogue: Catalogue) {
  return async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
    const staff = looksLikeApiToken(token) ? await staffDirectory.findByTokenHash(hashApiToken(token)) : null;
    if (staff === null) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="burgernet"')
        .type(PROBLEM_CONTENT_TYPE)
        .send(problem(catalogue, 'auth.unauthenticated', 401, { detail: 'Stuur een geldige toegangssleutel mee: Authorization: Bearer <sleutel>.' }));
      return;
    }
    request.staff = staff;
  };
}

/** The authenticated staff member; routes run only after `authenticate` let the request through. */
export function staffOf(request: FastifyRequest): Staff {
  if (request.staff === null) throw new Error('route reached without authentication');
  return request.staff;
}
