import type { ThrottleLimits } from '../../domain/staff/login-throttle.js';
import type { SessionLimits } from '../../domain/staff/staff-session.js';
import type { ActivationLinkDelivery } from '../ports/activation-links.js';
import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { PasskeyCeremony, PasswordHasher, SecretTokens, TotpVerifier } from '../ports/staff-credentials.js';
import type { Store } from '../ports/stores.js';

export interface AuthDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly passwords: PasswordHasher;
  readonly totp: TotpVerifier;
  readonly passkeys: PasskeyCeremony;
  readonly tokens: SecretTokens;
  /** The blocklist of common and breached passwords (lowercase). */
  readonly commonPasswords: ReadonlySet<string>;
  readonly sessionLimits: SessionLimits;
  readonly throttle: ThrottleLimits;
  /** How long an activation link stays valid. */
  readonly activationMs: number;
  /** Sends a new or reset account's activation link to that account's own e-mail address. */
  readonly activationLinks: ActivationLinkDelivery;
}
