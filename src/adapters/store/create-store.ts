import type { Store, Stores } from '../../app/ports/stores.js';
import type { Database, Queryable } from './database/database.js';
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

function storesOn(db: Queryable): Stores {
  return {
    actions: createSqlActionRepository(db),
    dispatch: createSqlDispatchRepository(db),
    participants: createSqlParticipantRepository(db),
    staff: createSqlStaffDirectory(db),
    staffAccounts: createSqlStaffAccounts(db),
    staffSessions: createSqlStaffSessions(db),
    loginFailures: createSqlLoginFailures(db),
    knownDevices: createSqlKnownDevices(db),
    audit: createSqlAuditLog(db),
    pushSubscriptions: createSqlPushSubscriptionRepository(db),
    pushFanouts: createSqlPushFanoutRepository(db),
    media: createSqlMediaRepository(db),
    meldkamers: createSqlMeldkamerDirectory(db),
    actionTypeSettings: createSqlActionTypeSettings(db),
    auditSearch: createSqlAuditSearch(db),
    portalSettings: createSqlPortalSettings(db),
    voiceCalls: createSqlVoiceCallRepository(db),
    selfService: createSqlSelfServiceRepository(db),
    relations: createSqlRelationRepository(db),
    broadcast: createSqlBroadcastOutbox(db),
  };
}

export function createStore(db: Database): Store {
  return { ...storesOn(db), transaction: (work) => db.transaction((tx) => work(storesOn(tx))) };
}
