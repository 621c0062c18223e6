import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { latLngToCell } from 'h3-js';
import { presenceCellsCovering } from '../src/adapters/presence/presence-cells.js';
import type { LocalPushService } from '../src/adapters/channels/web-push/local-push-service.js';
import type { Area } from '../src/domain/area/area.js';
import { subscribePhone, type SimulatedPhone } from './support/phones.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const DAM = { lat: 52.3731, lon: 4.8926 };
const circle = (radiusMetres: number): Area => ({ kind: 'circle', centre: DAM, radiusMetres });
// Where the phones are: none of these points is an action's centre, so none of them is in the database legitimately.
const PLACES = {
  nearDam: { lat: 52.370217, lon: 4.895213 },
  oosterpark: { lat: 52.365541, lon: 4.910037 },
  utrecht: { lat: 52.090713, lon: 5.121419 },
  north6km: { lat: 52.427106, lon: 4.893327 },
  westerpark: { lat: 52.376218, lon: 4.885109 },
  leidseplein: { lat: 52.364127, lon: 4.883242 },
} as const;

const cellOf = (p: { lat: number; lon: number }) => latLngToCell(p.lat, p.lon, 7);
const kinds = (phone: SimulatedPhone) => phone.received().map((m) => m.type);

describe('app notifications for an action, to the phones present in its area', () => {
  let t: TestSystem;
  let pushService: LocalPushService;
  let centralist: ApiClient;
  let app: ApiClient;
  const logLines: string[] = [];
  const phones: Record<string, SimulatedPhone> = {};
  let actionId: string;

  const pushProgress = async (id: string) => {
    const response = await centralist.get(`/api/v1/actions/${id}/progress`);
    assert.equal(response.status, 200);
    return response.body;
  };
  /** Waits until every fan-out of the action has finished. */
  const settled = (id: string, fanouts: number) =>
    eventually(async () => {
      const p = await pushProgress(id);
      assert.equal(p.push.fanouts.length, fanouts, JSON.stringify(p.push));
      assert.ok(
        p.push.fanouts.every((f: { status: string }) => f.status === 'finished'),
        JSON.stringify(p.push.fanouts),
      );
      return p;
    });

  before(async () => {
    t = await startTestSystem(
      {
        LOG_LEVEL: 'trace',
        APP_REQUESTS_PER_MINUTE: '100000',
        PUSH_REQUESTS_PER_MINUTE: '100000',
        PUSH_ENCRYPTION_THREADS: '1',
      },
      { logDestination: { write: (line: string) => void logLines.push(line) } },
    );
    pushService = t.system.push.localPushService!;
    centralist = t.api(await t.staffToken('centralist', 'RE05'));
    app = t.api(null);
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) phones[name] = await subscribePhone(app, pushService);

    // The test means what it says: these cells are (or are not) among those of a 2 km circle round the Dam.
    const inside = presenceCellsCovering(circle(2_000));
    for (const p of [PLACES.nearDam, PLACES.oosterpark, PLACES.westerpark, PLACES.leidseplein])
      assert.ok(inside.has(cellOf(p) as never));
    for (const p of [PLACES.utrecht, PLACES.north6km]) assert.ok(!inside.has(cellOf(p) as never));
    assert.ok(presenceCellsCovering(circle(8_000)).has(cellOf(PLACES.north6km) as never));
  });
  after(() => t.stop());

  test('an action that starts goes to the phones whose cell lies in its area, and to no other', async () => {
    const { a, b, c, d, f, g, h } = phones;
    assert.equal(await a!.moveTo(PLACES.nearDam), 204);
    assert.equal(await b!.moveTo(PLACES.oosterpark), 204);
    assert.equal(await c!.moveTo(PLACES.utrecht), 204);
    assert.equal(await d!.moveTo(PLACES.north6km), 204);
    // e never says where it is; f's subscription expired at the push service; g's push service is busy once.
    assert.equal(await f!.moveTo(PLACES.leidseplein), 204);
    pushService.fail(f!.pushId, { kind: 'gone' });
    assert.equal(await g!.moveTo(PLACES.westerpark), 204);
    pushService.fail(g!.pushId, { kind: 'throttled', times: 1, retryAfterSeconds: 0 });
    // h was in the area, then went to Utrecht: only its latest cell counts.
    assert.equal(await h!.moveTo(PLACES.nearDam), 204);
    assert.equal(await h!.moveTo(PLACES.utrecht), 204);

    const created = await centralist.post('/api/v1/actions', {
      type: 'vermissing',
      message: 'Vermist: Sanne (8), roze jas.',
      description: 'Blond haar.',
      area: circle(2_000),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    actionId = created.body.id;
    assert.equal((await centralist.post(`/api/v1/actions/${actionId}/start`)).status, 200);

    const progress = await settled(actionId, 1);
    for (const phone of [a, b, g]) {
      assert.deepEqual(phone!.received(), [
        {
          type: 'alert',
          actionId,
          title: 'Burgernet: vermissing',
          body: 'Vermist: Sanne (8), roze jas. Blond haar.',
          url: `/acties/${actionId}`,
        },
      ]);
    }
    for (const phone of [c, d, phones.e, f, h]) assert.deepEqual(phone!.received(), []);
    assert.equal(pushService.received(a!.pushId)[0]?.urgency, 'high');
    assert.deepEqual(
      { ...progress.push.fanouts[0], startedAt: null, finishedAt: null },
      {
        trigger: 'start',
        status: 'finished',
        targeted: 4,
        accepted: 3,
        gone: 1,
        failed: 0,
        startedAt: null,
        finishedAt: null,
      },
    );
    // What was there before is unchanged: the SMS counts and their totals.
    assert.ok('totals' in progress && 'byKind' in progress && 'sms' in progress.byKind.alert);
  });

  test('a subscription the push service says is gone is removed', async () => {
    const f = phones.f!;
    const [row] = await t.system.database.query<{ n: number }>(
      'select count(*)::int as n from push_subscriptions where id = $1',
      [f.id],
    );
    assert.equal(row?.n, 0);
    assert.equal(await f.moveTo(PLACES.leidseplein), 401);
  });

  test('a phone that comes into the area later gets the alert when it says so', async () => {
    const c = phones.c!;
    assert.equal(await c.moveTo(PLACES.westerpark), 204);
    await eventually(() => assert.deepEqual(kinds(c), ['alert']));
    // Moving within the area does not repeat it.
    assert.equal(await c.moveTo(PLACES.nearDam), 204);
    const progress = await settled(actionId, 2);
    assert.equal(progress.push.byKind.alert.accepted, 4);
    assert.deepEqual(kinds(c), ['alert']);
  });

  test('an update reaches exactly the phones the alert reached', async () => {
    assert.equal(
      (await centralist.post(`/api/v1/actions/${actionId}/updates`, { text: 'Sanne is gezien bij het station.' }))
        .status,
      202,
    );
    await settled(actionId, 3);
    for (const name of ['a', 'b', 'c', 'g']) {
      const phone = phones[name]!;
      assert.deepEqual(kinds(phone), ['alert', 'update'], name);
      assert.match(phone.received()[1]!.body, /Sanne is gezien bij het station/);
    }
    for (const name of ['d', 'e', 'f', 'h']) assert.deepEqual(kinds(phones[name]!), [], name);
  });

  test('widening sends the alert to the phones in the new part only', async () => {
    assert.equal((await centralist.post(`/api/v1/actions/${actionId}/widen`, { area: circle(8_000) })).status, 200);
    await settled(actionId, 4);
    assert.deepEqual(kinds(phones.d!), ['alert']);
    for (const name of ['a', 'b', 'c', 'g']) assert.deepEqual(kinds(phones[name]!), ['alert', 'update'], name);
  });

  test('the end reaches everyone notified, and the progress shows the app numbers', async () => {
    assert.equal((await centralist.post(`/api/v1/actions/${actionId}/close`, { result: 'gevonden' })).status, 200);
    const progress = await settled(actionId, 5);
    for (const name of ['a', 'b', 'c', 'g'])
      assert.deepEqual(kinds(phones[name]!), ['alert', 'update', 'closing'], name);
    assert.deepEqual(kinds(phones.d!), ['alert', 'closing']);
    for (const name of ['e', 'f', 'h']) assert.deepEqual(kinds(phones[name]!), [], name);
    const closing = phones.a!.received()[2]!;
    assert.equal(closing.title, 'Burgernet: actie afgesloten');
    assert.match(closing.body, /gevonden/);
    assert.deepEqual(progress.push.byKind, {
      alert: { targeted: 6, accepted: 5, gone: 1, failed: 0 },
      update: { targeted: 4, accepted: 4, gone: 0, failed: 0 },
      closing: { targeted: 5, accepted: 5, gone: 0, failed: 0 },
    });
    assert.deepEqual(
      progress.push.fanouts.map((f: { trigger: string }) => f.trigger),
      ['start', 'arrival', 'update', 'widening', 'closing'],
    );
    // After the end, a phone that comes into the area gets nothing.
    assert.equal(await phones.h!.moveTo(PLACES.nearDam), 204);
    const after_ = await pushProgress(actionId);
    assert.equal(after_.push.fanouts.length, 5);
  });

  test('a withdrawn action tells its phones it was withdrawn', async () => {
    const created = await centralist.post('/api/v1/actions', {
      type: 'inbraak',
      message: 'Inbraak aan de Damstraat.',
      area: circle(500),
    });
    const id = created.body.id as string;
    assert.equal((await centralist.post(`/api/v1/actions/${id}/start`)).status, 200);
    await settled(id, 1);
    assert.equal((await centralist.post(`/api/v1/actions/${id}/withdraw`, {})).status, 200);
    await settled(id, 2);
    const last = phones.a!.received().at(-1)!;
    assert.equal(last.type, 'withdrawn');
    assert.equal(last.actionId, id);
    assert.equal(last.title, 'Burgernet: bericht ingetrokken');
  });

  test('the app hears only what the meldkamer made public', async () => {
    const a = phones.a!;
    const before_ = a.received().length;
    const hidden = await centralist.post('/api/v1/actions', {
      type: 'diefstal',
      message: 'Gestolen: rode bakfiets.',
      area: circle(500),
      publication: { public: false },
    });
    assert.equal(hidden.status, 201, JSON.stringify(hidden.body));
    assert.equal((await centralist.post(`/api/v1/actions/${hidden.body.id}/start`)).status, 200);
    const progress = await settled(hidden.body.id, 1);
    assert.equal(progress.push.byKind.alert.targeted, 0);
    const shown = await centralist.post('/api/v1/actions', {
      type: 'diefstal',
      message: 'Gestolen: rode bakfiets met kenteken.',
      area: circle(500),
      publication: { publicText: 'Gestolen: een rode bakfiets. Gezien? Tik op Bel politie.' },
    });
    assert.equal((await centralist.post(`/api/v1/actions/${shown.body.id}/start`)).status, 200);
    await settled(shown.body.id, 1);
    assert.equal(a.received().length, before_ + 1);
    assert.equal(a.received().at(-1)!.body, 'Gestolen: een rode bakfiets. Gezien? Tik op Bel politie.');
  });

  test("no phone's cell or position is in the database or the log", async () => {
    const secrets = new Set<string>();
    for (const place of Object.values(PLACES)) {
      const cell = cellOf(place);
      secrets.add(cell);
      secrets.add(BigInt.asIntN(64, BigInt(`0x${cell}`)).toString());
      secrets.add(String(place.lat));
      secrets.add(String(place.lon));
    }
    const tables = await t.system.database.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    assert.ok(tables.some((r) => r.name === 'push_subscriptions'));
    let rows = 0;
    for (const { name } of tables) {
      for (const row of await t.system.database.query<{ text: string }>(`select t::text as text from "${name}" t`)) {
        rows += 1;
        for (const secret of secrets) assert.ok(!row.text.includes(secret), `${name} holds ${secret}`);
      }
    }
    assert.ok(rows > 0);
    const log = logLines.join('');
    assert.match(log, /push fan-out done/, 'the log was captured');
    for (const secret of secrets) assert.ok(!log.includes(secret), `the log holds ${secret}`);
    // Nor does the log say which phone reported in, or when: no subscription id or token appears in it.
    for (const phone of Object.values(phones)) {
      assert.ok(!log.includes(phone.id), 'a subscription id is in the log');
      assert.ok(!log.includes(phone.deviceToken), 'a device token is in the log');
    }
  });
});
