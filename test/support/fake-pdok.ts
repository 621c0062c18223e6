import { once } from 'node:events';
import { createServer } from 'node:http';

/** A BAG address the fake Locatieserver knows. */
export interface FakeAddress {
  readonly postcode: string;
  readonly houseNumber: number;
  readonly street: string;
  readonly city: string;
  readonly gemeenteCode: string;
  readonly lat: number;
  readonly lon: number;
}

export interface FakePdok {
  /** For PDOK_URL (GEOCODER=pdok). */
  readonly baseUrl: string;
  close(): Promise<void>;
}

const PREFIX = '/bzk/locatieserver/search/v3_1';

/**
 * A loopback HTTP server standing in for PDOK's Locatieserver (`/free`, the query the PDOK geocoder sends): it
 * knows the given addresses and answers "nothing found" for any other.
 */
export async function startFakePdok(addresses: readonly FakeAddress[]): Promise<FakePdok> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const q = /postcode:(\w+) and huisnummer:(\d+)/.exec(url.searchParams.get('q') ?? '');
    const docs = addresses
      .filter((a) => url.pathname === `${PREFIX}/free` && a.postcode === q?.[1] && String(a.houseNumber) === q[2])
      .map((a, i) => ({
        id: `adr-${a.postcode}-${a.houseNumber}-${i}`,
        type: 'adres',
        weergavenaam: `${a.street} ${a.houseNumber}, ${a.postcode} ${a.city}`,
        straatnaam: a.street,
        huisnummer: a.houseNumber,
        postcode: a.postcode,
        woonplaatsnaam: a.city,
        gemeentecode: a.gemeenteCode.replace(/^GM/, ''),
        gemeentenaam: a.city,
        centroide_ll: `POINT(${a.lon} ${a.lat})`,
      }));
    res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(JSON.stringify({ response: { numFound: docs.length, start: 0, numFoundExact: true, docs } }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error('expected a TCP address');
  return {
    baseUrl: `http://127.0.0.1:${bound.port}${PREFIX}`,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** Around the Damrak in Amsterdam: Damrak 1, a house 250 m away and one 1.5 km away. */
export const DAMRAK: Record<'damrak' | 'near' | 'far' | 'utrecht', FakeAddress> = {
  damrak: {
    postcode: '1012LG',
    houseNumber: 1,
    street: 'Damrak',
    city: 'Amsterdam',
    gemeenteCode: 'GM0363',
    lat: 52.3772,
    lon: 4.8966,
  },
  near: {
    postcode: '1012AB',
    houseNumber: 11,
    street: 'Nieuwendijk',
    city: 'Amsterdam',
    gemeenteCode: 'GM0363',
    lat: 52.3755,
    lon: 4.8942,
  },
  far: {
    postcode: '1013AA',
    houseNumber: 12,
    street: 'Haarlemmerweg',
    city: 'Amsterdam',
    gemeenteCode: 'GM0363',
    lat: 52.3862,
    lon: 4.8772,
  },
  utrecht: {
    postcode: '3511AB',
    houseNumber: 5,
    street: 'Oudegracht',
    city: 'Utrecht',
    gemeenteCode: 'GM0344',
    lat: 52.0907,
    lon: 5.1214,
  },
};
