import type { Staff, StaffRole } from '../../domain/staff/staff.js';

export interface StaffDirectory {
  /** The active staff member holding this API token, or null. */
  findByTokenHash(tokenHash: string): Promise<Staff | null>;
  createStaff(staff: {
    id: string;
    name: string;
    role: StaffRole;
    meldkamerCode: string | null;
    gemeenteCode: string | null;
  }): Promise<void>;
  addToken(staffId: string, tokenHash: string, label: string): Promise<void>;
  listStaff(): Promise<readonly Staff[]>;
}
