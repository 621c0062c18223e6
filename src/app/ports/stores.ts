import type { ActionRegionApprovals } from './action-region-approvals.js';
import type { ActionRepository } from './action-repository.js';
import type { ActionTypeSettingsStore } from './action-type-settings.js';
import type { AuditLog } from './audit-log.js';
import type { AuditSearch } from './audit-search.js';
import type { BroadcastOutbox } from './broadcast-outbox.js';
import type { DispatchRepository } from './dispatch-repository.js';
import type { MediaRepository } from './media-repository.js';
import type { MeldkamerDirectory } from './meldkamer-directory.js';
import type { ParticipantRepository } from './participant-repository.js';
import type { PortalSettings } from './portal-settings.js';
import type { PushFanoutRepository } from './push-fanout-repository.js';
import type { PushSubscriptionRepository } from './push-subscription-repository.js';
import type { RelationRepository } from './relation-repository.js';
import type { SelfServiceRepository } from './self-service-repository.js';
import type { StaffAccounts } from './staff-accounts.js';
import type { StaffDirectory } from './staff-directory.js';
import type { KnownDevices } from './staff-known-devices.js';
import type { LoginFailures, StaffSessions } from './staff-sessions.js';
import type { VoiceCallRepository } from './voice-call-repository.js';
import type { WorkerLeases } from './worker-leases.js';

export interface Stores {
  readonly actions: ActionRepository;
  readonly dispatch: DispatchRepository;
  readonly participants: ParticipantRepository;
  readonly staff: StaffDirectory;
  readonly staffAccounts: StaffAccounts;
  readonly staffSessions: StaffSessions;
  readonly loginFailures: LoginFailures;
  readonly knownDevices: KnownDevices;
  readonly audit: AuditLog;
  readonly pushSubscriptions: PushSubscriptionRepository;
  readonly pushFanouts: PushFanoutRepository;
  readonly media: MediaRepository;
  readonly meldkamers: MeldkamerDirectory;
  readonly actionTypeSettings: ActionTypeSettingsStore;
  readonly regionApprovals: ActionRegionApprovals;
  readonly auditSearch: AuditSearch;
  readonly portalSettings: PortalSettings;
  readonly voiceCalls: VoiceCallRepository;
  readonly selfService: SelfServiceRepository;
  readonly relations: RelationRepository;
  readonly broadcast: BroadcastOutbox;
  readonly workerLeases: WorkerLeases;
}

/** The store with transactions: everything `work` writes commits together or not at all. */
export interface Store extends Stores {
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}
