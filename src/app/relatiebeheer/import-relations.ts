import type { Address, ContactChannel } from '../../domain/participant/registration.js';
import type { PhoneNumber } from '../../domain/participant/phone-number.js';
import { channelFitsNumber } from '../../domain/participant/phone-number.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { TimeWindow } from '../../domain/time-window/time-window.js';
import type { StoredRegistration } from '../ports/participant-repository.js';
import { keyOf, type ImportedParticipant } from '../ports/relation-repository.js';
import { managesGemeente } from '../participants/participant-scope.js';
import type { RelatiebeheerDeps } from './relatiebeheer-deps.js';

/** A row of an import file whose fields were read at the edge (CSV). */
export interface ImportRow {
  readonly name: string;
  readonly email: string | null;
  readonly phone: PhoneNumber;
  readonly channel: ContactChannel;
  readonly address: Address;
  readonly timeWindows: readonly TimeWindow[];
}

export interface RowProblem {
  /** The column the problem is in (its name in the file), or null for the row as a whole. */
  readonly column: string | null;
  readonly message: string;
}

export type ReadRow =
  | { readonly line: number; readonly row: ImportRow }
  | { readonly line: number; readonly problems: readonly RowProblem[] };

export type ImportPhase = 'reading' | 'checking' | 'storing' | 'done' | 'failed';

export interface ImportProgress {
  readonly phase: ImportPhase;
  readonly rowsRead: number;
  readonly rowsChecked: number;
  readonly rowsStored: number;
  readonly badRows: number;
}

export interface ImportReport extends ImportProgress {
  readonly dryRun: boolean;
  readonly goodRows: number;
  readonly participantsCreated: number;
  /** Each bad row with its problems, in file order (the first `MAX_REPORTED` only; `badRows` counts all). */
  readonly problems: readonly { readonly line: number; readonly problems: readonly RowProblem[] }[];
}

export const MAX_REPORTED = 1_000;
const BATCH = 1_000;

export interface ImportTexts {
  readonly addressNotFound: string;
  readonly geocoderUnavailable: string;
  readonly outsideGemeente: string;
  readonly smsNeedsMobile: string;
  readonly duplicateInFile: (line: number) => string;
  readonly alreadyRegistered: string;
}

/**
 * Imports participants for a gemeente. Every row is checked first (its address placed, in the gemeente, not
 * registered yet, not twice in the file); a dry run stops there and reports. A real import then stores the good
 * rows in batches and none of the bad ones: rows with the same number become one participant with several addresses.
 */
export async function importRelations(
  deps: RelatiebeheerDeps,
  staff: Staff,
  rows: readonly ReadRow[],
  options: { readonly dryRun: boolean; readonly texts: ImportTexts; readonly onProgress: (p: ImportProgress) => void },
): Promise<ImportReport> {
  const problems = new Map<number, RowProblem[]>();
  const addProblem = (line: number, problem: RowProblem) =>
    problems.set(line, [...(problems.get(line) ?? []), problem]);
  const good: { line: number; registration: StoredRegistration; row: ImportRow }[] = [];
  const firstLineOfKey = new Map<string, number>();
  let rowsChecked = 0;
  const progress = (phase: ImportPhase, rowsStored = 0) =>
    options.onProgress({ phase, rowsRead: rows.length, rowsChecked, rowsStored, badRows: problems.size });

  for (let from = 0; from < rows.length; from += BATCH) {
    const batch = rows.slice(from, from + BATCH);
    const placed: { line: number; registration: StoredRegistration; row: ImportRow }[] = [];
    for (const item of batch) {
      if ('problems' in item) {
        for (const p of item.problems) addProblem(item.line, p);
        continue;
      }
      const { row, line } = item;
      if (!channelFitsNumber(row.channel, row.phone))
        addProblem(line, { column: 'kanaal', message: options.texts.smsNeedsMobile });
      const geocoded = await deps.geocoder.geocode(row.address);
      if (geocoded.kind !== 'found' || !deps.gemeenten.has(geocoded.result.gemeenteCode)) {
        addProblem(line, {
          column: 'postcode',
          message: geocoded.kind === 'unavailable' ? options.texts.geocoderUnavailable : options.texts.addressNotFound,
        });
        continue;
      }
      if (!managesGemeente(deps.gemeenten, staff, geocoded.result.gemeenteCode)) {
        addProblem(line, { column: 'postcode', message: options.texts.outsideGemeente });
        continue;
      }
      const registration: StoredRegistration = {
        id: deps.ids.newId(),
        participantId: '',
        msisdn: row.phone.msisdn,
        channel: row.channel,
        address: geocoded.result.address,
        street: geocoded.result.street,
        city: geocoded.result.city,
        location: geocoded.result.location,
        gemeenteCode: geocoded.result.gemeenteCode,
        timeWindows: row.timeWindows,
        createdAt: deps.clock.now(),
      };
      const key = keyOf({ msisdn: registration.msisdn, ...registration.address });
      const earlier = firstLineOfKey.get(key);
      if (earlier !== undefined) {
        addProblem(line, { column: 'telefoon', message: options.texts.duplicateInFile(earlier) });
        continue;
      }
      firstLineOfKey.set(key, line);
      if (!problems.has(line)) placed.push({ line, registration, row });
    }
    const registered = await deps.store.relations.registered(
      placed.map((p) => ({ msisdn: p.registration.msisdn, ...p.registration.address })),
    );
    for (const p of placed) {
      if (registered.has(keyOf({ msisdn: p.registration.msisdn, ...p.registration.address })))
        addProblem(p.line, { column: 'telefoon', message: options.texts.alreadyRegistered });
      else good.push(p);
    }
    rowsChecked += batch.length;
    progress('checking');
  }

  // One participant per number in the file, with every address the file gives it.
  const byNumber = new Map<string, ImportedParticipant & { registrations: StoredRegistration[] }>();
  for (const g of good) {
    let participant = byNumber.get(g.registration.msisdn);
    if (participant === undefined) {
      participant = { id: deps.ids.newId(), name: g.row.name, email: g.row.email, registrations: [] };
      byNumber.set(g.registration.msisdn, participant);
    }
    participant.registrations.push({ ...g.registration, participantId: participant.id });
  }

  let rowsStored = 0;
  const at = deps.clock.now();
  if (!options.dryRun) {
    const participants = [...byNumber.values()];
    for (let from = 0; from < participants.length; from += BATCH) {
      const batch = participants.slice(from, from + BATCH);
      await deps.store.transaction((stores) => stores.relations.insertImported(batch, at));
      rowsStored += batch.reduce((n, p) => n + p.registrations.length, 0);
      progress('storing', rowsStored);
    }
  }
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: options.dryRun ? 'relatiebeheer.import-checked' : 'relatiebeheer.imported',
    subjectType: 'participant',
    subjectId: null,
    details: {
      rows: rows.length,
      goodRows: good.length,
      badRows: problems.size,
      stored: rowsStored,
      participantsCreated: options.dryRun ? 0 : byNumber.size,
    },
    at,
  });
  const reported = [...problems.entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(0, MAX_REPORTED)
    .map(([line, p]) => ({ line, problems: p }));
  return {
    phase: 'done',
    dryRun: options.dryRun,
    rowsRead: rows.length,
    rowsChecked,
    rowsStored,
    badRows: problems.size,
    goodRows: good.length,
    participantsCreated: options.dryRun ? 0 : byNumber.size,
    problems: reported,
  };
}
