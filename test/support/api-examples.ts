import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { latLngToCell } from 'h3-js';
import { urlOf, type Operation } from './openapi-operations.js';
import { exampleOf, OMIT, type Hint } from './schema-example.js';

/** The objects requests name in their paths and bodies, made by a test before it sends one to every operation. */
export interface ApiObjects {
  /** Two actions: one still a concept, one started (and public, for the app). */
  readonly concept: string;
  readonly active: string;
  readonly participant: string;
  readonly registration: string;
  /** A tip to the active action, with a callback number. */
  readonly tip: string;
  /** A template of the staff's own organisation, and a national buurtonderzoek template. */
  readonly template: string;
  readonly nationalTemplate: string;
  readonly mail: string;
  readonly staff: string;
  readonly campaign: string;
  readonly importJob: string;
  readonly subscription: { readonly id: string; readonly deviceToken: string };
  /** A small JPEG, for an upload. */
  readonly photo: Uint8Array;
  /** Where the objects are: an address and a point in one gemeente, in the region of one meldkamer. */
  readonly place: {
    readonly postcode: string;
    readonly centre: { readonly lat: number; readonly lon: number };
    readonly gemeenteCode: string;
    readonly meldkamerCode: string;
  };
}

function rank(op: Operation): number {
  if (op.method === 'DELETE') return 3;
  if (/\/(close|withdraw|stop|send|commit|take-over)$/.test(op.path)) return 2;
  return op.method === 'GET' ? 0 : 1;
}

/**
 * Reads first, then changes, then what ends an object (closing, sending, committing), then deletions, the more
 * specific first (a registration before its participant): each operation still finds the objects it names.
 */
export function inSafeOrder(operations: readonly Operation[]): Operation[] {
  return [...operations].sort((a, b) => rank(a) - rank(b) || (rank(a) === 3 ? b.path.length - a.path.length : 0));
}

/** The value of a path parameter: the id of the object of its kind, a random id for one that has none. */
export function pathValue(op: Operation, name: string, f: ApiObjects): string {
  if (name === 'registrationId') return f.registration;
  if (name === 'tipId') return f.tip;
  if (name === 'code') return op.path.startsWith('/api/v1/meldkamers/') ? f.place.meldkamerCode : f.place.gemeenteCode;
  if (name === 'type') return 'inbraak';
  if (name !== 'id') return randomUUID();
  const collection = op.path.slice(0, op.path.lastIndexOf('/{id}'));
  switch (collection) {
    case '/api/v1/actions':
      return /^\/api\/v1\/actions\/\{id\}(\/start|\/approval)?$/.test(op.path) && op.method !== 'GET'
        ? f.concept
        : f.active;
    case '/app/v1/actions':
      return f.active;
    case '/api/v1/participants':
    case '/api/v1/relatiebeheer/participants':
      return f.participant;
    case '/api/v1/mails':
      return f.mail;
    case '/api/v1/mail-templates':
      return f.template;
    case '/api/v1/staff':
      return f.staff;
    case '/api/v1/relatiebeheer/imports':
      return f.importJob;
    case '/api/v1/dashboard/gemeenten/{code}/campaigns':
      return f.campaign;
    case '/app/v1/push/subscriptions':
      return f.subscription.id;
    default:
      return randomUUID();
  }
}

/** Values a schema cannot make up: the ids of real objects, a phone number, an address, a closed ring. */
function hintFor(op: Operation, f: ApiObjects): Hint {
  const keys = createECDH('prime256v1');
  const p256dh = keys.generateKeys().toString('base64url');
  return (name, schema, path) => {
    // The actions are inbraken, and the first result ('gevonden') is for missing persons.
    if (name === 'result') return 'aangehouden';
    if (schema.enum !== undefined) return undefined;
    switch (name) {
      case 'phone':
        return '0612345678';
      case 'postcode':
        return f.place.postcode;
      case 'houseNumber':
        // Changing a registration moves it to another address: the same one is a duplicate.
        return op.method === 'PUT' ? 2 : 1;
      case 'version':
        return 1;
      case 'houseNumberAddition':
      case 'sendAt':
      case 'plaats':
        return OMIT;
      case 'subject':
      case 'body':
        // A mail takes its template's subject and text unless it names its own.
        return op.path.startsWith('/api/v1/mails') ? OMIT : undefined;
      case 'public':
        return true;
      case 'replyTo':
        return 'antwoord@example.nl';
      case 'gemeenteCode':
        return op.path.startsWith('/api/v1/staff') ? OMIT : f.place.gemeenteCode;
      case 'meldkamerCode':
        return f.place.meldkamerCode;
      case 'coordinates':
        return [square(f.place.centre)];
      case 'centre':
        return f.place.centre;
      case 'radiusMetres':
        return 300;
      case 'templateId':
        return f.nationalTemplate;
      case 'actionId':
        return f.active;
      case 'cell':
        return latLngToCell(f.place.centre.lat, f.place.centre.lon, 7);
      case 'endpoint':
        return `https://fcm.googleapis.com/fcm/send/test-${randomUUID()}`;
      case 'p256dh':
        return p256dh;
      case 'auth':
        return randomBytes(16).toString('base64url');
      case 'purpose':
        return 'Controle bij een test van de API';
      case 'email':
        return `test-${randomUUID().slice(0, 8)}@example.nl`;
      case 'startsOn':
        return '2026-01-01';
      case 'endsOn':
        return '2026-02-01';
      case 'datum':
        return '2026-06-01';
      case 'tijd':
        return '12:00';
      case 'from':
      case 'to': {
        const from = name === 'from';
        if (schema.pattern?.includes(':')) return from ? '08:00' : '17:00';
        if (schema.format === 'date') return from ? '2025-01-01' : '2026-01-01';
        if (schema.format === 'date-time') return from ? '2025-01-01T00:00:00Z' : '2030-01-01T00:00:00Z';
        const pc4 = Number(f.place.postcode.slice(0, 4));
        if (path.includes('ranges')) return String(from ? pc4 : pc4 + 1);
        return undefined;
      }
      default:
        return undefined;
    }
  };
}

