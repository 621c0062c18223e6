import assert from 'node:assert/strict';
import { eventually, type TestSystem } from './test-system.js';

/**
 * The tables a staff or app request stores into. The audit log is left out (it records refusals too), and so is
 * what background work writes (deliveries, targeting runs, the mail queue's recipients, counters).
 */
export const STORED_TABLES = [
  'actions',
  'action_messages',
  'action_photos',
  'action_tips',
  'action_approvals',
  'action_type_settings',
  'participants',
  'registrations',
  'staff',
  'api_tokens',
  'mail_templates',
  'mail_senders',
  'mails',
  'mail_answers',
  'recruitment_campaigns',
  'push_subscriptions',
  'meldkamers',
  'portal_settings',
] as const;

/**
 * Per table its number of rows and the highest transaction id among them: a row added, removed or changed
 * (an UPDATE writes a new row version) changes it.
 */
export async function storedRows(t: TestSystem): Promise<string> {
  const [row] = await t.system.database.query<Record<string, string>>(
    `select ${STORED_TABLES.map(
      (table) => `(select count(*) || '/' || coalesce(max(xmin::text::bigint), 0) from ${table}) as ${table}`,
    ).join(', ')}`,
  );
  return JSON.stringify(row);
}

/** The tables that differ between two `storedRows`, for a failure message. */
export function changedTables(before: string, after: string): string {
  const a = JSON.parse(before) as Record<string, string>;
  const b = JSON.parse(after) as Record<string, string>;
  return Object.keys(b)
    .filter((k) => a[k] !== b[k])
    .map((k) => `${k} ${a[k]} → ${b[k]}`)
    .join(', ');
}

/** After an accepted request: waits until what it set going (a targeting run, an import, a mail) has been stored. */
export async function settledRows(t: TestSystem): Promise<string> {
  let last = await storedRows(t);
  return eventually(async () => {
    await new Promise((resolve) => setTimeout(resolve, 25));
    const now = await storedRows(t);
    const same = now === last;
    last = now;
    assert.ok(same, 'still storing');
    return now;
  }, 5_000);
}
