import type { FastifyRequest } from 'fastify';
import type { RelyingParty } from '../../../../app/ports/staff-credentials.js';
import type { PleinHttpDeps } from '../../plein-http-deps.js';

/**
 * The WebAuthn relying party for this request: the configured RP ID and origin; without a configured
 * origin, the request's own (only when its host is the RP ID, so a stray Host header cannot widen it).
 */
export function relyingPartyOf(request: FastifyRequest, deps: PleinHttpDeps): RelyingParty | null {
  const { rpId, rpName, origin } = deps.webauthn;
  if (origin !== null) return { id: rpId, name: rpName, origin };
  const host = request.headers.host ?? '';
  const hostname = host.replace(/:\d+$/, '');
  if (hostname !== rpId) return null;
  return { id: rpId, name: rpName, origin: `${request.protocol}://${host}` };
}
