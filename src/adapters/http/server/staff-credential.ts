import type { AuthDeps } from '../../../app/staff-auth/auth-deps.js';
import { staffOfSessionHash } from '../../../app/staff-auth/staff-sessions.js';
import { apiTokenState } from '../../../domain/staff/api-token-lifetime.js';
import type { Staff } from '../../../domain/staff/staff.js';

/** What a staff request was let in by: a portal session or an API token, by their stored hashes. */
export type StaffCredential =
  { readonly kind: 'session'; readonly idHash: string } | { readonly kind: 'token'; readonly tokenHash: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set with `staff` (api-authentication.ts, plein/staff-page-guard.ts); an open event stream checks it again and again. */
    staffCredential: StaffCredential | null;
  }
}

/**
 * Whom a credential stands for now, without counting as activity; null once the session ended (logout, idle,
 * absolute limit, revocation, deactivation) or the token was revoked or expired.
 */
export async function staffOfCredential(
  auth: Pick<AuthDeps, 'store' | 'clock' | 'sessionLimits'>,
  credential: StaffCredential,
): Promise<Staff | null> {
  switch (credential.kind) {
    case 'session':
      return staffOfSessionHash(auth, credential.idHash);
    case 'token': {
      const holder = await auth.store.staff.findByTokenHash(credential.tokenHash);
      return holder === null || apiTokenState(holder.expiresAt, auth.clock.now()) === 'expired' ? null : holder.staff;
    }
  }
}
