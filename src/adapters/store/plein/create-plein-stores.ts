import type { PleinStores } from '../../../app/ports/plein-stores.js';
import type { Queryable } from '../database/database.js';
import { createSqlActionTypeSettings } from './sql-action-type-settings.js';
import { createSqlAuditSearch } from './sql-audit-search.js';
import { createSqlPortalSettings } from './sql-portal-settings.js';
import { createSqlStaffAccounts } from './sql-staff-accounts.js';
import { createSqlLoginFailures, createSqlStaffSessions } from './sql-staff-sessions.js';

export function createPleinStores(db: Queryable): PleinStores {
  return {
    staffAccounts: createSqlStaffAccounts(db),
    staffSessions: createSqlStaffSessions(db),
    loginFailures: createSqlLoginFailures(db),
    actionTypeSettings: createSqlActionTypeSettings(db),
    auditSearch: createSqlAuditSearch(db),
    portalSettings: createSqlPortalSettings(db),
  };
}
