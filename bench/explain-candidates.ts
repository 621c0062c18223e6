import type { Database } from '../src/adapters/store/database/database.js';
import { coveringCells } from '../src/adapters/store/h3-cells.js';
import type { Area } from '../src/domain/area/area.js';

export interface CandidatePlan {
  readonly area: string;
  readonly cells: number;
  readonly plan: readonly string[];
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the query behind findCandidates, so that a slow selection can be traced to
 * the plan. The SQL mirrors sql-participant-repository.ts.
 */
export async function explainFindCandidates(database: Database, area: Area, label: string, sql: string): Promise<CandidatePlan> {
  const cells = coveringCells(area);
  const rows = await database.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, [cells]);
  return { area: label, cells: cells.length, plan: rows.map((r) => r['QUERY PLAN']) };
}
