import type { StaffScope } from '../../domain/staff/staff.js';
import type { StoredRegistration } from './participant-repository.js';

export interface RegistrationKey {
  readonly msisdn: string;
  readonly postcode: string;
  readonly houseNumber: number;
  readonly houseNumberAddition: string | null;
}

export interface ImportedParticipant {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly registrations: readonly StoredRegistration[];
}

export interface ExportRow {
  readonly participantId: string;
  readonly name: string;
  readonly email: string | null;
  readonly emailConfirmed: boolean;
  readonly registration: StoredRegistration;
}

/** Relatiebeheer in bulk: imports and exports of a gemeente's participants. */
export interface RelationRepository {
  /** Which of these number-and-address pairs are registered already (by anyone): `keyOf` strings. */
  registered(keys: readonly RegistrationKey[]): Promise<ReadonlySet<string>>;
  insertImported(participants: readonly ImportedParticipant[], at: Date): Promise<void>;
  /** Registrations in the scope, in participant order, after `afterParticipantId`: a page of an export. */
  exportPage(scope: StaffScope, afterParticipantId: string | null, limit: number): Promise<readonly ExportRow[]>;
}

export const keyOf = (k: RegistrationKey): string =>
  `${k.msisdn}|${k.postcode}|${k.houseNumber}|${k.houseNumberAddition ?? ''}`;
