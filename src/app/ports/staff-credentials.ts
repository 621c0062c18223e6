/** Password hashing (argon2id in the adapter). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Spends the time of one verification, for unknown accounts (answers take as long as for known ones). */
  verifyNothing(password: string): Promise<void>;
}

/** Time-based one-time passwords, RFC 6238 (30 s steps, 6 digits, SHA-1 as authenticator apps expect). */
export interface TotpVerifier {
  newSecret(): string;
  /** The otpauth:// URI an authenticator app reads (as QR code or typed). */
  enrolmentUri(secret: string, accountLabel: string): string;
  /** The time step the code belongs to (now or one step back), or null when it is wrong. */
  verify(secret: string, code: string, now: Date): Promise<number | null>;
  /** The code an authenticator app shows at `now` (demo output and tests). */
  codeAt(secret: string, now: Date): Promise<string>;
}

/** Random secrets (session ids, activation links) and the hash that is stored instead of them. */
export interface SecretTokens {
  newToken(): string;
  hash(token: string): string;
}

/** The site as WebAuthn knows it: the RP ID (a domain) and the origin pages are served from. */
export interface RelyingParty {
  readonly id: string;
  readonly name: string;
  readonly origin: string;
}

export interface NewPasskey {
  readonly credentialId: string;
  readonly publicKey: string;
  readonly signCount: number;
  readonly transports: readonly string[];
}

/** The WebAuthn ceremonies (the adapter uses @simplewebauthn/server). Options are JSON for the browser. */
export interface PasskeyCeremony {
  registrationOptions(input: {
    readonly rp: RelyingParty;
    readonly userId: string;
    readonly userName: string;
    readonly displayName: string;
    readonly existing: readonly { readonly credentialId: string; readonly transports: readonly string[] }[];
  }): Promise<{ readonly options: unknown; readonly challenge: string }>;
  verifyRegistration(input: {
    readonly rp: RelyingParty;
    readonly response: unknown;
    readonly challenge: string;
  }): Promise<NewPasskey | null>;
  authenticationOptions(input: {
    readonly rp: RelyingParty;
    readonly allow: readonly { readonly credentialId: string; readonly transports: readonly string[] }[];
  }): Promise<{ readonly options: unknown; readonly challenge: string }>;
  /** The credential id a browser's assertion names (to find the stored passkey), or null when unreadable. */
  credentialIdOf(response: unknown): string | null;
  verifyAuthentication(input: {
    readonly rp: RelyingParty;
    readonly response: unknown;
    readonly challenge: string;
    readonly passkey: {
      readonly credentialId: string;
      readonly publicKey: string;
      readonly signCount: number;
      readonly transports: readonly string[];
    };
  }): Promise<{ readonly signCount: number } | null>;
}
