import type { StoredRegistration } from '../../app/ports/participant-repository.js';
import { keyOf, type RelationRepository } from '../../app/ports/relation-repository.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';
import type { ContactChannel } from '../../domain/participant/registration.js';
import type { StaffScope } from '../../domain/staff/staff.js';
import type { TimeWindow } from '../../domain/time-window/time-window.js';
import type { Queryable } from './database/database.js';
import { h3CellOf } from './h3-cells.js';

function scopeFilter(scope: StaffScope, n: number): { clause: string; params: unknown[] } {
  switch (scope.kind) {
    case 'landelijk':
      return { clause: 'true', params: [] };
    case 'gemeente':
      return { clause: `r.gemeente_code = $${n}`, params: [scope.gemeenteCode] };
    case 'meldkamer':
      return {
        clause: `r.gemeente_code in (select code from gemeenten where meldkamer_code = $${n})`,
        params: [scope.meldkamerCode],
      };
  }
}

export function createSqlRelationRepository(db: Queryable): RelationRepository {
  return {
    async registered(keys) {
      if (keys.length === 0) return new Set();
      const rows = await db.query<{
        msisdn: string;
        postcode: string;
        house_number: number;
        house_number_addition: string | null;
      }>(
        `select r.msisdn, r.postcode, r.house_number, r.house_number_addition
         from registrations r join unnest($1::text[], $2::text[], $3::int[], $4::text[]) as k(msisdn, postcode, house_number, addition)
           on r.msisdn = k.msisdn and r.postcode = k.postcode and r.house_number = k.house_number
          and r.house_number_addition is not distinct from k.addition`,
        [
          keys.map((k) => k.msisdn),
          keys.map((k) => k.postcode),
          keys.map((k) => k.houseNumber),
          keys.map((k) => k.houseNumberAddition),
        ],
      );
      return new Set(
        rows.map((r) =>
          keyOf({
            msisdn: r.msisdn,
            postcode: r.postcode,
            houseNumber: r.house_number,
            houseNumberAddition: r.house_number_addition,
          }),
        ),
      );
    },

    async insertImported(participants, at) {
      if (participants.length === 0) return;
      await db.execute(
        `insert into participants (id, name, email, created_at, updated_at)
         select p.id, p.name, p.email, $4, $4 from unnest($1::uuid[], $2::text[], $3::text[]) as p(id, name, email)`,
        [participants.map((p) => p.id), participants.map((p) => p.name), participants.map((p) => p.email), at],
      );
      const regs = participants.flatMap((p) => p.registrations);
      await db.execute(
        `insert into registrations (id, participant_id, msisdn, channel, postcode, house_number, house_number_addition,
           street, city, lat, lon, h3_cell, gemeente_code, time_windows, created_at)
         select r.id, r.participant_id, r.msisdn, r.channel, r.postcode, r.house_number, r.house_number_addition,
           r.street, r.city, r.lat, r.lon, r.h3_cell, r.gemeente_code, r.time_windows::jsonb, $15
         from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[],
                     $10::float8[], $11::float8[], $12::bigint[], $13::text[], $14::text[])
           as r(id, participant_id, msisdn, channel, postcode, house_number, house_number_addition, street, city, lat, lon, h3_cell,
                gemeente_code, time_windows)`,
        [
          regs.map((r) => r.id),
          regs.map((r) => r.participantId),
          regs.map((r) => r.msisdn),
          regs.map((r) => r.channel),
          regs.map((r) => r.address.postcode),
          regs.map((r) => r.address.houseNumber),
          regs.map((r) => r.address.houseNumberAddition),
          regs.map((r) => r.street),
          regs.map((r) => r.city),
          regs.map((r) => r.location.lat),
          regs.map((r) => r.location.lon),
          regs.map((r) => h3CellOf(r.location)),
          regs.map((r) => r.gemeenteCode),
          regs.map((r) => JSON.stringify(r.timeWindows)),
          at,
        ],
      );
    },

    async exportPage(scope, afterParticipantId, limit) {
      const filter = scopeFilter(scope, 1);
      const params: unknown[] = [...filter.params, afterParticipantId, limit];
      const rows = await db.query<{
        pid: string;
        name: string;
        email: string | null;
        email_confirmed_at: Date | null;
        id: string;
        msisdn: string;
        channel: ContactChannel;
        postcode: string;
        house_number: number;
        house_number_addition: string | null;
        street: string | null;
        city: string;
        lat: number;
        lon: number;
        gemeente_code: string;
        time_windows: TimeWindow[];
        created_at: Date;
      }>(
        `with page as (
           select distinct r.participant_id from registrations r
           where ${filter.clause} and ($${params.length - 1}::uuid is null or r.participant_id > $${params.length - 1}::uuid)
           order by r.participant_id limit $${params.length})
         select p.id as pid, p.name, p.email, p.email_confirmed_at, r.*
         from page join participants p on p.id = page.participant_id join registrations r on r.participant_id = p.id
         where ${filter.clause}
         order by p.id, r.created_at, r.id`,
        params,
      );
      return rows.map((r) => ({
        participantId: r.pid,
        name: r.name,
        email: r.email,
        emailConfirmed: r.email_confirmed_at !== null,
        registration: {
          id: r.id,
          participantId: r.pid,
          msisdn: r.msisdn as Msisdn,
          channel: r.channel,
          address: { postcode: r.postcode, houseNumber: r.house_number, houseNumberAddition: r.house_number_addition },
          street: r.street,
          city: r.city,
          location: { lat: r.lat, lon: r.lon },
          gemeenteCode: r.gemeente_code,
          timeWindows: r.time_windows,
          createdAt: r.created_at,
        } satisfies StoredRegistration,
      }));
    },
  };
}
