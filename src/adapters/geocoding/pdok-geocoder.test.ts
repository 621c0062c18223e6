import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, it } from 'node:test';
import type { Address } from '../../domain/participant/registration.js';
import { createPdokGeocoder } from './pdok-geocoder.js';

const PREFIX = '/bzk/locatieserver/search/v3_1';

/** One BAG address as the Locatieserver returns it for `fl` with the fields the geocoder asks for. */
function adres(huisletter: string | null, toevoeging: string | null, lon: number, lat: number, id: string) {
  const nummer = `150${huisletter ?? ''}${toevoeging === null ? '' : `-${toevoeging}`}`;
  return {
    id: `adr-${id}`,
    weergavenaam: `Oudegracht ${nummer}, 3511AZ Utrecht`,
    type: 'adres',
    straatnaam: 'Oudegracht',
    huisnummer: 150,
    ...(huisletter === null ? {} : { huisletter }),
    ...(toevoeging === null ? {} : { huisnummertoevoeging: toevoeging }),
    postcode: '3511AZ',
    woonplaatsnaam: 'Utrecht',
    gemeentecode: '0344',
    gemeentenaam: 'Utrecht',
    centroide_ll: `POINT(${lon} ${lat})`,
  };
}

/** A building with units: the plain number is not the first document, as Solr's order is not guaranteed. */
const OUDEGRACHT_150 = {
  response: {
    numFound: 4,
    start: 0,
    maxScore: 11.2,
    numFoundExact: true,
    docs: [
      adres('A', null, 5.11912311, 52.08981203, '5d1c0e7a1b8e4f0fa1e3c0d1b2a39f41'),
      adres(null, '1', 5.11909752, 52.08979488, '7e6f1a0b9c2d4e3f8a7b6c5d4e3f2a10'),
      adres(null, null, 5.11907104, 52.08977915, '0b3f8e2d6c1a4b5e9f7d8c6b5a4e3d21'),
      adres('A', '2', 5.11912311, 52.08981203, '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c43'),
    ],
  },
};

const NOTHING = { response: { numFound: 0, start: 0, maxScore: 0, numFoundExact: true, docs: [] } };

interface FakePdok {
  readonly baseUrl: string;
  readonly requests: URL[];
  close(): Promise<void>;
}

