import type { Staff, StaffRole } from '../../domain/staff/staff.js';

/** A staff member with what logging in needs. Secrets stay in the store and in the use cases. */
export interface StaffAccount {
  readonly staff: Staff;
  readonly email: string | null;
  readonly passwordHash: string | null;
  readonly totpSecret: string | null;
  readonly totpLastStep: number | null;
  readonly passkeys: number;
  readonly active: boolean;
  readonly createdAt: Date;
  readonly oidcIssuer: string | null;
  readonly oidcSubject: string | null;
}

export interface StoredPasskey {
  readonly credentialId: string;
  readonly staffId: string;
  /** COSE public key, base64url. */
  readonly publicKey: string;
  readonly signCount: number;
  readonly transports: readonly string[];
  readonly label: string;
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
}

export interface NewStaffAccount {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: StaffRole;
  readonly meldkamerCode: string | null;
  readonly gemeenteCode: string | null;
  readonly activationHash: string | null;
  readonly activationExpiresAt: Date | null;
}

export interface StaffAccountFilter {
  readonly meldkamerCode: string | null;
  readonly gemeenteCode: string | null;
  readonly includeRevoked: boolean;
}

export interface StaffAccounts {
  findByEmail(email: string): Promise<StaffAccount | null>;
  findById(id: string): Promise<StaffAccount | null>;
  /** The active account whose activation link this is, while the link is valid at `now`. */
  findByActivation(activationHash: string, now: Date): Promise<StaffAccount | null>;
  findByOidcIdentity(issuer: string, subject: string): Promise<StaffAccount | null>;
  create(account: NewStaffAccount): Promise<void>;
  list(filter: StaffAccountFilter): Promise<readonly StaffAccount[]>;
  setPassword(staffId: string, passwordHash: string, at: Date): Promise<void>;
  setActivation(staffId: string, activationHash: string | null, expiresAt: Date | null): Promise<void>;
  setTotpSecret(staffId: string, secret: string | null, at: Date): Promise<void>;
  /** Records a used TOTP time step; false when this or a later step was used already (a replay). */
  useTotpStep(staffId: string, step: number): Promise<boolean>;
  /** Links the account to an identity at a provider, only while it has none; false when it already had one. */
  bindOidcIdentity(staffId: string, issuer: string, subject: string): Promise<boolean>;
  unbindOidcIdentity(staffId: string): Promise<void>;
  changeRole(
    staffId: string,
    role: StaffRole,
    meldkamerCode: string | null,
    gemeenteCode: string | null,
  ): Promise<void>;
  revoke(staffId: string, by: string | null, at: Date): Promise<void>;
  listPasskeys(staffId: string): Promise<readonly StoredPasskey[]>;
  findPasskey(credentialId: string): Promise<StoredPasskey | null>;
  addPasskey(passkey: StoredPasskey): Promise<void>;
  usePasskey(credentialId: string, signCount: number, at: Date): Promise<void>;
  removePasskey(staffId: string, credentialId: string): Promise<boolean>;
}
