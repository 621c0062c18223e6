import type { FastifyRequest } from 'fastify';
import type { RelyingParty } from '../../../app/ports/staff-credentials.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { jsonBlock, type SafeHtml } from '../html/html.js';
import type { PleinHttpDeps } from './plein-http-deps.js';

/** The script behind the passkey buttons (logging in, enrolment, Mijn account). */
export const PASSKEY_SCRIPT = '/static/plein/passkey.js';

/** The texts passkey.js writes into the page, as a JSON block for the page's head. */
export function passkeyTexts(t: Catalogue): SafeHtml {
  return jsonBlock('texts-passkey', t.plein.passkeyScript);
}

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
