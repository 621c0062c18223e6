import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The ways the simulated Locatieserver fails, switchable while it runs. */
export type LocatieserverFault = 'down' | 'error-503' | 'slow' | 'malformed';
export type LocatieserverBehaviour = 'healthy' | LocatieserverFault;

/** One document of the Locatieserver's index, with the fields the simulator serves (all strings but huisnummer). */
export interface LocatieserverDocument {
  readonly id: string;
  readonly type: 'provincie' | 'gemeente' | 'woonplaats' | 'weg' | 'postcode' | 'adres';
  readonly weergavenaam: string;
  /** WKT, longitude first. */
  readonly centroide_ll: string;
  readonly [field: string]: string | number;
}

export interface LocatieserverSimulatorOptions {
  readonly documents?: readonly LocatieserverDocument[];
  readonly host?: string;
  /** How long `slow` holds an answer: longer than the client's timeout. */
  readonly slowMs?: number;
}

export interface LocatieserverSimulator {
  /** Up to and including the version, as PDOK_URL takes it. */
  readonly baseUrl: string;
  /** Every request that arrived, in order. */
  readonly requests: readonly URL[];
  behave(behaviour: LocatieserverBehaviour): void;
  close(): Promise<void>;
}

export const LOCATIESERVER_PATH = '/bzk/locatieserver/search/v3_1';

/**
 * The query parameters v3.1 accepts per endpoint; it refuses any other, as the real service does since 3.1 (see
 * github.com/PDOK/locatieserver, release notes 3.1).
 */
const PARAMETERS = {
  suggest: new Set(['q', 'fq', 'fl', 'rows', 'start', 'sort', 'df', 'bq', 'qf', 'lat', 'lon', 'wt']),
  lookup: new Set(['id', 'fl', 'wt']),
} as const;
const SUGGEST_FIELDS = ['id', 'weergavenaam', 'type', 'score'];
/** The default boosts put bigger areas first; the simulator orders by type the same way. */
const TYPE_ORDER = ['provincie', 'gemeente', 'woonplaats', 'weg', 'postcode', 'adres'];

const point = (lon: number, lat: number) => `POINT(${lon} ${lat})`;

/** A few real places in Utrecht, Amsterdam and the two Hengelos, shaped like the Locatieserver's documents. */
export const SIMULATED_LOCATIESERVER_DOCUMENTS: readonly LocatieserverDocument[] = [
  { id: 'pv-26', type: 'provincie', weergavenaam: 'Provincie Utrecht', centroide_ll: point(5.19, 52.08) },
  {
    id: 'gem-0344',
    type: 'gemeente',
    weergavenaam: 'Gemeente Utrecht',
    gemeentecode: '0344',
    gemeentenaam: 'Utrecht',
    centroide_ll: point(5.07475, 52.09113),
  },
  {
    id: 'wpl-3295',
    type: 'woonplaats',
    weergavenaam: 'Utrecht, Utrecht, Utrecht',
    woonplaatsnaam: 'Utrecht',
    gemeentenaam: 'Utrecht',
    centroide_ll: point(5.10448, 52.09092),
  },
  {
    id: 'weg-8bd4b1c3f5a2e6d7c9b0a1f2e3d4c5b6',
    type: 'weg',
    weergavenaam: 'Oudegracht, Utrecht',
    straatnaam: 'Oudegracht',
    woonplaatsnaam: 'Utrecht',
    centroide_ll: point(5.12011, 52.08926),
  },
  {
    id: 'pcd-0e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b',
    type: 'postcode',
    weergavenaam: 'Oudegracht, 3511AZ Utrecht',
    postcode: '3511AZ',
    woonplaatsnaam: 'Utrecht',
    centroide_ll: point(5.11898, 52.08985),
  },
  {
    id: 'adr-0b3f8e2d6c1a4b5e9f7d8c6b5a4e3d21',
    type: 'adres',
    weergavenaam: 'Oudegracht 150, 3511AZ Utrecht',
    straatnaam: 'Oudegracht',
    huisnummer: 150,
    postcode: '3511AZ',
    woonplaatsnaam: 'Utrecht',
    centroide_ll: point(5.11907104, 52.08977915),
  },
  {
    id: 'adr-5d1c0e7a1b8e4f0fa1e3c0d1b2a39f41',
    type: 'adres',
    weergavenaam: 'Oudegracht 150A, 3511AZ Utrecht',
    straatnaam: 'Oudegracht',
    huisnummer: 150,
    huisletter: 'A',
    postcode: '3511AZ',
    woonplaatsnaam: 'Utrecht',
    centroide_ll: point(5.11912311, 52.08981203),
  },
  {
    id: 'wpl-3594',
    type: 'woonplaats',
    weergavenaam: 'Amsterdam, Amsterdam, Noord-Holland',
    woonplaatsnaam: 'Amsterdam',
    gemeentenaam: 'Amsterdam',
    centroide_ll: point(4.89707, 52.3774),
  },
  {
    id: 'adr-1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f',
    type: 'adres',
    weergavenaam: 'Dam 1, 1012JS Amsterdam',
    straatnaam: 'Dam',
    huisnummer: 1,
    postcode: '1012JS',
    woonplaatsnaam: 'Amsterdam',
    centroide_ll: point(4.89236, 52.37316),
  },
  {
    id: 'wpl-1773',
    type: 'woonplaats',
    weergavenaam: 'Hengelo, Hengelo, Overijssel',
    woonplaatsnaam: 'Hengelo',
    gemeentenaam: 'Hengelo',
    centroide_ll: point(6.79366, 52.26571),
  },
  {
    id: 'wpl-2543',
    type: 'woonplaats',
    weergavenaam: 'Hengelo, Bronckhorst, Gelderland',
    woonplaatsnaam: 'Hengelo',
    gemeentenaam: 'Bronckhorst',
    centroide_ll: point(6.30942, 52.05203),
  },
];

