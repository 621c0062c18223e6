import type { Gemeente } from '../../domain/geo/gemeente.js';
import type { Pc4Centroid } from '../../domain/geo/pc4-centroid.js';
import type { Database } from '../store/database/database.js';
import { bulkInsertParticipants } from '../store/bulk-insert-participants.js';
import { generateSyntheticParticipants, type SyntheticParticipant } from './synthetic-participants.js';

export interface SeedOptions {
  readonly count: number;
  readonly seed: number;
  readonly gemeenten: readonly Gemeente[];
  readonly pc4Centroids: readonly Pc4Centroid[];
  readonly batchSize?: number;
  readonly at: Date;
  /** When participant `index` registered (a history over time); default: `at` for everyone. */
  readonly registeredAt?: (index: number, participant: SyntheticParticipant) => Date;
  /** Called after every batch with the number of participants stored so far. */
  readonly onProgress?: (done: number) => void;
}

/** Stores synthetic participants spread over the country by population, in batches. */
export async function seedParticipants(
  db: Database,
  options: SeedOptions,
): Promise<{ participants: number; registrations: number }> {
  const batchSize = options.batchSize ?? 5_000;
  let batch: SyntheticParticipant[] = [];
  let participants = 0;
  let registrations = 0;
  const registeredAt = options.registeredAt;
  const flush = async () => {
    const at = registeredAt === undefined ? options.at : batch.map((p, i) => registeredAt(participants + i, p));
    await db.transaction((tx) => bulkInsertParticipants(tx, batch, at));
    participants += batch.length;
    registrations += batch.reduce((n, p) => n + p.registrations.length, 0);
    batch = [];
    options.onProgress?.(participants);
  };
  for (const p of generateSyntheticParticipants(options)) {
    batch.push(p);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { participants, registrations };
}

/** Whether any participant is stored (the demo seeds only an empty database). */
export async function hasParticipants(db: Database): Promise<boolean> {
  const [row] = await db.query<{ present: boolean }>('select exists (select 1 from participants) as present');
  return row?.present === true;
}
