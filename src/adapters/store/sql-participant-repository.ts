import type { Area } from '../../domain/area/area.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';
import type { Pause } from '../../domain/participant/pause.js';
import type { ContactChannel } from '../../domain/participant/registration.js';
import type { StaffScope } from '../../domain/staff/staff.js';
import type { TimeWindow } from '../../domain/time-window/time-window.js';
import type {
  ParticipantRepository,
  ParticipantWithRegistrations,
  StoredRegistration,
} from '../../app/ports/participant-repository.js';
import type { Queryable } from './database/database.js';
import { boundingBox } from './bounding-box.js';
import { coveringCells, h3CellOf } from './h3-cells.js';

interface RegistrationRow {
  id: string;
  participant_id: string;
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
}

interface ParticipantRow {
  id: string;
  name: string;
  email: string | null;
  email_confirmed_at: Date | null;
  paused_from: Date | null;
  paused_until: Date | null;
  created_at: Date;
  updated_at: Date;
}

const pauseOf = (from: Date | null, until: Date | null): Pause | null =>
  from !== null && until !== null ? { from, until } : null;

const ALWAYS: readonly TimeWindow[] = Object.freeze([]);

const toRegistration = (r: RegistrationRow): StoredRegistration => ({
  id: r.id,
  participantId: r.participant_id,
  msisdn: r.msisdn as Msisdn,
  channel: r.channel,
  address: { postcode: r.postcode, houseNumber: r.house_number, houseNumberAddition: r.house_number_addition },
  street: r.street,
  city: r.city,
  location: { lat: r.lat, lon: r.lon },
  gemeenteCode: r.gemeente_code,
  timeWindows: r.time_windows,
  createdAt: r.created_at,
});

