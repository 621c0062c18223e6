import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  LOCATIESERVER_PATH,
  startLocatieserverSimulator,
  type LocatieserverSimulator,
} from './locatieserver-simulator.js';
import { createPdokPlaceSearch } from './pdok-place-search.js';

describe('the place search through the PDOK Locatieserver (against its simulator)', () => {
  let pdok: LocatieserverSimulator;
  before(async () => {
    pdok = await startLocatieserverSimulator({ slowMs: 2_000 });
  });
  after(() => pdok.close());
  beforeEach(() => pdok.behave('healthy'));

  it('asks suggest for the candidates of the kinds the console can place, and names them', async () => {
    const search = createPdokPlaceSearch({ baseUrl: `${pdok.baseUrl}/`, timeoutMs: 1_000 });
    const outcome = await search.suggest('Utrecht', 8);

    const request = pdok.requests.at(-1)!;
    assert.equal(request.pathname, `${LOCATIESERVER_PATH}/suggest`);
    assert.equal(request.searchParams.get('q'), 'Utrecht');
    assert.equal(request.searchParams.get('fq'), 'type:(adres OR postcode OR weg OR woonplaats OR gemeente)');
    assert.equal(request.searchParams.get('rows'), '8');
    assert.equal(outcome.kind, 'suggestions');
    assert.deepEqual(outcome.kind === 'suggestions' ? outcome.suggestions : [], [
      { id: 'gem-0344', kind: 'gemeente', name: 'Utrecht', city: null },
      { id: 'wpl-3295', kind: 'woonplaats', name: 'Utrecht, Utrecht, Utrecht', city: null },
      { id: 'weg-8bd4b1c3f5a2e6d7c9b0a1f2e3d4c5b6', kind: 'street', name: 'Oudegracht, Utrecht', city: null },
      { id: 'pcd-0e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b', kind: 'postcode', name: 'Oudegracht, 3511AZ Utrecht', city: null },
      {
        id: 'adr-0b3f8e2d6c1a4b5e9f7d8c6b5a4e3d21',
        kind: 'address',
        name: 'Oudegracht 150, 3511AZ Utrecht',
        city: null,
      },
      {
        id: 'adr-5d1c0e7a1b8e4f0fa1e3c0d1b2a39f41',
        kind: 'address',
        name: 'Oudegracht 150A, 3511AZ Utrecht',
        city: null,
      },
    ]);
  });

  it('looks up the one picked for its centre', async () => {
    const search = createPdokPlaceSearch({ baseUrl: pdok.baseUrl, timeoutMs: 1_000 });
    const outcome = await search.lookup('adr-0b3f8e2d6c1a4b5e9f7d8c6b5a4e3d21');

    const request = pdok.requests.at(-1)!;
    assert.equal(request.pathname, `${LOCATIESERVER_PATH}/lookup`);
    assert.equal(request.searchParams.get('id'), 'adr-0b3f8e2d6c1a4b5e9f7d8c6b5a4e3d21');
    assert.deepEqual(request.searchParams.get('fl')?.split(',').sort(), ['centroide_ll', 'id', 'type', 'weergavenaam']);
    assert.deepEqual(outcome, {
      kind: 'found',
      place: {
        id: 'adr-0b3f8e2d6c1a4b5e9f7d8c6b5a4e3d21',
        kind: 'address',
        name: 'Oudegracht 150, 3511AZ Utrecht',
        city: null,
        centre: { lat: 52.08977915, lon: 5.11907104 },
        extent: null,
      },
    });
  });

  it('finds nothing for an unknown place or id, and sends no malformed id', async () => {
    const search = createPdokPlaceSearch({ baseUrl: pdok.baseUrl, timeoutMs: 1_000 });
    assert.deepEqual(await search.suggest('Atlantis', 8), { kind: 'suggestions', suggestions: [] });
    assert.deepEqual(await search.lookup('adr-ffffffffffffffffffffffffffffffff'), { kind: 'not-found' });
    const asked = pdok.requests.length;
    assert.deepEqual(await search.lookup('../free?q=x'), { kind: 'not-found' });
    assert.equal(pdok.requests.length, asked);
  });

  for (const [fault, reason] of [
    ['error-503', /HTTP 503/],
    ['slow', /niet binnen 300 ms/],
    ['malformed', /geen geldige JSON/],
    ['down', /niet bereikbaar/],
  ] as const) {
    it(`reports the search unavailable when the Locatieserver fails (${fault})`, async () => {
      pdok.behave(fault);
      const search = createPdokPlaceSearch({ baseUrl: pdok.baseUrl, timeoutMs: 300 });
      const suggested = await search.suggest('Utrecht', 8);
      assert.equal(suggested.kind, 'unavailable');
      assert.match(suggested.kind === 'unavailable' ? suggested.reason : '', reason);
      const looked = await search.lookup('wpl-3295');
      assert.equal(looked.kind, 'unavailable');
    });
  }

  it('reports the search unavailable when the answer is not shaped as the Locatieserver answers', async () => {
    const odd = await startLocatieserverSimulator({
      documents: [{ id: 'wpl-1', type: 'woonplaats', weergavenaam: 'Nergens', centroide_ll: 'POINT EMPTY' }],
    });
    try {
      const outcome = await createPdokPlaceSearch({ baseUrl: odd.baseUrl, timeoutMs: 1_000 }).lookup('wpl-1');
      assert.equal(outcome.kind, 'unavailable');
      assert.match(outcome.kind === 'unavailable' ? outcome.reason : '', /onverwacht antwoord/);
    } finally {
      await odd.close();
    }
  });

  it('is a Locatieserver that refuses parameters v3.1 does not know and requires q and id', async () => {
    const status = async (path: string) => (await fetch(`${pdok.baseUrl}${path}`)).status;
    assert.equal(await status('/suggest?q=Utrecht&fq=type:woonplaats'), 200);
    assert.equal(await status('/suggest?q=Utrecht&foo=bar'), 400);
    assert.equal(await status('/suggest?fq=type:woonplaats'), 400);
    assert.equal(await status('/lookup?q=Utrecht'), 400);
  });
});
