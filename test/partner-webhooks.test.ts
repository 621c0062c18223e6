import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  startPartnerWebhookSimulator,
  type PartnerWebhookSimulator,
} from '../src/adapters/channels/partner-webhooks/partner-webhook-simulator.js';
import { generateWebhookSecret } from '../src/adapters/channels/partner-webhooks/standard-webhook-signature.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

// The Vondelpark (RE05): few or no participants, so the actions here are about their broadcast, not their SMS.
const AREA = { kind: 'circle', centre: { lat: 52.358, lon: 4.868 }, radiusMetres: 300 };
const WIDER = { kind: 'circle', centre: { lat: 52.358, lon: 4.868 }, radiusMetres: 900 };

interface LogEntry {
  destination: string;
  kind: string;
  sequence: number;
  status: string;
  attempts: number;
  lastHttpStatus: number | null;
  lastReason: string | null;
}

/**
 * Partners (Amber Alert screens, newsrooms, a neighbouring country) receive every public action's events as
 * signed webhooks (Standard Webhooks), in order, also after being away; what went where is in the delivery log.
 */
describe('partner webhooks: every event of a public action reaches each partner, signed and in order', () => {
  let t: TestSystem;
  let partner: PartnerWebhookSimulator;
  let impostor: PartnerWebhookSimulator;
  let centralist: ApiClient;
  let beheer: ApiClient;

  const typesFor = (actionId: string, at: PartnerWebhookSimulator = partner) =>
    at.events
      .filter((e) => (e.payload.data.action as { id: string }).id === actionId)
      .map((e) => [e.payload.type, e.payload.data.sequence]);

  const startAction = async (message: string): Promise<string> => {
    const created = await centralist.post('/api/v1/actions', { type: 'vermissing', message, area: AREA });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const started = await centralist.post(`/api/v1/actions/${created.body.id}/start`);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    return created.body.id;
  };

  before(async () => {
    const secret = generateWebhookSecret();
    partner = await startPartnerWebhookSimulator({ secrets: [secret] });
    // A partner we configured with a secret it does not have: it must see that the messages are not ours to trust.
    impostor = await startPartnerWebhookSimulator({ secrets: [generateWebhookSecret()] });
    t = await startTestSystem({
      PARTNER_WEBHOOKS: JSON.stringify([
        { id: 'amber-alert', name: 'Amber Alert Nederland', url: partner.url, secrets: [secret] },
        {
          id: 'verkeerd-geheim',
          name: 'Partner met een ander geheim',
          url: impostor.url,
          secrets: [generateWebhookSecret()],
          events: ['action.started'],
        },
      ]),
      PUBLIC_BASE_URL: 'https://burgernet.test',
    });
    centralist = t.api(await t.staffToken('centralist', 'RE05'));
    beheer = t.api(await t.staffToken('landelijk-beheer'));
  });
  after(async () => {
    await t?.stop();
    await partner?.close();
    await impostor?.close();
  });

  test('start, update, widening and close arrive as four signed events, numbered in order', async () => {
    const id = await startAction('Vermist: Noor (7), geel regenjack.');
    assert.equal(
      (await centralist.post(`/api/v1/actions/${id}/updates`, { text: 'Noor heeft een rode rugzak bij zich.' })).status,
      202,
    );
    assert.equal((await centralist.post(`/api/v1/actions/${id}/widen`, { area: WIDER })).status, 200);
    assert.equal((await centralist.post(`/api/v1/actions/${id}/close`, { result: 'gevonden' })).status, 200);

    await partner.waitFor(() => typesFor(id).length >= 4);
    assert.deepEqual(typesFor(id), [
      ['action.started', 1],
      ['action.updated', 2],
      ['action.widened', 3],
      ['action.closed', 4],
    ]);
    const [started, updated, , closed] = partner.events.filter(
      (e) => (e.payload.data.action as { id: string }).id === id,
    );
    assert.equal(
      (started!.payload.data.action as { publicUrl: string }).publicUrl,
      `https://burgernet.test/acties/${id}`,
    );
    assert.equal(updated!.payload.data.updateText, 'Noor heeft een rode rugzak bij zich.');
    assert.equal(closed!.payload.data.action.status, 'afgesloten');
    assert.equal(partner.refusals.size, 0, 'every message verified at the partner');
    assert.equal(partner.duplicates, 0);
  });

  test('a withdrawn action is withdrawn at the partner too', async () => {
    const id = await startAction('Gezocht: grijze bestelbus, kenteken begint met VX.');
    assert.equal((await centralist.post(`/api/v1/actions/${id}/withdraw`, {})).status, 200);
    await partner.waitFor(() => typesFor(id).length >= 2);
    assert.deepEqual(typesFor(id), [
      ['action.started', 1],
      ['action.withdrawn', 2],
    ]);
  });

  test('an action the meldkamer keeps from the public is never broadcast', async () => {
    const created = await centralist.post('/api/v1/actions', {
      type: 'overval',
      message: 'Overval op juwelier, daders voortvluchtig.',
      area: AREA,
      publication: { public: false, publicText: null, call112: false, mediaRetentionDays: null },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal((await centralist.post(`/api/v1/actions/${created.body.id}/start`)).status, 200);
    const log = await beheer.get(`/api/v1/broadcast-deliveries?actionId=${created.body.id}`);
    assert.equal(log.status, 200, JSON.stringify(log.body));
    assert.deepEqual(log.body.items, []);
  });

  test('a partner that cannot verify our signature refuses it; the delivery log shows that, and nothing is retried', async () => {
    const log = await eventually(async () => {
      const response = await beheer.get('/api/v1/broadcast-deliveries?destination=partner-webhook:verkeerd-geheim');
      assert.equal(response.status, 200, JSON.stringify(response.body));
      const items = response.body.items as LogEntry[];
      assert.ok(items.length >= 2 && items.every((e) => e.status === 'rejected'), JSON.stringify(items));
      return items;
    });
    assert.ok(
      log.every((e) => e.kind === 'action.started' && e.attempts === 1 && e.lastHttpStatus === 401),
      JSON.stringify(log),
    );
    assert.equal(impostor.events.length, 0);
    assert.equal(impostor.refusals.get('no-matching-signature'), impostor.deliveries.length);
  });

  test('a partner that is down for a minute gets every event afterwards, in order and once', async () => {
    await partner.behave('down');
    const id = await startAction('Vermist: Sem (5), blauwe laarzen.');
    assert.equal(
      (await centralist.post(`/api/v1/actions/${id}/updates`, { text: 'Sem is gezien bij de vijver.' })).status,
      202,
    );
    assert.equal((await centralist.post(`/api/v1/actions/${id}/close`, { result: 'gevonden' })).status, 200);
    // The outbox tries the first event again and again, holding the later ones behind it.
    await eventually(async () => {
      const response = await beheer.get(
        `/api/v1/broadcast-deliveries?actionId=${id}&destination=partner-webhook:amber-alert`,
      );
      const head = (response.body.items as LogEntry[]).find((e) => e.sequence === 1);
      assert.ok(head && head.attempts >= 2 && head.status !== 'delivered', JSON.stringify(response.body.items));
      assert.ok((response.body.items as LogEntry[]).filter((e) => e.sequence > 1).every((e) => e.attempts === 0));
    }, 20_000);
    // A minute later the partner is back: the next attempt is due within the longest pause.
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    await partner.behave('healthy');
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    await partner.waitFor(() => typesFor(id).length >= 3, 20_000);
    assert.deepEqual(typesFor(id), [
      ['action.started', 1],
      ['action.updated', 2],
      ['action.closed', 3],
    ]);
    assert.equal(partner.duplicates, 0);

    const response = await beheer.get(
      `/api/v1/broadcast-deliveries?actionId=${id}&destination=partner-webhook:amber-alert`,
    );
    assert.deepEqual(
      (response.body.items as LogEntry[]).map((e) => e.status),
      ['delivered', 'delivered', 'delivered'],
    );
  });

  test("the delivery log is beheer's: a centralist may not read it", async () => {
    const response = await centralist.get('/api/v1/broadcast-deliveries');
    assert.equal(response.status, 403);
  });
});
