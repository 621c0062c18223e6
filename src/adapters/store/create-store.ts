import type { Store, Stores } from '../../app/ports/stores.js';
import { NO_SECRET_BOX, type SecretBox } from '../crypto/secret-box.js';
import type { Database, Queryable } from './database/database.js';
import { createSqlActionRegionApprovals } from './sql-action-region-approvals.js';
import { createSqlActionRepository } from './sql-action-repository.js';
import { createSqlActionTypeSettings } from './sql-action-type-settings.js';
import { createSqlAuditLog } from './sql-audit-log.js';
import { createSqlAuditSearch } from './sql-audit-search.js';
import { createSqlBroadcastOutbox } from './sql-broadcast-outbox.js';
import { createSqlDispatchRepository } from './dispatch/sql-dispatch-repository.js';
import { createSqlMediaRepository } from './sql-media-repository.js';
import { createSqlMeldkamerDirectory } from './sql-meldkamer-directory.js';
import { createSqlParticipantRepository } from './sql-participant-repository.js';
import { createSqlPortalSettings } from './sql-portal-settings.js';
import { createSqlPushFanoutRepository } from './sql-push-fanout-repository.js';
import { createSqlPushSubscriptionRepository } from './sql-push-subscription-repository.js';
import { createSqlRelationRepository } from './sql-relation-repository.js';
import { createSqlSelfServiceRepository } from './sql-self-service-repository.js';
import { createSqlStaffAccounts } from './staff/sql-staff-accounts.js';
import { createSqlStaffDirectory } from './staff/sql-staff-directory.js';
import { createSqlKnownDevices } from './staff/sql-known-devices.js';
import { createSqlLoginFailures, createSqlStaffSessions } from './staff/sql-staff-sessions.js';
import { createSqlVoiceCallRepository } from './sql-voice-call-repository.js';
import { createSqlWorkerLeases } from './sql-worker-leases.js';

function storesOn(db: Queryable, secrets: SecretBox): Stores {
  return {
    actions: createSqlActionRepository(db),
    dispatch: createSqlDispatchRepository(db),
    participants: createSqlParticipantRepository(db),
    staff: createSqlStaffDirectory(db),
    staffAccounts: createSqlStaffAccounts(db, secrets),
    staffSessions: createSqlStaffSessions(db, secrets),
    loginFailures: createSqlLoginFailures(db),
    knownDevices: createSqlKnownDevices(db),
    audit: createSqlAuditLog(db),
    pushSubscriptions: createSqlPushSubscriptionRepository(db),
    pushFanouts: createSqlPushFanoutRepository(db),
    media: createSqlMediaRepository(db),
    meldkamers: createSqlMeldkamerDirectory(db),
    actionTypeSettings: createSqlActionTypeSettings(db),
    regionApprovals: createSqlActionRegionApprovals(db),
    auditSearch: createSqlAuditSearch(db),
    portalSettings: createSqlPortalSettings(db),
    voiceCalls: createSqlVoiceCallRepository(db),
    selfService: createSqlSelfServiceRepository(db, secrets),
    relations: createSqlRelationRepository(db),
    broadcast: createSqlBroadcastOutbox(db),
    workerLeases: createSqlWorkerLeases(db),
  };
}

/**
 * The stores on one database. `secrets` seals and opens the secrets some of them keep (TOTP seeds, signing
 * secrets); without it, using those is an error.
 */
export function createStore(db: Database, secrets: SecretBox = NO_SECRET_BOX): Store {
  return { ...storesOn(db, secrets), transaction: (work) => db.transaction((tx) => work(storesOn(tx, secrets))) };
}
