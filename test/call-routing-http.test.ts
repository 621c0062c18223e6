import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { registerParticipant } from './support/participants.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

const TOKEN = 'platform-token-0123456789abcdef0123456789';
const NATIONAL = '+31881234567';

describe('0800-0011 over HTTP: POST /api/v1/call-routing for platforms', () => {
  let t: TestSystem;
  let actionId: string;

  const ask = (
    body: unknown,
    options: { token?: string | null; remoteAddress?: string; method?: 'POST' | 'GET' } = {},
  ) =>
    t.system.http.inject({
      method: options.method ?? 'POST',
      url: '/api/v1/call-routing',
      remoteAddress: options.remoteAddress ?? '127.0.0.1',
      headers: {
        'content-type': 'application/json',
        ...(options.token === null ? {} : { authorization: `Bearer ${options.token ?? TOKEN}` }),
      },
      ...(options.method === 'GET' ? {} : { payload: JSON.stringify(body) }),
    });

  before(async () => {
    t = await startTestSystem({
      REDIRECT_HTTP_TOKEN: TOKEN,
      REDIRECT_NATIONAL_TARGET: NATIONAL,
      REDIRECT_ALLOWED_ADDRESSES: '127.0.0.1,10.20.0.0/16',
    });
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    const anna = await registerParticipant(beheer, 'Anna de Vries', [
      { phone: '0612350001', postcode: '1012AB', houseNumber: 1 },
    ]);
    await registerParticipant(beheer, 'Dirk Groen', [{ phone: '0612350002', postcode: '9711AB', houseNumber: 1 }]);
    const centralist = t.api(await t.staffToken('centralist', 'RE05'));
    const created = await centralist.post('/api/v1/actions', {
      type: 'vermissing',
      message: 'Vermist: Sanne (8), blond haar, roze jas.',
      area: { kind: 'circle', centre: anna.registrations[0]!.location, radiusMetres: 1_000 },
    });
    actionId = created.body.id;
    assert.equal((await centralist.post(`/api/v1/actions/${actionId}/start`)).status, 200);
    await eventually(async () => {
      const rows = await t.system.database.query<{ status: string }>(
        "select status from deliveries where msisdn = '+31612350001'",
      );
      assert.ok(
        rows.some((r) => r.status === 'submitted' || r.status === 'delivered'),
        JSON.stringify(rows),
      );
    }, 60_000);
  });
  after(() => t.stop());

  test('a participant of an active action gets the meldkamer of the action; the decision is recorded as http', async () => {
    const response = await ask({ caller: '06 1235 0001' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), {
      target: 'sip:meldkamer-re05@politie.nl',
      contact: 'sip:meldkamer-re05@politie.nl',
      meldkamerCode: 'RE05',
      reason: 'active-action',
    });
    await t.system.callRouting.log.flush();
    const rows = await t.system.database.query<{ transport: string; reason: string }>(
      'select transport, reason from call_routings where action_id = $1',
      [actionId],
    );
    assert.deepEqual(
      rows.map((r) => ({ ...r })),
      [{ transport: 'http', reason: 'active-action' }],
    );
  });

  test('registered without an action: the meldkamer of the address; unknown or absent: the national number as tel:', async () => {
    assert.equal((await ask({ caller: '+31612350002' })).json().reason, 'registered-address');
    assert.deepEqual((await ask({ caller: '+31612359999' })).json(), {
      target: NATIONAL,
      contact: `tel:${NATIONAL}`,
      meldkamerCode: null,
      reason: 'national-default',
    });
    assert.equal((await ask({ caller: 'anonymous' })).json().reason, 'no-caller-number');
    assert.equal((await ask({})).json().reason, 'no-caller-number');
  });

  test('only the platform’s addresses with its token are answered', async () => {
    assert.equal((await ask({ caller: '0612350001' }, { remoteAddress: '10.20.3.4' })).statusCode, 200);
    const outside = await ask({ caller: '0612350001' }, { remoteAddress: '192.0.2.7' });
    assert.equal(outside.statusCode, 403);
    assert.equal(outside.json().code, 'auth.forbidden');
    for (const token of [null, 'wrong-token-wrong-token-wrong-token-xx', '']) {
      const response = await ask({ caller: '0612350001' }, { token });
      assert.equal(response.statusCode, 401, String(token));
      assert.equal(response.json().code, 'auth.unauthenticated');
    }
    const staffToken = await t.staffToken('landelijk-beheer');
    assert.equal(
      (await ask({ caller: '0612350001' }, { token: staffToken })).statusCode,
      401,
      'a staff token is not a platform token',
    );
  });

  test('the number travels in the body only: no GET, unknown fields and oversized values refused', async () => {
    assert.equal((await ask(undefined, { method: 'GET' })).statusCode, 404);
    assert.equal((await ask({ caller: '0612350001', extra: 1 })).statusCode, 400);
    assert.equal((await ask({ caller: 'x'.repeat(65) })).statusCode, 400);
    assert.equal((await ask({ caller: '06\u0000' })).statusCode, 400);
  });

  test('the OpenAPI document describes the endpoint', async () => {
    const spec = (await t.system.http.inject({ method: 'GET', url: '/openapi.json' })).json();
    assert.ok(spec.paths['/api/v1/call-routing']?.post, 'POST /api/v1/call-routing in /openapi.json');
  });
});
