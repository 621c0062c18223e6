import assert from 'node:assert/strict';
import { loadGemeenten, loadPc4Centroids } from '../../src/adapters/geodata/geodata.js';
import { generateSyntheticParticipants } from '../../src/adapters/seed/synthetic-participants.js';
import type { SmscSimulator } from '../../src/adapters/channels/sms-smpp/smsc-simulator.js';
import type { Database } from '../../src/adapters/store/database/database.js';
import { bulkInsertParticipants } from '../../src/adapters/store/bulk-insert-participants.js';
import { eventually, type ApiClient } from './test-system.js';

export const DAM = { lat: 52.3731, lon: 4.8926 };

export const circle = (centre: { lat: number; lon: number }, radiusMetres: number) => ({
  kind: 'circle',
  centre,
  radiusMetres,
});

/**
 * Synthetic SMS participants in Amsterdam without time windows, so that who an action reaches does not depend
 * on the hour the test runs (3,000 put several hundred within 1.5 km of the Dam).
 */
export async function seedAmsterdam(database: Database, count: number): Promise<void> {
  const [gemeenten, pc4Centroids] = await Promise.all([loadGemeenten(), loadPc4Centroids()]);
  const amsterdam = gemeenten.filter((g) => g.code === 'GM0363');
  const participants = [...generateSyntheticParticipants({ count, seed: 2026, gemeenten: amsterdam, pc4Centroids })]
    .filter((p) => p.registrations.every((r) => r.channel === 'sms'))
    .map((p) => ({ ...p, registrations: p.registrations.map((r) => ({ ...r, timeWindows: [] })) }));
  await database.transaction((tx) => bulkInsertParticipants(tx, participants, new Date()));
}

export interface StartedAction {
  readonly id: string;
  /** The SMS as participants read it. */
  readonly text: string;
  /** What the reach estimate promised just before the start. */
  readonly recipients: number;
}

export type Draft = {
  readonly type: string;
  readonly message: string;
  readonly missingChild?: boolean;
  readonly area: ReturnType<typeof circle>;
};

export async function startAction(api: ApiClient, draft: Draft): Promise<StartedAction> {
  const estimate = await api.post('/api/v1/reach-estimates', {
    area: draft.area,
    draft: { type: draft.type, message: draft.message },
  });
  assert.equal(estimate.status, 200, JSON.stringify(estimate.body));
  const created = await api.post('/api/v1/actions', { missingChild: false, ...draft });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const started = await api.post(`/api/v1/actions/${created.body.id}/start`);
  assert.equal(started.status, 200, JSON.stringify(started.body));
  return { id: created.body.id, text: estimate.body.sms.text, recipients: estimate.body.recipients };
}

export async function progressOf(api: ApiClient, actionId: string) {
  const response = await api.get(`/api/v1/actions/${actionId}/progress`);
  assert.equal(response.status, 200, JSON.stringify(response.body));
  return response.body;
}

export const alertRows = (p: { byKind: { alert: { sms: Record<string, number> } } }) =>
  Object.values(p.byKind.alert.sms).reduce((a, b) => a + b, 0);

/** Waits until the alert was queued for everyone and nothing of the action is queued, being sent or waiting for its receipt. */
export async function settled(api: ApiClient, action: StartedAction, timeoutMs = 45_000) {
  return eventually(async () => {
    const p = await progressOf(api, action.id);
    assert.equal(alertRows(p), action.recipients);
    assert.deepEqual([p.totals.queued, p.totals.sending, p.totals.submitted], [0, 0, 0], JSON.stringify(p.totals));
    return p;
  }, timeoutMs);
}

/** Waits until the targeting run has queued the alert for everyone the estimate counted. */
export async function fullyQueued(api: ApiClient, action: StartedAction): Promise<void> {
  await eventually(async () => assert.equal(alertRows(await progressOf(api, action.id)), action.recipients));
}

/** The numbers the simulated SMSC accepted this text for, in the order it accepted them. */
export const sentTo = (simulator: SmscSimulator, text: string): string[] =>
  simulator.messages.filter((m) => m.text === text).map((m) => m.to);

export function countPerNumber(numbers: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of numbers) counts.set(n, (counts.get(n) ?? 0) + 1);
  return counts;
}

export async function alertNumbersInStore(database: Database, actionId: string): Promise<string[]> {
  const rows = await database.query<{ msisdn: string }>(
    `select d.msisdn from deliveries d join action_messages m on m.id = d.message_id
     where d.action_id = $1 and m.kind = 'alert' order by d.msisdn`,
    [actionId],
  );
  return rows.map((r) => r.msisdn);
}
