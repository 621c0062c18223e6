import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nl } from '../src/domain/messages/nl.js';
import { registerParticipant } from './support/participants.js';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

// The Dam is in Amsterdam (RE05). North of the IJ lies Zaandam, in Noord-Holland (RE04): a circle of 8 km round it
// reaches further than the 5 km margin into RE04, one of 3 km stays within it.
const DAM = { lat: 52.3731, lon: 4.8926 };
const ZAANDAM = { lat: 52.439, lon: 4.826 };
const UTRECHT = { lat: 52.0884, lon: 5.1177 };
const circle = (radiusMetres: number, centre = DAM) => ({ kind: 'circle', centre, radiusMetres });
const draft = (area: unknown) => ({
  type: 'vermissing',
  missingChild: false,
  message: 'Vermist: Daan (7), rode jas.',
  area,
});
/** About 95 km from west to east and 20 km from south to north, round the Dam: some 1,900 km². */
const WIDE_POLYGON = (() => {
  const dLon = 47_500 / (111_320 * Math.cos((DAM.lat * Math.PI) / 180));
  const dLat = 10_000 / 111_320;
  const [s, n, w, e] = [DAM.lat - dLat, DAM.lat + dLat, DAM.lon - dLon, DAM.lon + dLon];
  return {
    kind: 'polygon',
    centre: DAM,
    polygon: {
      type: 'Polygon',
      coordinates: [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
    },
  };
})();

describe('an action keeps to its meldkamer’s region, enforced by the API', () => {
  let t: TestSystem;
  let re05: ApiClient;
  let re04: ApiClient;
  before(async () => {
    // A low reach cap, so that three participants are enough to pass it (they live in Utrecht, far from the rest).
    t = await startTestSystem({ ACTION_MAX_RECIPIENTS_WITHOUT_APPROVAL: '2' });
    re05 = t.api(await t.staffToken('centralist', 'RE05'));
    re04 = t.api(await t.staffToken('centralist', 'RE04'));
  });
  after(() => t.stop());

  async function concept(api: ApiClient, area: unknown): Promise<{ id: string; number: string }> {
    const created = await api.post('/api/v1/actions', draft(area));
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body;
  }
  async function started(api: ApiClient, area: unknown): Promise<{ id: string; number: string }> {
    const action = await concept(api, area);
    const start = await api.post(`/api/v1/actions/${action.id}/start`);
    assert.equal(start.status, 200, JSON.stringify(start.body));
    return action;
  }
  async function portal(role: 'centralist', meldkamer: string): Promise<PortalClient> {
    const client = new PortalClient(t.url);
    assert.equal(await client.logIn(await createStaffLogin(t, role, meldkamer), t.clock.now()), 303);
    return client;
  }

  test('a centralist of RE01 cannot start an action on the Dam: it waits for Amsterdam (RE05), nothing is sent', async () => {
    const re01 = t.api(await t.staffToken('centralist', 'RE01'));
    const action = await concept(re01, circle(1_000));
    const start = await re01.post(`/api/v1/actions/${action.id}/start`);
    assert.equal(start.status, 422, JSON.stringify(start.body));
    assert.equal(start.body.code, 'action.region-approval-required');
    assert.equal(start.body.title, nl.problems['action.region-approval-required']);
    assert.deepEqual(start.body.meldkamers, ['RE05']);
    assert.equal(start.body.marginMetres, 5_000);
    assert.match(
      start.body.detail,
      /meer dan 5 km buiten de regio van uw meldkamer, tot in de regio van meldkamer RE05/,
    );
    assert.equal((await re01.get(`/api/v1/actions/${action.id}`)).body.status, 'concept');
    const messages = await t.system.database.query('select 1 from action_messages where action_id = $1', [action.id]);
    assert.equal(messages.length, 0);
  });

  test('a centralist of RE05 starts the same action on the Dam', async () => {
    const action = await started(re05, circle(1_000));
    const read = await re05.get(`/api/v1/actions/${action.id}`);
    assert.equal(read.body.status, 'actief');
    assert.deepEqual(read.body.reachesMeldkamers, []);
    assert.equal(read.body.readOnly, false);
  });

  test('an area far into Noord-Holland waits for RE04: its console shows the request, a RE04 centralist approves, then it starts', async () => {
    const action = await concept(re05, circle(8_000, ZAANDAM));
    const refused = await re05.post(`/api/v1/actions/${action.id}/start`);
    assert.equal(refused.status, 422, JSON.stringify(refused.body));
    assert.equal(refused.body.code, 'action.region-approval-required');
    assert.deepEqual(refused.body.meldkamers, ['RE04']);
    const asked = await t.system.database.query<{ details: { meldkamerCodes: string[] } }>(
      `select details from audit_log where event = 'action.region-approval-requested' and subject_id = $1`,
      [action.id],
    );
    assert.deepEqual(
      asked.map((r) => r.details.meldkamerCodes),
      [['RE04']],
    );

    const elsewhere = t.api(await t.staffToken('centralist', 'RE03'));
    assert.equal(
      (await elsewhere.post(`/api/v1/actions/${action.id}/approval`)).status,
      403,
      'not reached: not theirs',
    );

    const noordHolland = await portal('centralist', 'RE04');
    const console = await noordHolland.get('/plein/console');
    assert.match(console.text, /<h2 id="kop-verzoeken">Verzoeken om goedkeuring \(1\)<\/h2>/);
    assert.match(console.text, new RegExp(`data-verzoek="${action.id}">${action.number} van meldkamer RE05`));
    const page = await noordHolland.get(`/plein/acties/${action.id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Meldkamer RE05 vraagt uw goedkeuring/);
    assert.match(page.text, /Goedkeuren namens meldkamer RE04/);
    const approved = await noordHolland.postForm(`/plein/acties/${action.id}/goedkeuren`, { versie: '1' });
    assert.equal(approved.status, 303);
    assert.match((await noordHolland.get(`/plein/acties/${action.id}`)).text, /Goedgekeurd door meldkamer RE04 op/);
    assert.doesNotMatch((await noordHolland.get('/plein/console')).text, /data-verzoek=/, 'answered');

    const start = await re05.post(`/api/v1/actions/${action.id}/start`);
    assert.equal(start.status, 200, JSON.stringify(start.body));
    assert.equal(start.body.status, 'actief');
    const wider = await re05.post(`/api/v1/actions/${action.id}/widen`, { area: circle(9_000, ZAANDAM) });
    assert.equal(wider.status, 200, 'further into a region whose meldkamer approved the action');
  });

  test('RE04 sees an action that reaches into its region, read-only: search, history, console; changing it is refused', async () => {
    const action = await started(re05, circle(3_000, ZAANDAM));

    const found = await re04.get('/api/v1/actions?status=actief');
    const item = found.body.items.find((a: { id: string }) => a.id === action.id);
    assert.equal(item?.readOnly, true, JSON.stringify(found.body));
    assert.deepEqual(item.reachesMeldkamers, ['RE04']);
    const read = await re04.get(`/api/v1/actions/${action.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.body.readOnly, true);
    assert.equal((await re04.get('/api/v1/actions?meldkamerCode=RE05')).status, 403, 'only its own by meldkamer');

    const noordHolland = await portal('centralist', 'RE04');
    const list = await noordHolland.get('/plein/acties');
    assert.match(
      list.text,
      new RegExp(`>${action.number}</a>.*?<td>RE05 <span class="muted">\\(alleen inzien\\)</span>`),
    );
    const page = await noordHolland.get(`/plein/acties/${action.id}`);
    assert.match(page.text, /Deze actie is van meldkamer RE05/);
    assert.doesNotMatch(page.text, /\/plein\/console\?actie=/, 'no way into the console with it');
    const console = await noordHolland.get('/plein/console');
    assert.match(console.text, new RegExp(`<a href="/plein/acties/${action.id}" data-andere-meldkamer="RE05">`));
    assert.match(console.text, /meldkamer RE05, alleen inzien/);
    assert.doesNotMatch(console.text, new RegExp(`data-actie="${action.id}"`));

    for (const [path, body] of [
      ['widen', { area: circle(4_000, ZAANDAM) }],
      ['updates', { text: 'Gezien bij het station.' }],
      ['close', { result: 'gevonden' }],
      ['withdraw', {}],
      ['take-over', {}],
    ] as const) {
      assert.equal((await re04.post(`/api/v1/actions/${action.id}/${path}`, body)).status, 403, path);
    }
    const re01 = t.api(await t.staffToken('centralist', 'RE01'));
    assert.equal((await re01.get(`/api/v1/actions/${action.id}`)).status, 403, 'a region it did not reach');
    const ofRe01 = await re01.get('/api/v1/actions?status=actief');
    assert.ok(!ofRe01.body.items.some((a: { id: string }) => a.id === action.id));
  });

  test('a polygon about 95 km wide is refused without a second centralist’s approval (the area cap)', async () => {
    const action = await concept(re05, WIDE_POLYGON);
    const start = await re05.post(`/api/v1/actions/${action.id}/start`);
    assert.equal(start.status, 422, JSON.stringify(start.body));
    assert.equal(start.body.code, 'action.size-approval-required');
    assert.equal(start.body.maxAreaKm2, 1_000);
    assert.ok(start.body.areaKm2 > 1_800 && start.body.areaKm2 < 2_000, String(start.body.areaKm2));
    assert.ok(start.body.meldkamers.includes('RE04'), 'the regions it reaches are asked at the same time');
    assert.match(start.body.detail, /het gebied is 1\.\d{3}(,\d)? km² \(grens 1\.000 km²\)/);
  });

  test('a reach above the cap waits for a second centralist of the same meldkamer; approved, it starts', async () => {
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    for (const phone of ['0612340001', '0612340002', '0612340003']) {
      await registerParticipant(beheer, `Deelnemer ${phone}`, [{ phone, postcode: '3511 AZ', houseNumber: 1 }]);
    }
    const utrecht = t.api(await t.staffToken('centralist', 'RE03'));
    const action = await concept(utrecht, circle(2_000, UTRECHT));
    const start = await utrecht.post(`/api/v1/actions/${action.id}/start`);
    assert.equal(start.status, 422, JSON.stringify(start.body));
    assert.equal(start.body.code, 'action.size-approval-required');
    assert.equal(start.body.recipients, 3);
    assert.equal(start.body.maxRecipients, 2);
    assert.deepEqual(start.body.meldkamers, []);
    assert.match(start.body.detail, /het bereikt 3 deelnemers \(grens 2\)/);
    const colleague = t.api(await t.staffToken('centralist', 'RE03'));
    assert.equal((await colleague.post(`/api/v1/actions/${action.id}/approval`, { version: 1 })).status, 201);
    const again = await utrecht.post(`/api/v1/actions/${action.id}/start`);
    assert.equal(again.status, 200, JSON.stringify(again.body));
  });

  test('widening or moving beyond the region plus margin is refused and the area stays; within the margin it is taken', async () => {
    const action = await started(re05, circle(1_000));
    const far = await re05.post(`/api/v1/actions/${action.id}/widen`, { area: circle(15_000) });
    assert.equal(far.status, 422, JSON.stringify(far.body));
    assert.equal(far.body.code, 'action.area-change-needs-approval');
    assert.equal(far.body.title, nl.problems['action.area-change-needs-approval']);
    assert.deepEqual(far.body.meldkamers, ['RE04']);
    assert.match(far.body.detail, /start voor het extra gebied een nieuwe actie/);
    assert.deepEqual((await re05.get(`/api/v1/actions/${action.id}`)).body.area, circle(1_000));
    const moved = await re05.post(`/api/v1/actions/${action.id}/move-area`, {
      area: circle(8_000, ZAANDAM),
      confirmed: true,
    });
    assert.equal(moved.status, 422, JSON.stringify(moved.body));
    assert.equal(moved.body.code, 'action.area-change-needs-approval');

    const near = await re05.post(`/api/v1/actions/${action.id}/widen`, { area: circle(8_000) });
    assert.equal(near.status, 200, JSON.stringify(near.body));
    assert.deepEqual(near.body.reachesMeldkamers, ['RE04'], 'over the border within the margin: RE04 sees it now');
    assert.equal((await re04.get(`/api/v1/actions/${action.id}`)).status, 200);
  });
});
