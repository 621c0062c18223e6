import type { DispatchRepository } from '../../../app/ports/dispatch-repository.js';
import type { Queryable } from '../database/database.js';
import { createSqlDeliveryClaims } from './sql-delivery-claims.js';
import { createSqlDeliveryOutcomes } from './sql-delivery-outcomes.js';
import { createSqlDeliveryQueue } from './sql-delivery-queue.js';
import { createSqlDispatchProgress } from './sql-dispatch-progress.js';
import { createSqlSmsReceipts } from './sql-sms-receipts.js';
import { createSqlTargetingRuns } from './sql-targeting-runs.js';

/** The dispatch store, one part per concept: targeting runs, the queue, claims, outcomes, receipts, progress. */
export function createSqlDispatchRepository(db: Queryable): DispatchRepository {
  return {
    ...createSqlTargetingRuns(db),
    ...createSqlDeliveryQueue(db),
    ...createSqlDeliveryClaims(db),
    ...createSqlDeliveryOutcomes(db),
    ...createSqlSmsReceipts(db),
    ...createSqlDispatchProgress(db),
  };
}