/**
 * The PDOK Locatieserver's suggest and lookup endpoints on loopback (same paths, parameters and JSON), over a small
 * fixed index: a query matches a document when each of its words starts a word of the document's name or postcode.
 */
export async function startLocatieserverSimulator(
  options: LocatieserverSimulatorOptions = {},
): Promise<LocatieserverSimulator> {
  const documents = options.documents ?? SIMULATED_LOCATIESERVER_DOCUMENTS;
  const requests: URL[] = [];
  const held = new Set<NodeJS.Timeout>();
  let behaviour: LocatieserverBehaviour = 'healthy';

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url);
    switch (behaviour) {
      case 'down':
        request.socket.destroy();
        return;
      case 'error-503':
        response.writeHead(503, { 'content-type': 'text/html' }).end('<html><body>Service Unavailable</body></html>');
        return;
      case 'slow': {
        const timer = setTimeout(() => {
          held.delete(timer);
          answer(url, response);
        }, options.slowMs ?? 10_000);
        held.add(timer);
        return;
      }
      case 'malformed':
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"response": {"numFound": 1, "docs": [');
        return;
      case 'healthy':
        answer(url, response);
    }
  });

  function answer(url: URL, response: ServerResponse): void {
    const endpoint = url.pathname.slice(LOCATIESERVER_PATH.length + 1);
    if (!url.pathname.startsWith(`${LOCATIESERVER_PATH}/`) || (endpoint !== 'suggest' && endpoint !== 'lookup')) {
      json(response, 404, { title: 'Not Found', status: 404 });
      return;
    }
    const unknown = [...url.searchParams.keys()].filter((name) => !PARAMETERS[endpoint].has(name));
    if (unknown.length > 0) {
      json(response, 400, {
        title: 'Bad Request',
        status: 400,
        detail: `unknown query parameter(s): ${unknown.join(', ')}`,
      });
      return;
    }
    const required = endpoint === 'suggest' ? 'q' : 'id';
    const value = url.searchParams.get(required);
    if (value === null || value.trim() === '') {
      json(response, 400, { title: 'Bad Request', status: 400, detail: `query parameter ${required} is required` });
      return;
    }
    if (endpoint === 'lookup') {
      const doc = documents.find((d) => d.id === value);
      json(response, 200, envelope(doc ? [pick(doc, fieldsOf(url, null))] : []));
      return;
    }
    const types = typesOf(url.searchParams.get('fq'));
    const words = wordsOf(value);
    const rows = Number(url.searchParams.get('rows') ?? '10');
    const found = documents
      .filter(
        (d) =>
          (types === null || types.has(d.type)) &&
          words.every((w) => wordsOf(searchText(d)).some((dw) => dw.startsWith(w))),
      )
      .sort(
        (a, b) =>
          TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type) || a.weergavenaam.localeCompare(b.weergavenaam),
      );
    const docs = found
      .slice(0, rows)
      .map((d, i) => ({ ...pick(d, fieldsOf(url, SUGGEST_FIELDS)), ...scoreOf(url, found.length - i) }));
    json(response, 200, {
      ...envelope(docs, found.length),
      highlighting: Object.fromEntries(
        found.slice(0, rows).map((d) => [d.id, { suggest: [highlight(d.weergavenaam, words)] }]),
      ),
      spellcheck: { suggestions: [], collations: [] },
    });
  }

  server.listen(0, options.host ?? '127.0.0.1');
  await once(server, 'listening');
  const { address, port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${address}:${port}${LOCATIESERVER_PATH}`,
    requests,
    behave(next) {
      behaviour = next;
    },
    async close() {
      for (const timer of held) clearTimeout(timer);
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function envelope(docs: readonly object[], numFound = docs.length) {
  return { response: { numFound, start: 0, maxScore: docs.length > 0 ? 10 : 0, numFoundExact: true, docs } };
}

/** The fields `fl` asks for; all when it is absent, or the endpoint's own default. */
function fieldsOf(url: URL, fallback: readonly string[] | null): readonly string[] | null {
  const fl = url.searchParams.get('fl');
  return fl === null ? fallback : fl.split(',').map((f) => f.trim());
}

function pick(doc: LocatieserverDocument, fields: readonly string[] | null): Record<string, string | number> {
  return fields === null ? { ...doc } : Object.fromEntries(fields.flatMap((f) => (f in doc ? [[f, doc[f]!]] : [])));
}

const scoreOf = (url: URL, score: number) => (fieldsOf(url, SUGGEST_FIELDS)?.includes('score') ? { score } : {});

/** `type:(a OR b)` or `type:a`; null: no type filter. */
function typesOf(fq: string | null): Set<string> | null {
  const match = /^type:\(?([a-z]+(?:\s+OR\s+[a-z]+)*)\)?$/.exec(fq?.trim() ?? '');
  return match ? new Set(match[1]!.split(/\s+OR\s+/)) : null;
}

/** The name, and the postcode both as one word and as two ("3511AZ", "3511 AZ"). */
function searchText(doc: LocatieserverDocument): string {
  const postcode = typeof doc.postcode === 'string' ? doc.postcode : '';
  return `${doc.weergavenaam} ${postcode} ${postcode.slice(0, 4)} ${postcode.slice(4)}`;
}
const wordsOf = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function highlight(name: string, words: readonly string[]): string {
  return name.replace(/[A-Za-z0-9]+/g, (word) =>
    words.some((w) => word.toLowerCase().startsWith(w)) ? `<b>${word}</b>` : word,
  );
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' }).end(JSON.stringify(body));
}
