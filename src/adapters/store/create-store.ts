import type { Store, Stores } from '../../app/ports/stores.js';
import type { Database, Queryable } from './database/database.js';
import { createSqlActionRepository } from './sql-action-repository.js';
import { createSqlAuditLog } from './sql-audit-log.js';
import { createSqlBroadcastOutbox } from './sql-broadcast-outbox.js';
import { createSqlDispatchRepository } from './dispatch/sql-dispatch-repository.js';
import { createSqlMediaRepository } from './sql-media-repository.js';
import { createSqlMeldkamerDirectory } from './sql-meldkamer-directory.js';
import { createSqlParticipantRepository } from './sql-participant-repository.js';
import { createSqlPushFanoutRepository } from './sql-push-fanout-repository.js';
import { createSqlPushSubscriptionRepository } from './sql-push-subscription-repository.js';
import { createSqlRelationRepository } from './sql-relation-repository.js';
import { createSqlSelfServiceRepository } from './sql-self-service-repository.js';
import { createSqlStaffDirectory } from './sql-staff-directory.js';
import { createPleinStores } from './plein/create-plein-stores.js';
import { createSqlVoiceCallRepository } from './sql-voice-call-repository.js';

function storesOn(db: Queryable): Stores {
  return {
    actions: createSqlActionRepository(db),
    dispatch: createSqlDispatchRepository(db),
    participants: createSqlParticipantRepository(db),
    staff: createSqlStaffDirectory(db),
    audit: createSqlAuditLog(db),
    pushSubscriptions: createSqlPushSubscriptionRepository(db),
    pushFanouts: createSqlPushFanoutRepository(db),
    media: createSqlMediaRepository(db),
    meldkamers: createSqlMeldkamerDirectory(db),
    ...createPleinStores(db),
    voiceCalls: createSqlVoiceCallRepository(db),
    selfService: createSqlSelfServiceRepository(db),
    relations: createSqlRelationRepository(db),
    broadcast: createSqlBroadcastOutbox(db),
  };
}

export function createStore(db: Database): Store {
  return { ...storesOn(db), transaction: (work) => db.transaction((tx) => work(storesOn(tx))) };
}
