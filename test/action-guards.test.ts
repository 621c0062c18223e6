import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nl } from '../src/domain/messages/nl.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

// Nobody is registered: these tests are about what the API lets a centralist send, not about who gets it.
const DAM = { lat: 52.3731, lon: 4.8926 };
const FIVE_KM_EAST = { lat: 52.3731, lon: 4.9664 };
const circle = (radiusMetres: number, centre = DAM) => ({ kind: 'circle', centre, radiusMetres });
const vermissing = {
  type: 'vermissing',
  missingChild: true,
  message: 'Vermist: Daan (7), rode jas.',
  area: circle(1_000),
};

describe('guards against mis-sends, enforced by the API', () => {
  let t: TestSystem;
  let centralist: ApiClient;
  before(async () => {
    t = await startTestSystem();
    centralist = t.api(await t.staffToken('centralist', 'RE05'));
  });
  after(() => t.stop());

  async function started(draft: Record<string, unknown> = vermissing): Promise<string> {
    const created = await centralist.post('/api/v1/actions', draft);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const start = await centralist.post(`/api/v1/actions/${created.body.id}/start`);
    assert.equal(start.status, 200, JSON.stringify(start.body));
    return created.body.id as string;
  }

  test('a template field left in the text ([naam]) cannot be started, and nothing is sent', async () => {
    const created = await centralist.post('/api/v1/actions', {
      ...vermissing,
      message: 'Vermist: [naam] ([leeftijd]), rode jas.',
    });
    assert.equal(created.status, 201, 'a concept may hold them while it is being written');
    const start = await centralist.post(`/api/v1/actions/${created.body.id}/start`);
    assert.equal(start.status, 422, JSON.stringify(start.body));
    assert.equal(start.body.code, 'action.unfilled-template-field');
    assert.equal(start.body.title, nl.problems['action.unfilled-template-field']);
    assert.deepEqual(start.body.fields, ['[naam]', '[leeftijd]']);
    assert.match(start.body.detail, /\[naam\], \[leeftijd\]/);
    assert.equal((await centralist.get(`/api/v1/actions/${created.body.id}`)).body.status, 'concept');
    const messages = await t.system.database.query('select 1 from action_messages where action_id = $1', [
      created.body.id,
    ]);
    assert.equal(messages.length, 0);
  });

  test('an update with a template field is refused', async () => {
    const id = await started();
    const update = await centralist.post(`/api/v1/actions/${id}/updates`, { text: 'Gezien bij [plaats].' });
    assert.equal(update.status, 422, JSON.stringify(update.body));
    assert.equal(update.body.code, 'action.unfilled-template-field');
  });

  test('widening to an area elsewhere (300 m, 5 km away) is refused and the area stays; a bigger circle is taken', async () => {
    const id = await started();
    const moved = await centralist.post(`/api/v1/actions/${id}/widen`, { area: circle(300, FIVE_KM_EAST) });
    assert.equal(moved.status, 422, JSON.stringify(moved.body));
    assert.equal(moved.body.code, 'action.widening-must-contain');
    assert.deepEqual((await centralist.get(`/api/v1/actions/${id}`)).body.area, circle(1_000));
    const overlapping = await centralist.post(`/api/v1/actions/${id}/widen`, { area: circle(5_000, FIVE_KM_EAST) });
    assert.equal(overlapping.status, 422, 'overlapping is not containing');
    const wider = await centralist.post(`/api/v1/actions/${id}/widen`, { area: circle(2_500) });
    assert.equal(wider.status, 200, JSON.stringify(wider.body));
    assert.deepEqual(wider.body.area, circle(2_500));
  });

  test('closing a missing child as "aangehouden" is refused with the results that fit; no result at all is refused too', async () => {
    const id = await started();
    const wrong = await centralist.post(`/api/v1/actions/${id}/close`, { result: 'aangehouden' });
    assert.equal(wrong.status, 422, JSON.stringify(wrong.body));
    assert.equal(wrong.body.code, 'action.result-not-for-type');
    assert.deepEqual(wrong.body.allowed, ['gevonden', 'niet-gevonden', 'geen-resultaat']);
    const none = await centralist.post(`/api/v1/actions/${id}/close`, {});
    assert.equal(none.status, 400);
    assert.equal((await centralist.get(`/api/v1/actions/${id}`)).body.status, 'actief');
    const right = await centralist.post(`/api/v1/actions/${id}/close`, {
      result: 'gevonden',
      closingText: 'Daan is gevonden.',
    });
    assert.equal(right.status, 200, JSON.stringify(right.body));
  });

  test('the action types the console reads carry the results that fit each', async () => {
    const types = await t.api(await t.staffToken('landelijk-beheer')).get('/api/v1/action-types');
    assert.equal(types.status, 200, JSON.stringify(types.body));
    const vermissingType = types.body.items.find((i: { type: string }) => i.type === 'vermissing');
    assert.deepEqual(vermissingType.results, ['gevonden', 'niet-gevonden', 'geen-resultaat']);
  });

  test('another centralist of the meldkamer takes over a live action (audited); another meldkamer may not; an ended one is refused', async () => {
    const id = await started();
    const colleague = t.api(await t.staffToken('centralist', 'RE05'));
    const taken = await colleague.post(`/api/v1/actions/${id}/take-over`);
    assert.equal(taken.status, 200, JSON.stringify(taken.body));
    assert.equal(taken.body.id, id);
    assert.equal((await centralist.post(`/api/v1/actions/${id}/take-over`)).status, 200, 'the one who started it');
    const audited = await t.system.database.query<{ actor_id: string }>(
      `select actor_id from audit_log where event = 'action.taken-over' and subject_id = $1`,
      [id],
    );
    assert.equal(audited.length, 1, 'only the colleague taking over is written down');
    const elsewhere = t.api(await t.staffToken('centralist', 'RE03'));
    assert.equal((await elsewhere.post(`/api/v1/actions/${id}/take-over`)).status, 403);
    await centralist.post(`/api/v1/actions/${id}/close`, { result: 'gevonden' });
    const ended = await colleague.post(`/api/v1/actions/${id}/take-over`);
    assert.equal(ended.status, 409, JSON.stringify(ended.body));
    assert.equal(ended.body.code, 'action.wrong-status');
  });
});
