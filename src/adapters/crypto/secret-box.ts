/** The columns that hold secrets, each sealed under a data key of its own. */
export const SECRET_PURPOSES = [
  'staff.totp_secret',
  'staff_sessions.pending_totp_secret',
  'signing_secrets.secret',
] as const;
export type SecretPurpose = (typeof SECRET_PURPOSES)[number];

/**
 * Seals and opens the secrets a store keeps (envelope-encryption.ts). `context` is the row's key. Opening throws
 * when a value is not sealed, was sealed for another row or purpose, or was changed: a secret in the database that
 * this system did not seal is never used.
 */
export interface SecretBox {
  seal(purpose: SecretPurpose, context: string, plaintext: string): string;
  open(purpose: SecretPurpose, context: string, sealed: string): string;
}

/** For stores that keep no secrets (tools and tests on parts of the schema): any use is a bug. */
export const NO_SECRET_BOX: SecretBox = {
  seal() {
    throw new Error('this store was opened without a secrets key');
  },
  open() {
    throw new Error('this store was opened without a secrets key');
  },
};
