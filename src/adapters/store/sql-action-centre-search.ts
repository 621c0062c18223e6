import { gemeenteBounds, gemeenteContains } from '../geodata/gemeente-boundaries.js';
import type { Queryable } from './database/database.js';

/** More candidates than any gemeente's history holds; a guard, not a page size. */
const MAX_CANDIDATES = 50_000;
const LAT = "(area->'centre'->>'lat')::float8";
const LON = "(area->'centre'->>'lon')::float8";

/**
 * History by place: the actions (matching the other conditions) whose centre lies in the gemeente. SQL narrows
 * them to the gemeente's bounding box (PGlite has no PostGIS); the exact test against the bundled boundary runs
 * here, and the page is read by id, so that `total` and the page hold exactly the actions inside.
 */
export async function searchActionsWithCentreIn<Row>(
  db: Queryable,
  gemeenteCode: string,
  conditions: { readonly where: readonly string[]; readonly params: readonly unknown[] },
  page: { readonly limit: number; readonly offset: number },
): Promise<{ readonly rows: Row[]; readonly total: number }> {
  const bounds = await gemeenteBounds(gemeenteCode);
  if (bounds === null) return { rows: [], total: 0 };
  const n = conditions.params.length;
  const where = [
    ...conditions.where,
    `${LAT} between $${n + 1} and $${n + 2}`,
    `${LON} between $${n + 3} and $${n + 4}`,
  ];
  const candidates = await db.query<{ id: string; lat: number; lon: number }>(
    `select id, ${LAT} as lat, ${LON} as lon from actions where ${where.join(' and ')} order by created_at desc, number desc limit ${MAX_CANDIDATES}`,
    [...conditions.params, bounds.minLat, bounds.maxLat, bounds.minLon, bounds.maxLon],
  );
  const inside: string[] = [];
  for (const c of candidates)
    if (await gemeenteContains(gemeenteCode, { lat: Number(c.lat), lon: Number(c.lon) })) inside.push(c.id);
  const ids = inside.slice(page.offset, page.offset + page.limit);
  const rows =
    ids.length === 0
      ? []
      : await db.query<Row>('select * from actions where id = any($1::uuid[]) order by created_at desc, number desc', [
          ids,
        ]);
  return { rows, total: inside.length };
}
