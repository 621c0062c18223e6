import type { SyntheticParticipant } from '../seed/synthetic-participants.js';
import type { Queryable } from './database/database.js';
import { h3CellOf } from './h3-cells.js';

/**
 * Inserts many participants with their registrations in two statements (seeding, imports). `at` is when they
 * registered: one moment for all, or one per participant (a seeded history).
 */
export async function bulkInsertParticipants(
  db: Queryable,
  participants: readonly SyntheticParticipant[],
  at: Date | readonly Date[],
): Promise<void> {
  if (participants.length === 0) return;
  const registeredAt = at instanceof Date ? participants.map(() => at) : at;
  await db.execute(
    `insert into participants (id, name, email, created_at, updated_at)
     select p.id, p.name, p.email, p.at, p.at from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[]) as p(id, name, email, at)`,
    [participants.map((p) => p.id), participants.map((p) => p.name), participants.map((p) => p.email), registeredAt],
  );
  const regs = participants.flatMap((p, i) =>
    p.registrations.map((r) => ({ ...r, participantId: p.id, at: registeredAt[i] })),
  );
  await db.execute(
    `insert into registrations (id, participant_id, msisdn, channel, postcode, house_number, house_number_addition,
       street, city, lat, lon, h3_cell, gemeente_code, time_windows, created_at)
     select r.id, r.participant_id, r.msisdn, r.channel, r.postcode, r.house_number, r.house_number_addition,
       null, r.city, r.lat, r.lon, r.h3_cell, r.gemeente_code, r.time_windows::jsonb, r.at
     from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[],
                 $9::float8[], $10::float8[], $11::bigint[], $12::text[], $13::text[], $14::timestamptz[])
       as r(id, participant_id, msisdn, channel, postcode, house_number, house_number_addition, city, lat, lon, h3_cell,
            gemeente_code, time_windows, at)
     on conflict do nothing`,
    [
      regs.map((r) => r.id),
      regs.map((r) => r.participantId),
      regs.map((r) => r.msisdn),
      regs.map((r) => r.channel),
      regs.map((r) => r.postcode),
      regs.map((r) => r.houseNumber),
      regs.map((r) => r.houseNumberAddition),
      regs.map((r) => r.city),
      regs.map((r) => r.location.lat),
      regs.map((r) => r.location.lon),
      regs.map((r) => h3CellOf(r.location)),
      regs.map((r) => r.gemeenteCode),
      regs.map((r) => JSON.stringify(r.timeWindows)),
      regs.map((r) => r.at),
    ],
  );
}
