import type { Database } from '../src/adapters/store/database/database.js';
import type { SmscSimulator } from '../src/adapters/channels/sms-smpp/smsc-simulator.js';

export interface FanoutOutcome {
  /** SMS deliveries of the action per status (voice waits for its channel). */
  readonly byStatus: Readonly<Record<string, number>>;
  readonly deliveries: number;
  /** Messages the SMSC accepted (long ones counted once). */
  readonly smscMessages: number;
  /** Numbers that got more than one SMS: must be 0. */
  readonly duplicateNumbers: number;
  /** Deliveries whose number never reached the SMSC: must be 0. */
  readonly missingAtSmsc: number;
  readonly targetingMs: number | null;
  readonly ok: boolean;
}

/** Checks that every delivery went out exactly once: the database and the SMSC must agree. */
export async function checkFanout(
  database: Database,
  simulator: SmscSimulator,
  actionId: string,
): Promise<FanoutOutcome> {
  const counts = await database.query<{ status: string; n: number }>(
    `select status, count(*)::int as n from deliveries where action_id = $1 and channel = 'sms' group by status`,
    [actionId],
  );
  const byStatus = Object.fromEntries(counts.map((c) => [c.status, c.n]));
  const deliveries = counts.reduce((sum, c) => sum + c.n, 0);
  const sent = new Map<string, number>();
  for (const m of simulator.messages) sent.set(m.to, (sent.get(m.to) ?? 0) + 1);
  const numbers = await database.query<{ msisdn: string }>(
    `select msisdn from deliveries where action_id = $1 and channel = 'sms'`,
    [actionId],
  );
  const missingAtSmsc = numbers.filter((n) => !sent.has(n.msisdn)).length;
  const duplicateNumbers = [...sent.values()].filter((n) => n > 1).length;
  const [run] = await database.query<{ ms: number | null }>(
    `select extract(epoch from (done_at - created_at)) * 1000 as ms from targeting_runs where action_id = $1`,
    [actionId],
  );
  const settled = (byStatus.submitted ?? 0) + (byStatus.delivered ?? 0);
  return {
    byStatus,
    deliveries,
    smscMessages: simulator.messages.length,
    duplicateNumbers,
    missingAtSmsc,
    targetingMs: run?.ms === null || run?.ms === undefined ? null : Math.round(Number(run.ms)),
    ok:
      duplicateNumbers === 0 &&
      missingAtSmsc === 0 &&
      settled === deliveries &&
      simulator.messages.length === deliveries,
  };
}