/** A closed ring (GeoJSON: [lon, lat]) of about a kilometre around a point. */
function square(centre: { readonly lat: number; readonly lon: number }): number[][] {
  const { lat, lon } = centre;
  return [
    [lon - 0.01, lat - 0.006],
    [lon + 0.01, lat - 0.006],
    [lon + 0.01, lat + 0.006],
    [lon - 0.01, lat + 0.006],
    [lon - 0.01, lat - 0.006],
  ];
}

/** A valid-ish JSON body for the operation, naming these objects; undefined if it takes no JSON. */
export function exampleBody(op: Operation, objects: ApiObjects): unknown {
  return op.body === null ? undefined : exampleOf(op.body, hintFor(op, objects));
}

/** The operation's required query parameters, valid-ish (not yet percent-encoded). */
export function exampleQuery(op: Operation, objects: ApiObjects): [string, string][] {
  const hint = hintFor(op, objects);
  const query = op.queryParams
    .filter((p) => p.required)
    .map((p) => [p.name, exampleOf(p.schema, hint, [p.name])] as const)
    .filter((entry): entry is readonly [string, string | number | boolean] => entry[1] !== OMIT)
    .map(([name, value]): [string, string] => [name, String(value)]);
  // An import is only ever checked: a committed one would store participants while the test runs.
  if (UPLOADS[`${op.method} ${op.path}`] === 'csv') query.push(['dryRun', 'true']);
  return query;
}

/** Operations that take a file instead of JSON: their form fields and file part, or a CSV body. */
export type Upload = { readonly fields: Readonly<Record<string, string>>; readonly file: string } | 'csv';

export const UPLOADS: Readonly<Record<string, Upload>> = {
  'POST /app/v1/actions/{id}/tips': { fields: { text: 'Ik zag iemand rennen.', phone: '0612345678' }, file: 'photo' },
  'PUT /api/v1/actions/{id}/photo': { fields: {}, file: 'photo' },
  'POST /api/v1/relatiebeheer/imports': 'csv',
};

/** An import file of one participant at the objects' address. */
export function exampleCsv(objects: Pick<ApiObjects, 'place'>): string {
  return `naam;postcode;huisnummer;telefoon\r\nFenna Import;${objects.place.postcode};2;0612345679\r\n`;
}

export interface FileToSend {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
}

/** A multipart/form-data request with these fields and, under `field`, this file. */
export function formInit(
  method: string,
  headers: Record<string, string>,
  fields: Readonly<Record<string, string>>,
  file: { readonly field: string; readonly file: FileToSend } | null,
): RequestInit {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  if (file !== null) data.set(file.field, new Blob([file.file.bytes], { type: file.file.type }), file.file.name);
  return { method, headers, body: data };
}

/**
 * The operation's valid-ish request: the objects' ids in the path, the required query, a body the schema accepts
 * (with `choices` for the body's top-level fields it has, where the test wants another valid value).
 */
export function exampleRequest(
  op: Operation,
  objects: ApiObjects,
  headers: Record<string, string>,
  choices: Readonly<Record<string, unknown>> = {},
): { readonly url: string; readonly init: RequestInit } {
  const pathValues = Object.fromEntries(
    op.pathParams.map((p) => [p.name, encodeURIComponent(pathValue(op, p.name, objects))]),
  );
  const query = exampleQuery(op, objects).map(([k, v]): [string, string] => [k, encodeURIComponent(v)]);
  const url = urlOf(op, pathValues, query);
  const upload = UPLOADS[`${op.method} ${op.path}`];
  if (upload === 'csv')
    return {
      url,
      init: { method: op.method, headers: { ...headers, 'content-type': 'text/csv' }, body: exampleCsv(objects) },
    };
  if (upload !== undefined) {
    const photo = { name: 'foto.jpg', type: 'image/jpeg', bytes: objects.photo };
    return { url, init: formInit(op.method, headers, upload.fields, { field: upload.file, file: photo }) };
  }
  const example = exampleBody(op, objects);
  if (example === undefined) return { url, init: { method: op.method, headers } };
  const chosen = Object.entries(choices).filter(([key]) => op.body?.properties?.[key] !== undefined);
  const body = { ...(example as Record<string, unknown>), ...Object.fromEntries(chosen) };
  const json = { ...headers, 'content-type': 'application/json' };
  return { url, init: { method: op.method, headers: json, body: JSON.stringify(body) } };
}
