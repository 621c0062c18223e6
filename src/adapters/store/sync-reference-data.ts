import type { Gemeente } from '../../domain/geo/gemeente.js';
import type { Meldkamer } from '../../domain/geo/meldkamer.js';
import type { Database } from './database/database.js';

/**
 * Brings the meldkamers and gemeenten tables in line with the bundled CBS data. A meldkamer's phone routing
 * target is set by beheer and kept; a new one starts with a SIP address in the police's own domain.
 */
export async function syncReferenceData(
  db: Database,
  meldkamers: readonly Meldkamer[],
  gemeenten: readonly Gemeente[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(
      `insert into meldkamers (code, name, phone_routing_target)
       select m.code, m.name, 'sip:meldkamer-' || lower(m.code) || '@politie.nl'
       from unnest($1::text[], $2::text[]) as m(code, name)
       on conflict (code) do update set name = excluded.name`,
      [meldkamers.map((m) => m.code), meldkamers.map((m) => m.name)],
    );
    await tx.execute(
      `insert into gemeenten (code, name, province_code, province_name, safety_region_code, safety_region_name,
         meldkamer_code, population, lat, lon)
       select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::int[], $9::float8[], $10::float8[])
       on conflict (code) do update set name = excluded.name, province_code = excluded.province_code,
         province_name = excluded.province_name, safety_region_code = excluded.safety_region_code,
         safety_region_name = excluded.safety_region_name, meldkamer_code = excluded.meldkamer_code,
         population = excluded.population, lat = excluded.lat, lon = excluded.lon`,
      [
        gemeenten.map((g) => g.code),
        gemeenten.map((g) => g.name),
        gemeenten.map((g) => g.provinceCode),
        gemeenten.map((g) => g.provinceName),
        gemeenten.map((g) => g.safetyRegionCode),
        gemeenten.map((g) => g.safetyRegionName),
        gemeenten.map((g) => g.policeUnitCode),
        gemeenten.map((g) => g.population),
        gemeenten.map((g) => g.interior.lat),
        gemeenten.map((g) => g.interior.lon),
      ],
    );
  });
}
