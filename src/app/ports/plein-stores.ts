import type { ActionTypeSettingsStore } from './action-type-settings.js';
import type { AuditSearch } from './audit-search.js';
import type { PortalSettings } from './portal-settings.js';
import type { StaffAccounts } from './staff-accounts.js';
import type { LoginFailures, StaffSessions } from './staff-sessions.js';

/** The stores of Burgernetplein: accounts, sessions, login throttling, action-type settings, audit search. */
export interface PleinStores {
  readonly staffAccounts: StaffAccounts;
  readonly staffSessions: StaffSessions;
  readonly loginFailures: LoginFailures;
  readonly actionTypeSettings: ActionTypeSettingsStore;
  readonly auditSearch: AuditSearch;
  readonly portalSettings: PortalSettings;
}
