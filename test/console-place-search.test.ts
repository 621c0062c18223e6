import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  startLocatieserverSimulator,
  type LocatieserverSimulator,
} from '../src/adapters/geocoding/locatieserver-simulator.js';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** A centralist's browser on the console: logged in, with the page's CSRF token. */
async function consoleClient(t: TestSystem): Promise<PortalClient> {
  const client = new PortalClient(t.url);
  assert.equal(await client.logIn(await createStaffLogin(t, 'centralist', 'RE04'), t.clock.now()), 303);
  assert.equal((await client.get('/plein/console')).status, 200);
  return client;
}

async function post(client: PortalClient, path: string, json: unknown, csrf = client.csrf) {
  const response = await client.request('POST', path, { json, headers: { 'x-csrf-token': csrf } });
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: response.text === '' ? null : JSON.parse(response.text),
  };
}

const search = (client: PortalClient, q: unknown) => post(client, '/plein/console/plaatsen/zoeken', { q });
const pick = (client: PortalClient, id: unknown) => post(client, '/plein/console/plaatsen/kiezen', { id });

describe('the console searches addresses, places and postcodes offline (bundled gazetteer)', () => {
  let t: TestSystem;
  let client: PortalClient;
  before(async () => {
    t = await startTestSystem();
    client = await consoleClient(t);
  });
  after(() => t?.stop());

  test('a place name finds the woonplaats and says what was found', async () => {
    const found = await search(client, 'Alkmaar');
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.deepEqual(found.body.suggestions, [
      { id: found.body.suggestions[0].id, kind: 'woonplaats', label: 'woonplaats Alkmaar (midden)' },
    ]);
    const place = await pick(client, found.body.suggestions[0].id);
    assert.equal(place.status, 200);
    assert.equal(place.body.label, 'woonplaats Alkmaar (midden)');
    assert.ok(
      Math.abs(place.body.lat - 52.63) < 0.05 && Math.abs(place.body.lon - 4.75) < 0.05,
      JSON.stringify(place.body),
    );
    assert.ok(place.body.extent.south < place.body.lat && place.body.lat < place.body.extent.north);
  });

  test('a postcode with house number finds the middle of its four-digit area, and says it is no more than that', async () => {
    const found = await search(client, '1071 AA 1');
    assert.deepEqual(found.body.suggestions, [
      { id: 'pc4-1071', kind: 'postcode-area', label: 'centrum van postcodegebied 1071, Amsterdam' },
    ]);
    const place = await pick(client, 'pc4-1071');
    assert.equal(place.body.kind, 'postcode-area');
    assert.equal(place.body.extent, null);
  });

  test('unknown input is a Dutch problem; empty input, a foreign id and a missing CSRF token are refused', async () => {
    const unknown = await search(client, 'Atlantis');
    assert.equal(unknown.status, 404);
    assert.match(unknown.type, /application\/problem\+json/);
    assert.equal(unknown.body.code, 'place.not-found');
    assert.equal(unknown.body.title, 'Geen adres, plaats of postcode gevonden');
    assert.match(unknown.body.detail, /plaatsnaam/);
    assert.equal((await pick(client, 'wpl-0000')).body.code, 'place.not-found');
    assert.equal((await pick(client, '../../etc/passwd')).body.code, 'place.not-found');

    const empty = await search(client, ' ');
    assert.equal(empty.status, 400);
    assert.equal(empty.body.code, 'request.invalid');
    assert.match(empty.body.detail, /Typ een adres, plaats of postcode/);
    assert.equal((await search(client, 'x'.repeat(101))).status, 400);

    assert.equal((await post(client, '/plein/console/plaatsen/zoeken', { q: 'Utrecht' }, 'vervalst')).status, 403);
    const stranger = new PortalClient(t.url);
    assert.equal(
      (await stranger.request('POST', '/plein/console/plaatsen/zoeken', { json: { q: 'Utrecht' } })).status,
      303,
    );
  });

  test('the old postcode-and-house-number endpoint is gone', async () => {
    const old = await post(client, '/plein/console/adres', { postcode: '1012AB', houseNumber: 1 });
    assert.equal(old.status, 404);
  });
});

describe('the console searches through the PDOK Locatieserver (GEOCODER=pdok, against its simulator)', () => {
  let t: TestSystem;
  let pdok: LocatieserverSimulator;
  let client: PortalClient;
  before(async () => {
    pdok = await startLocatieserverSimulator();
    t = await startTestSystem({ GEOCODER: 'pdok', PDOK_URL: pdok.baseUrl });
    client = await consoleClient(t);
  });
  after(async () => {
    await t?.stop();
    await pdok?.close();
  });

  test('a street with house number offers the addresses; the one picked is placed exactly', async () => {
    const found = await search(client, 'Oudegracht 150');
    assert.equal(found.status, 200, JSON.stringify(found.body));
    assert.deepEqual(
      found.body.suggestions.map((s: { label: string }) => s.label),
      ['adres Oudegracht 150, 3511AZ Utrecht', 'adres Oudegracht 150A, 3511AZ Utrecht'],
    );
    const place = await pick(client, found.body.suggestions[0].id);
    assert.deepEqual(place.body, {
      id: 'adr-0b3f8e2d6c1a4b5e9f7d8c6b5a4e3d21',
      kind: 'address',
      label: 'adres Oudegracht 150, 3511AZ Utrecht',
      lat: 52.08977915,
      lon: 5.11907104,
      extent: null,
    });
    const asked = pdok.requests.map((r) => r.pathname.split('/').at(-1));
    assert.deepEqual(asked.slice(-2), ['suggest', 'lookup']);
  });

  test('a place name offers the gemeente and the woonplaats, each said for what it is', async () => {
    const found = await search(client, 'Hengelo');
    assert.deepEqual(
      found.body.suggestions.map((s: { label: string }) => s.label),
      ['woonplaats Hengelo, Bronckhorst, Gelderland (midden)', 'woonplaats Hengelo, Hengelo, Overijssel (midden)'],
    );
  });

  test('nothing found is a Dutch problem, and a Locatieserver that is down says the search is unavailable', async () => {
    const unknown = await search(client, 'Atlantis');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.code, 'place.not-found');
    pdok.behave('error-503');
    try {
      const down = await search(client, 'Utrecht');
      assert.equal(down.status, 503);
      assert.equal(down.body.code, 'place.search-unavailable');
      assert.equal(down.body.title, 'De zoekdienst voor adressen en plaatsen is tijdelijk niet bereikbaar');
      assert.match(down.body.reason, /HTTP 503/);
    } finally {
      pdok.behave('healthy');
    }
  });
});
