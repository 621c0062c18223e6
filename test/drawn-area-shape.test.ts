import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MAIL_ENV, templateId } from './support/mail.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

/** [lon, lat] corners around the Dam, closed. */
const ring = (...corners: [number, number][]) => [...corners, corners[0]!];
const polygon = (...rings: [number, number][][]) => ({
  kind: 'polygon',
  centre: { lat: 52.3731, lon: 4.8926 },
  polygon: { type: 'Polygon', coordinates: rings },
});
const BOW_TIE = polygon(ring([4.88, 52.36], [4.9, 52.38], [4.9, 52.36], [4.88, 52.38]));
const SQUARE = ring([4.88, 52.36], [4.9, 52.36], [4.9, 52.38], [4.88, 52.38]);
const HOLE_ACROSS = polygon(SQUARE, ring([4.89, 52.37], [4.91, 52.37], [4.91, 52.375], [4.89, 52.375]));
const REPEATED = polygon([
  [4.88, 52.36],
  [4.9, 52.36],
  [4.9, 52.36],
  [4.9, 52.38],
  [4.88, 52.38],
  [4.88, 52.36],
]);
const draft = (area: unknown) => ({ type: 'diefstal', message: 'Gestolen: rode bakfiets met blauwe huif.', area });

/**
 * An area must be one polygon as drawn: a ring whose edges cross (a bow-tie), a corner repeated in a row, or a
 * hole across the outer ring is refused with a Dutch problem detail wherever an area is taken, and nothing is
 * stored.
 */
describe('a drawn area that does not make one polygon, over HTTP', () => {
  let t: TestSystem;
  let centralist: ApiClient;
  let gemeente: ApiClient;

  before(async () => {
    t = await startTestSystem(MAIL_ENV());
    centralist = t.api(await t.staffToken('centralist', 'RE01'));
    gemeente = t.api(await t.staffToken('gemeente', 'GM0363'));
  });
  after(() => t.stop());

  const refusals = [
    { name: 'a bow-tie', area: BOW_TIE, detail: /kruisen of raken elkaar/ },
    { name: 'a hole across the outer ring', area: HOLE_ACROSS, detail: /gat in de polygoon moet binnen de buitenrand/ },
    { name: 'a corner repeated in a row', area: REPEATED, detail: /twee keer achter elkaar/ },
  ];

  for (const r of refusals) {
    test(`${r.name}: no action, no reach estimate`, async () => {
      const created = await centralist.post('/api/v1/actions', draft(r.area));
      assert.equal(created.status, 422, JSON.stringify(created.body));
      assert.equal(created.body.code, 'action.invalid-area');
      assert.equal(created.body.title, 'Het gebied is ongeldig');
      assert.match(created.body.detail, r.detail);
      const estimate = await centralist.post('/api/v1/reach-estimates', { area: r.area });
      assert.equal(estimate.status, 422, JSON.stringify(estimate.body));
      assert.match(estimate.body.detail, r.detail);
    });

    test(`${r.name}: no Burgernetmail, no count`, async () => {
      const audience = { kind: 'area', area: r.area };
      const count = await gemeente.post('/api/v1/audience-counts', { audience });
      assert.equal(count.status, 422, JSON.stringify(count.body));
      assert.match(count.body.detail, r.detail);
      const created = await gemeente.post('/api/v1/mails', {
        templateId: await templateId(gemeente, 'nieuwsbrief'),
        fields: { omschrijving: 'Nieuws uit de buurt.' },
        audience,
      });
      assert.equal(created.status, 422, JSON.stringify(created.body));
      assert.equal(created.body.code, 'mail.invalid-audience');
      assert.match(created.body.detail, r.detail);
    });
  }

  test('nothing was stored by the refusals; the same square without the fault is taken', async () => {
    assert.deepEqual((await centralist.get('/api/v1/actions')).body.items, []);
    assert.deepEqual((await gemeente.get('/api/v1/mails')).body.items, []);
    const square = await centralist.post('/api/v1/actions', draft(polygon(SQUARE)));
    assert.equal(square.status, 201, JSON.stringify(square.body));
  });
});
