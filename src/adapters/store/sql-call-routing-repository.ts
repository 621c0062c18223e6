import type { CallRoutingRepository } from '../../app/ports/call-routing-repository.js';
import type { Queryable } from './database/database.js';

interface CandidateRow {
  found_kind: 'action' | 'registered';
  found_action_id: string | null;
  found_meldkamer_code: string;
  found_target: string;
  found_last_sent_at: Date | null;
}

/**
 * One call of call_routing_candidates (migration 0006): the number's recent deliveries from
 * deliveries_msisdn_recent (msisdn, queued_at) joined to the active actions, else its registered address.
 */
export function createSqlCallRoutingRepository(db: Queryable): CallRoutingRepository {
  return {
    async candidatesFor(msisdn, since) {
      const rows = await db.query<CandidateRow>('select * from call_routing_candidates($1, $2)', [msisdn, since]);
      const registered = rows.find((r) => r.found_kind === 'registered');
      return {
        actions: rows
          .filter((r) => r.found_kind === 'action' && r.found_action_id !== null && r.found_last_sent_at !== null)
          .map((r) => ({
            actionId: r.found_action_id!,
            meldkamerCode: r.found_meldkamer_code,
            target: r.found_target,
            lastSentAt: new Date(r.found_last_sent_at!),
          })),
        registered:
          registered === undefined
            ? null
            : { meldkamerCode: registered.found_meldkamer_code, target: registered.found_target },
      };
    },
  };
}

/**
 * The statements call_routing_candidates runs, as written in the database (for EXPLAIN: the function itself
 * shows only as a function scan), with its parameters as $1 and $2.
 */
export async function callRoutingStatements(db: Queryable): Promise<string[]> {
  const [row] = await db.query<{ prosrc: string }>(
    "select prosrc from pg_proc where proname = 'call_routing_candidates'",
  );
  const statements = [...(row?.prosrc ?? '').matchAll(/return query\s+([\s\S]*?);/g)].map((m) => m[1] ?? '');
  return statements.map((s) => s.replace(/\bp_msisdn\b/g, '$1').replace(/\bp_since\b/g, '$2'));
}
