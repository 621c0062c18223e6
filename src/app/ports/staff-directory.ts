import type { ApiTokenLifetime } from '../../domain/staff/api-token-lifetime.js';
import type { Staff, StaffRole } from '../../domain/staff/staff.js';

/** An API token of an active staff member, whether or not it has expired (the caller decides, with its clock). */
export interface ApiTokenHolder {
  readonly staff: Staff;
  readonly expiresAt: Date;
}

/** An API token as beheer sees it: whose, by whom, and until when (never the token or its hash). */
export interface ApiTokenSummary {
  readonly staff: Staff;
  readonly label: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}

export interface StaffDirectory {
  /** The active staff member holding this (unrevoked) API token, with its expiry; or null. */
  findByTokenHash(tokenHash: string): Promise<ApiTokenHolder | null>;
  createStaff(staff: {
    id: string;
    name: string;
    role: StaffRole;
    meldkamerCode: string | null;
    gemeenteCode: string | null;
  }): Promise<void>;
  addToken(staffId: string, tokenHash: string, label: string, lifetime: ApiTokenLifetime): Promise<void>;
  /** The unrevoked tokens of active staff in a meldkamer, a gemeente, or (both null) everywhere; soonest expiry first. */
  listTokens(filter: {
    readonly meldkamerCode: string | null;
    readonly gemeenteCode: string | null;
  }): Promise<readonly ApiTokenSummary[]>;
  listStaff(): Promise<readonly Staff[]>;
}
