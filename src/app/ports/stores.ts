import type { ActionRepository } from './action-repository.js';
import type { AuditLog } from './audit-log.js';
import type { BroadcastOutbox } from './broadcast-outbox.js';
import type { DispatchRepository } from './dispatch-repository.js';
import type { MediaRepository } from './media-repository.js';
import type { MeldkamerDirectory } from './meldkamer-directory.js';
import type { ParticipantRepository } from './participant-repository.js';
import type { PushFanoutRepository } from './push-fanout-repository.js';
import type { PushSubscriptionRepository } from './push-subscription-repository.js';
import type { RelationRepository } from './relation-repository.js';
import type { SelfServiceRepository } from './self-service-repository.js';
import type { StaffDirectory } from './staff-directory.js';
import type { PleinStores } from './plein-stores.js';
import type { VoiceCallRepository } from './voice-call-repository.js';

export interface Stores extends PleinStores {
  readonly actions: ActionRepository;
  readonly dispatch: DispatchRepository;
  readonly participants: ParticipantRepository;
  readonly staff: StaffDirectory;
  readonly audit: AuditLog;
  readonly pushSubscriptions: PushSubscriptionRepository;
  readonly pushFanouts: PushFanoutRepository;
  readonly media: MediaRepository;
  readonly meldkamers: MeldkamerDirectory;
  readonly voiceCalls: VoiceCallRepository;
  readonly selfService: SelfServiceRepository;
  readonly relations: RelationRepository;
  readonly broadcast: BroadcastOutbox;
}

/** The store with transactions: everything `work` writes commits together or not at all. */
export interface Store extends Stores {
  transaction<T>(work: (stores: Stores) => Promise<T>): Promise<T>;
}
