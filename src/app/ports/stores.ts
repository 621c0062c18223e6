import type { ActionRepository } from './action-repository.js';
import type { AuditLog } from './audit-log.js';
import type { DispatchRepository } from './dispatch-repository.js';
import type { ParticipantRepository } from './participant-repository.js';
import type { StaffDirectory } from './staff-directory.js';

export interface Stores {
  readonly actions: ActionRepository;
  readonly dispatch: DispatchRepository;
  readonly participants: ParticipantRepository;
  readonly staff: StaffDirectory;
  readonly audit: AuditLog;
}

/** The store with transactions: everything `work` writes commits together or not at all. */
export interface Store extends Stores {
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}
