import type { Area } from '../../domain/area/area.js';
import type { Pause } from '../../domain/participant/pause.js';
import type { Registration } from '../../domain/participant/registration.js';
import type { Candidate } from '../../domain/targeting/select-recipients.js';
import type { StaffScope } from '../../domain/staff/staff.js';

export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  /** When the participant confirmed the e-mail address (double opt-in); null: not (yet) confirmed. */
  readonly emailConfirmedAt?: Date | null;
  /** No messages at all in this period (a holiday). */
  readonly pause?: Pause | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface StoredRegistration extends Registration {
  readonly street: string | null;
  readonly city: string;
  readonly createdAt: Date;
}

export interface ParticipantWithRegistrations extends Participant {
  readonly registrations: readonly StoredRegistration[];
}

export interface ParticipantSearch {
  readonly scope: StaffScope;
  readonly text: string | null;
  readonly msisdn: string | null;
  readonly gemeenteCode: string | null;
  readonly limit: number;
  readonly offset: number;
}

export interface ParticipantRepository {
  /** Registrations that may lie in the area (a superset); the domain selects exactly. */
  findCandidates(area: Area): Promise<readonly Candidate[]>;
  insertParticipant(participant: Participant): Promise<void>;
  updateParticipant(participant: Participant): Promise<void>;
  deleteParticipant(id: string): Promise<void>;
  findParticipant(id: string): Promise<ParticipantWithRegistrations | null>;
  searchParticipants(
    search: ParticipantSearch,
  ): Promise<{ readonly items: readonly ParticipantWithRegistrations[]; readonly total: number }>;
  insertRegistration(registration: StoredRegistration): Promise<'inserted' | 'duplicate'>;
  updateRegistration(registration: StoredRegistration): Promise<void>;
  deleteRegistration(id: string): Promise<void>;
}