/** SQL that limits registrations (alias `r`) to what a staff scope may see; parameter $n holds the code. */
function scopeClause(scope: StaffScope, n: number): { clause: string; params: unknown[] } {
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

/**
 * The registrations that may lie in the area: those in its covering H3 cells and its bounding box (the box drops
 * what the cells hold beyond the area, an eighth in a city). The domain decides exactly. Exported for EXPLAIN.
 */
export function candidatesQuery(area: Area): { readonly sql: string; readonly params: readonly unknown[] } {
  const box = boundingBox(area);
  return {
    sql: `select id, msisdn, channel, lat, lon, nullif(time_windows, '[]'::jsonb) as time_windows, paused_from, paused_until from registrations
          where h3_cell = any($1::bigint[]) and lat between $2 and $3 and lon between $4 and $5`,
    params: [coveringCells(area), box.minLat, box.maxLat, box.minLon, box.maxLon],
  };
}

export function createSqlParticipantRepository(db: Queryable): ParticipantRepository {
  async function withRegistrations(rows: readonly ParticipantRow[]): Promise<ParticipantWithRegistrations[]> {
    if (rows.length === 0) return [];
    const regs = await db.query<RegistrationRow>(
      'select * from registrations where participant_id = any($1::uuid[]) order by created_at, id',
      [rows.map((r) => r.id)],
    );
    return rows.map((p) => ({
      id: p.id,
      name: p.name,
      email: p.email,
      emailConfirmedAt: p.email_confirmed_at,
      pause: pauseOf(p.paused_from, p.paused_until),
      createdAt: p.created_at,
      updatedAt: p.updated_at,
      registrations: regs.filter((r) => r.participant_id === p.id).map(toRegistration),
    }));
  }

  return {
    async findCandidates(area) {
      const query = candidatesQuery(area);
      const rows = await db.query<{
        id: string;
        msisdn: string;
        channel: ContactChannel;
        lat: number;
        lon: number;
        time_windows: TimeWindow[] | null;
        paused_from: Date | null;
        paused_until: Date | null;
      }>(query.sql, query.params);
      return rows.map((r) => ({
        registrationId: r.id,
        msisdn: r.msisdn as Msisdn,
        channel: r.channel,
        location: { lat: r.lat, lon: r.lon },
        // Most registrations hold always: they share one empty list instead of parsing their own.
        timeWindows: r.time_windows ?? ALWAYS,
        pause: pauseOf(r.paused_from, r.paused_until),
      }));
    },

    async insertParticipant(p) {
      await db.execute(
        'insert into participants (id, name, email, created_at, updated_at) values ($1, $2, $3, $4, $5)',
        [p.id, p.name, p.email, p.createdAt, p.updatedAt],
      );
    },

    async updateParticipant(p) {
      // A new address is not confirmed: the double opt-in starts again for it.
      await db.execute(
        `update participants set name = $2, email = $3, updated_at = $4,
           email_confirmed_at = case when email is not distinct from $3 then email_confirmed_at end
         where id = $1`,
        [p.id, p.name, p.email, p.updatedAt],
      );
    },

    async deleteParticipant(id) {
      await db.execute('delete from participants where id = $1', [id]);
    },

    async findParticipant(id) {
      const rows = await db.query<ParticipantRow>('select * from participants where id = $1', [id]);
      return (await withRegistrations(rows))[0] ?? null;
    },

    async searchParticipants(s) {
      const scope = scopeClause(s.scope, 1);
      const params: unknown[] = [...scope.params];
      const where = [
        `exists (select 1 from registrations r where r.participant_id = p.id and ${scope.clause}
        ${s.gemeenteCode !== null ? `and r.gemeente_code = $${params.push(s.gemeenteCode)}` : ''}
        ${s.msisdn !== null ? `and r.msisdn = $${params.push(s.msisdn)}` : ''})`,
      ];
      if (s.text !== null) {
        const pattern = `%${s.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push(`(p.name ilike $${params.push(pattern)} or coalesce(p.email, '') ilike $${params.length})`);
      }
      const clause = where.join(' and ');
      const [count] = await db.query<{ n: number }>(
        `select count(*)::int as n from participants p where ${clause}`,
        params,
      );
      const rows = await db.query<ParticipantRow>(
        `select p.* from participants p where ${clause} order by p.name, p.id limit $${params.length + 1} offset $${params.length + 2}`,
        [...params, s.limit, s.offset],
      );
      return { items: await withRegistrations(rows), total: count?.n ?? 0 };
    },

    async insertRegistration(r) {
      const inserted = await db.execute(
        `insert into registrations (id, participant_id, msisdn, channel, postcode, house_number, house_number_addition,
           street, city, lat, lon, h3_cell, gemeente_code, time_windows, created_at, paused_from, paused_until)
         select $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15, p.paused_from, p.paused_until
         from participants p where p.id = $2
         on conflict (participant_id, msisdn, postcode, house_number, house_number_addition) do nothing`,
        registrationParams(r),
      );
      return inserted === 1 ? 'inserted' : 'duplicate';
    },

    async updateRegistration(r) {
      await db.execute(
        `update registrations set msisdn = $3, channel = $4, postcode = $5, house_number = $6, house_number_addition = $7,
           street = $8, city = $9, lat = $10, lon = $11, h3_cell = $12, gemeente_code = $13, time_windows = $14
         where id = $1 and participant_id = $2`,
        registrationParams(r).slice(0, 14),
      );
    },

    async deleteRegistration(id) {
      await db.execute('delete from registrations where id = $1', [id]);
    },
  };
}

function registrationParams(r: StoredRegistration): unknown[] {
  return [
    r.id,
    r.participantId,
    r.msisdn,
    r.channel,
    r.address.postcode,
    r.address.houseNumber,
    r.address.houseNumberAddition,
    r.street,
    r.city,
    r.location.lat,
    r.location.lon,
    h3CellOf(r.location),
    r.gemeenteCode,
    JSON.stringify(r.timeWindows),
    r.createdAt,
  ];
}
