/** A browser in which a staff member completed a login; the browser keeps the token, the store only its hash. */
export interface KnownDevice {
  readonly tokenHash: string;
  readonly staffId: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface KnownDevices {
  /** Which of these token hashes is a known device of the staff member at `now`; null when none is. */
  findOf(staffId: string, tokenHashes: readonly string[], now: Date): Promise<string | null>;
  /**
   * Remembers a device in place of `replacing` (the same browser's previous token), and forgets the staff member's
   * expired devices and all but the newest `keep`.
   */
  remember(device: KnownDevice, replacing: string | null, keep: number): Promise<void>;
}
