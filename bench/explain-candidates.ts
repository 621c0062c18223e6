import type { Database } from '../src/adapters/store/database/database.js';
import { candidatesQuery } from '../src/adapters/store/sql-participant-repository.js';
import type { Area } from '../src/domain/area/area.js';

export interface CandidatePlan {
  readonly area: string;
  readonly plan: readonly string[];
}

/** EXPLAIN (ANALYZE, BUFFERS) of the query behind findCandidates, to trace a slow selection to its plan. */
export async function explainFindCandidates(database: Database, area: Area, label: string): Promise<CandidatePlan> {
  const query = candidatesQuery(area);
  const rows = await database.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${query.sql}`, query.params);
  // The long cell list adds nothing to reading the plan.
  return { area: label, plan: rows.map((r) => r['QUERY PLAN'].replace(/'\{[-0-9,]+\}'/g, "'{…}'")) };
}
