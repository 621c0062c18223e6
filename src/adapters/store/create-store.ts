import type { Store, Stores } from '../../app/ports/stores.js';
import type { Database, Queryable } from './database/database.js';
import { createSqlActionRepository } from './sql-action-repository.js';
import { createSqlAuditLog } from './sql-audit-log.js';
import { createSqlDispatchRepository } from './sql-dispatch-repository.js';
import { createSqlParticipantRepository } from './sql-participant-repository.js';
import { createSqlStaffDirectory } from './sql-staff-directory.js';

function storesOn(db: Queryable): Stores {
  return {
    actions: createSqlActionRepository(db),
    dispatch: createSqlDispatchRepository(db),
    participants: createSqlParticipantRepository(db),
    staff: createSqlStaffDirectory(db),
    audit: createSqlAuditLog(db),
  };
}

export function createStore(db: Database): Store {
  return { ...storesOn(db), transaction: (work) => db.transaction((tx) => work(storesOn(tx))) };
}