/** A loopback HTTP server standing in for PDOK; `answer` decides each response. */
async function startFakePdok(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<FakePdok> {
  const requests: URL[] = [];
  const server = createServer((req, res) => {
    requests.push(new URL(req.url ?? '/', 'http://localhost'));
    answer(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error('expected a TCP address');
  return {
    baseUrl: `http://127.0.0.1:${bound.port}${PREFIX}`,
    requests,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

const json =
  (body: unknown, status = 200) =>
  (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify(body));
  };

const address = (houseNumberAddition: string | null, postcode = '3511 az'): Address => ({
  postcode,
  houseNumber: 150,
  houseNumberAddition,
});

describe('createPdokGeocoder', () => {
  it('asks the free endpoint for the address and reads the plain number from the answer', async (t) => {
    const pdok = await startFakePdok(json(OUDEGRACHT_150));
    t.after(() => pdok.close());
    const geocoder = createPdokGeocoder({ baseUrl: `${pdok.baseUrl}/`, timeoutMs: 2_000 });

    const outcome = await geocoder.geocode(address(null));

    assert.equal(pdok.requests.length, 1);
    const request = pdok.requests[0];
    assert.equal(request?.pathname, `${PREFIX}/free`);
    assert.equal(request?.searchParams.get('q'), 'postcode:3511AZ and huisnummer:150');
    assert.equal(request?.searchParams.get('fq'), 'type:adres');
    assert.equal(request?.searchParams.get('rows'), '5');
    assert.deepEqual(request?.searchParams.get('fl')?.split(',').sort(), [
      'centroide_ll',
      'gemeentecode',
      'gemeentenaam',
      'huisletter',
      'huisnummer',
      'huisnummertoevoeging',
      'id',
      'postcode',
      'straatnaam',
      'type',
      'weergavenaam',
      'woonplaatsnaam',
    ]);
    assert.deepEqual(outcome, {
      kind: 'found',
      result: {
        address: { postcode: '3511AZ', houseNumber: 150, houseNumberAddition: null },
        street: 'Oudegracht',
        city: 'Utrecht',
        location: { lat: 52.08977915, lon: 5.11907104 },
        gemeenteCode: 'GM0344',
      },
    });
  });

  it('picks the unit whose letter and suffix match the addition', async (t) => {
    const pdok = await startFakePdok(json(OUDEGRACHT_150));
    t.after(() => pdok.close());
    const geocoder = createPdokGeocoder({ baseUrl: pdok.baseUrl, timeoutMs: 2_000 });

    const cases: Array<[string, string, number]> = [
      ['a', 'A', 52.08981203],
      ['1', '1', 52.08979488],
      ['-1', '1', 52.08979488],
      ['A-2', 'A-2', 52.08981203],
      ['a 2', 'A-2', 52.08981203],
    ];
    for (const [given, bag, lat] of cases) {
      const outcome = await geocoder.geocode(address(given));
      assert.equal(outcome.kind, 'found', given);
      if (outcome.kind !== 'found') continue;
      assert.equal(outcome.result.address.houseNumberAddition, bag, given);
      assert.equal(outcome.result.location.lat, lat, given);
    }
    assert.equal(pdok.requests[0]?.searchParams.get('rows'), '100');
    assert.deepEqual(await geocoder.geocode(address('B')), { kind: 'not-found' });
  });

  it('reports not-found when PDOK has no such address, or the postcode is malformed', async (t) => {
    const pdok = await startFakePdok(json(NOTHING));
    t.after(() => pdok.close());
    const geocoder = createPdokGeocoder({ baseUrl: pdok.baseUrl, timeoutMs: 2_000 });

    assert.deepEqual(await geocoder.geocode(address(null, '9999ZZ')), { kind: 'not-found' });
    assert.deepEqual(await geocoder.geocode(address(null, 'AB1234')), { kind: 'not-found' });
    assert.equal(pdok.requests.length, 1, 'a malformed postcode is not sent to PDOK');
  });

  it('reports unavailable on HTTP 503', async (t) => {
    const pdok = await startFakePdok((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end('<html><body>Service Unavailable</body></html>');
    });
    t.after(() => pdok.close());
    const outcome = await createPdokGeocoder({ baseUrl: pdok.baseUrl, timeoutMs: 2_000 }).geocode(address(null));
    assert.equal(outcome.kind, 'unavailable');
    assert.match(outcome.kind === 'unavailable' ? outcome.reason : '', /HTTP 503/);
  });

  it('reports unavailable when PDOK does not answer in time', async (t) => {
    const pdok = await startFakePdok(() => {
      // never answers
    });
    t.after(() => pdok.close());
    const started = performance.now();
    const outcome = await createPdokGeocoder({ baseUrl: pdok.baseUrl, timeoutMs: 150 }).geocode(address(null));
    assert.equal(outcome.kind, 'unavailable');
    assert.match(outcome.kind === 'unavailable' ? outcome.reason : '', /niet binnen 150 ms/);
    assert.ok(performance.now() - started < 2_000);
  });

  it('reports unavailable when the body is not what PDOK sends', async (t) => {
    const bodies: unknown[] = [
      { docs: [] },
      { response: { numFound: 1, docs: [{ ...OUDEGRACHT_150.response.docs[2], centroide_ll: 'POINT EMPTY' }] } },
      { response: { numFound: 1, docs: [{ ...OUDEGRACHT_150.response.docs[2], huisnummer: '150' }] } },
    ];
    let next = 0;
    const pdok = await startFakePdok((req, res) => {
      if (next === bodies.length) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"response": {"numFound": 1, "docs": [');
        return;
      }
      json(bodies[next++])(req, res);
    });
    t.after(() => pdok.close());
    const geocoder = createPdokGeocoder({ baseUrl: pdok.baseUrl, timeoutMs: 2_000 });
    for (let i = 0; i <= bodies.length; i++) {
      const outcome = await geocoder.geocode(address(null));
      assert.equal(outcome.kind, 'unavailable', `body ${i}`);
      assert.match(outcome.kind === 'unavailable' ? outcome.reason : '', /PDOK Locatieserver (gaf|stuurde)/);
    }
  });

  it('reports unavailable when nothing listens', async () => {
    const pdok = await startFakePdok(json(NOTHING));
    await pdok.close();
    const outcome = await createPdokGeocoder({ baseUrl: pdok.baseUrl, timeoutMs: 2_000 }).geocode(address(null));
    assert.equal(outcome.kind, 'unavailable');
    assert.match(outcome.kind === 'unavailable' ? outcome.reason : '', /niet bereikbaar/);
  });
});
