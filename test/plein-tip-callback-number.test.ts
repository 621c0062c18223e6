import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { nl } from '../src/domain/messages/nl.js';
import { postTip, startAction, VONDELPARK_AREA } from './support/app-support.js';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const NUMBER_DIGITS = '612345678';

describe("a tip's number to call back: only for one tip, with a purpose, by staff who may run the action, audited", () => {
  let t: TestSystem;
  let dataDir: string;
  const logLines: string[] = [];
  let centralist05: ApiClient;
  let actionId: string;
  let actionNumber: string;
  let tipId: string;
  let tipWithoutNumber: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'burgernet-tip-number-'));
    t = await startTestSystem(
      { DATA_DIR: dataDir, SESSION_COOKIE_SECURE: 'false', LOG_LEVEL: 'info', APP_TIPS_PER_HOUR: '1000' },
      {
        logDestination: new Writable({
          write(chunk: Buffer, _encoding, done) {
            logLines.push(chunk.toString());
            done();
          },
        }),
      },
    );
    centralist05 = t.api(await t.staffToken('centralist', 'RE05'));
    actionId = await startAction(centralist05, {
      type: 'vermissing',
      message: 'Vermist: Daan (79), blauwe pet.',
      area: VONDELPARK_AREA,
    });
    actionNumber = (await centralist05.get(`/api/v1/actions/${actionId}`)).body.number;
    const tip = await postTip(t.url, actionId, { text: 'Ik zie hem bij het station.', phone: '06 12345678' });
    assert.equal(tip.status, 201, JSON.stringify(tip.body));
    tipId = tip.body.id;
    const plain = await postTip(t.url, actionId, { text: 'Hij liep richting het park.' });
    assert.equal(plain.status, 201, JSON.stringify(plain.body));
    tipWithoutNumber = plain.body.id;
  });
  after(async () => {
    await t?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const path = (tip: string) => `/api/v1/actions/${actionId}/tips/${tip}/callback-number`;
  const reveals = () =>
    t.system.database.query<{ actor_id: string; details: Record<string, unknown> }>(
      `select actor_id, details from audit_log where event = 'tip.callback-number-revealed' and subject_id = $1 order by id`,
      [actionId],
    );

  test('the list of tips says only that the tipper wants a call back; a purpose in its query shows nothing', async () => {
    const list = await centralist05.get(`/api/v1/actions/${actionId}/tips`);
    const tip = list.body.items.find((i: { id: string }) => i.id === tipId);
    assert.equal(tip.callbackRequested, true);
    assert.equal(JSON.stringify(list.body).includes(NUMBER_DIGITS), false);
    const old = await centralist05.get(`/api/v1/actions/${actionId}/tips?purpose=${encodeURIComponent('Terugbellen')}`);
    assert.equal(old.status, 400, 'a purpose in the query no longer shows numbers');
  });

  test('without a purpose, or with one that is not on the list, nothing is shown or written', async () => {
    const before = (await reveals()).length;
    for (const body of [
      {},
      { note: 'even bellen' },
      { purpose: 'nieuwsgierig' },
      { purpose: 'callback', note: 'x'.repeat(201) },
    ]) {
      const answer = await centralist05.post(path(tipId), body);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.code, 'request.invalid');
      assert.equal(JSON.stringify(answer.body).includes(NUMBER_DIGITS), false);
    }
    assert.equal((await reveals()).length, before);
  });

  test('staff of another meldkamer and other roles are refused; a tip without a number has none to show', async () => {
    const before = (await reveals()).length;
    const other = await t.api(await t.staffToken('centralist', 'RE03')).post(path(tipId), { purpose: 'callback' });
    assert.equal(other.status, 403);
    assert.equal(other.body.code, 'auth.forbidden');
    const gemeente = await t
      .api(await t.staffToken('gemeente-beheer', 'GM0363'))
      .post(path(tipId), { purpose: 'callback' });
    assert.equal(gemeente.status, 403);
    const none = await centralist05.post(path(tipWithoutNumber), { purpose: 'callback' });
    assert.equal(none.status, 404);
    assert.equal(none.body.code, 'tip.no-callback-number');
    assert.equal(none.body.title, nl.problems['tip.no-callback-number']);
    const unknown = await centralist05.post(path('00000000-0000-4000-8000-000000000000'), { purpose: 'callback' });
    assert.equal(unknown.body.code, 'tip.not-found');
    assert.equal((await reveals()).length, before, 'refusals show and write nothing');
  });

  test('with a purpose the number comes back, and the audit log holds who, the action, the tip and the purpose, never the number', async () => {
    const answer = await centralist05.post(path(tipId), { purpose: 'forward-to-unit', note: 'Voor de motoragent' });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body, { phone: '+31612345678', display: '06 12345678' });
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    const written = (await reveals()).at(-1)!;
    assert.deepEqual(written.details, {
      actionNumber,
      tipId,
      purpose: 'forward-to-unit',
      note: 'Voor de motoragent',
    });
    const national = await t.api(await t.staffToken('landelijk-beheer')).post(path(tipId), { purpose: 'callback' });
    assert.equal(national.status, 200, 'national beheer may take over any action, so may read its tips');
    const all = await t.system.database.query<{ details: unknown }>('select details from audit_log');
    assert.equal(JSON.stringify(all).includes(NUMBER_DIGITS), false, 'no number anywhere in the audit log');
    assert.ok(logLines.length > 0, 'the logs were read');
    assert.equal(logLines.join('').includes(NUMBER_DIGITS), false, 'nor in the logs');
  });

  test('from the console (session cookie) the CSRF token is required', async () => {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const c = new PortalClient(t.url);
    assert.equal(await c.logIn(login, t.clock.now()), 303);
    await c.get('/plein/console');
    const without = await c.request('POST', path(tipId), { json: { purpose: 'callback' } });
    assert.equal(without.status, 403);
    assert.equal(without.text.includes(NUMBER_DIGITS), false);
    const withToken = await c.request('POST', path(tipId), {
      json: { purpose: 'callback' },
      headers: { 'x-csrf-token': c.csrf },
    });
    assert.equal(withToken.status, 200);
    assert.equal((JSON.parse(withToken.text) as { phone: string }).phone, '+31612345678');
    assert.equal((await reveals()).at(-1)!.actor_id, login.id);
  });
});
