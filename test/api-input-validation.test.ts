import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nl } from '../src/domain/messages/nl.js';
import { registerParticipant, type RegisteredParticipant } from './support/participants.js';
import {
  eventually,
  startTestSystem,
  type ApiClient,
  type ApiResponse,
  type TestSystem,
} from './support/test-system.js';

/** Every table a request could write to: a refused request must leave all of them as they were. */
const TABLES = [
  'actions',
  'action_messages',
  'targeting_runs',
  'deliveries',
  'participants',
  'registrations',
  'audit_log',
] as const;

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const DAM = { lat: 52.3731, lon: 4.8926 };
const PARIS = { lat: 48.8566, lon: 2.3522 };
const circle = (radiusMetres: number, centre: unknown = DAM) => ({ kind: 'circle', centre, radiusMetres });
const polygon = (coordinates: unknown, type = 'Polygon') => ({ kind: 'polygon', polygon: { type, coordinates } });
const SQUARE = [
  [
    [4.88, 52.36],
    [4.9, 52.36],
    [4.9, 52.38],
    [4.88, 52.38],
    [4.88, 52.36],
  ],
];
const draft = { type: 'diefstal', message: 'Gestolen: rode bakfiets met blauwe huif.', area: circle(1000) };
const registration = { phone: '06 1234 5678', channel: 'sms' as const, postcode: '3511 AB', houseNumber: 1 };
const newParticipant = (r: Record<string, unknown> = {}) => ({
  name: 'Fenna Mulder',
  registrations: [{ ...registration, ...r }],
});

interface Fixtures {
  readonly centralist: ApiClient;
  readonly beheer: ApiClient;
  readonly raw: (path: string, init: RequestInit) => Promise<ApiResponse>;
  readonly concept: { readonly id: string; readonly version: number };
  readonly active: string;
  readonly closed: string;
  readonly participant: RegisteredParticipant;
}

interface Case {
  readonly name: string;
  readonly send: (f: Fixtures) => Promise<ApiResponse>;
  readonly status: number;
  readonly code: string;
  /** For request.invalid: the field the errors list must name (its path, or the key for an unknown field). */
  readonly field?: string;
}

/** A request with this token (unless init sets another authorization) and the body as given; read like ApiClient. */
function rawClient(t: TestSystem, token: string) {
  return async (path: string, init: RequestInit): Promise<ApiResponse> => {
    const response = await t
      .api(token)
      .raw(path, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
    const text = await response.text();
    const json = (response.headers.get('content-type') ?? '').includes('json') && text !== '';
    return { status: response.status, headers: response.headers, body: json ? JSON.parse(text) : text };
  };
}

/** Checks an answer is an RFC 9457 problem document with a Dutch title from the catalogue and a stable code. */
function assertProblem(response: ApiResponse, expected: { status: number; code: string; field?: string }): void {
  const body = response.body;
  assert.equal(response.status, expected.status, JSON.stringify(body));
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(body.status, expected.status);
  assert.equal(body.code, expected.code);
  assert.equal(body.type, `/docs/errors/${expected.code}`);
  assert.equal(body.title, nl.problems[expected.code], 'the title is the Dutch one from the catalogue');
  if (expected.code === 'request.invalid' && expected.field !== undefined) {
    assert.ok(Array.isArray(body.errors) && body.errors.length > 0, `an errors list: ${JSON.stringify(body)}`);
    for (const e of body.errors)
      assert.ok(typeof e.path === 'string' && typeof e.message === 'string' && e.message !== '');
    const names = (e: { path: string; message: string }) =>
      e.path === expected.field || e.message.includes(`"${expected.field}"`);
    assert.ok(body.errors.some(names), `an error names ${expected.field}: ${JSON.stringify(body.errors)}`);
  }
}

const cases: readonly Case[] = [
  // Creating an action: shape of the body.
  {
    name: 'an empty action body',
    send: (f) => f.centralist.post('/api/v1/actions', {}),
    status: 400,
    code: 'request.invalid',
    field: 'message',
  },
  {
    name: 'an action without an area',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: undefined }),
    status: 400,
    code: 'request.invalid',
    field: 'area',
  },
  {
    name: 'an action with a field the API does not know',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, priority: 2 }),
    status: 400,
    code: 'request.invalid',
    field: 'priority',
  },
  {
    name: 'an unknown action type',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, type: 'brand' }),
    status: 400,
    code: 'request.invalid',
    field: 'type',
  },
  {
    name: 'an action type that is a number',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, type: 3 }),
    status: 400,
    code: 'request.invalid',
    field: 'type',
  },
  {
    name: 'missingChild as a string',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, missingChild: 'ja' }),
    status: 400,
    code: 'request.invalid',
    field: 'missingChild',
  },
  {
    name: 'a latitude given as a string',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: circle(1000, { lat: '52.37', lon: 4.89 }) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/centre/lat',
  },
  {
    name: 'a latitude beyond 90 degrees',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: circle(1000, { lat: 91, lon: 4.89 }) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/centre/lat',
  },
  {
    name: 'a radius that is not a whole number of metres',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: circle(999.5) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/radiusMetres',
  },
  {
    name: 'an empty message',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, message: '' }),
    status: 400,
    code: 'request.invalid',
    field: 'message',
  },
  {
    name: 'a message of only spaces',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, message: '   ' }),
    status: 400,
    code: 'request.invalid',
    field: 'message',
  },
  {
    name: 'a message over 600 characters',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, message: 'x'.repeat(601) }),
    status: 400,
    code: 'request.invalid',
    field: 'message',
  },
  {
    name: 'a message holding a lone high surrogate',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, message: 'Gestolen \ud800 fiets' }),
    status: 400,
    code: 'request.invalid',
    field: 'message',
  },
  {
    name: 'a description holding a lone low surrogate',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, description: 'Rode jas \udc00' }),
    status: 400,
    code: 'request.invalid',
    field: 'description',
  },
  {
    name: 'a reach estimate whose draft message holds a lone surrogate',
    send: (f) =>
      f.centralist.post('/api/v1/reach-estimates', {
        area: circle(1000),
        draft: { type: 'diefstal', message: '\udbff' },
      }),
    status: 400,
    code: 'request.invalid',
    field: 'draft/message',
  },
  {
    name: 'a description over 400 characters',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, description: 'x'.repeat(401) }),
    status: 400,
    code: 'request.invalid',
    field: 'description',
  },
  {
    name: 'instructions over 400 characters',
    send: (f) =>
      f.centralist.post('/api/v1/actions', { ...draft, type: 'noodsituatie', instructions: 'x'.repeat(401) }),
    status: 400,
    code: 'request.invalid',
    field: 'instructions',
  },
  {
    name: 'a message holding a NUL character',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, message: 'Gestolen\u0000 fiets' }),
    status: 400,
    code: 'request.invalid',
    field: 'message',
  },
  {
    name: 'a malformed meldkamer code',
    send: (f) => f.beheer.post('/api/v1/actions', { ...draft, meldkamerCode: 'Amsterdam' }),
    status: 400,
    code: 'request.invalid',
    field: 'meldkamerCode',
  },
  {
    name: 'a meldkamer that does not exist',
    send: (f) => f.beheer.post('/api/v1/actions', { ...draft, meldkamerCode: 'RE99' }),
    status: 400,
    code: 'request.invalid',
    field: 'meldkamerCode',
  },

  // Creating an action: the area.
  {
    name: 'a radius of 50 m',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: circle(50) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/radiusMetres',
  },
  {
    name: 'a radius of 60 km',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: circle(60_000) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/radiusMetres',
  },
  {
    name: 'an area kind that does not exist',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: { ...circle(1000), kind: 'square' } }),
    status: 400,
    code: 'request.invalid',
    field: 'area/kind',
  },
  {
    name: 'a circle around Paris',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: circle(1000, PARIS) }),
    status: 422,
    code: 'action.invalid-area',
  },
  {
    name: 'a polygon around Paris',
    send: (f) =>
      f.centralist.post('/api/v1/actions', {
        ...draft,
        area: polygon([
          [
            [2.3, 48.8],
            [2.4, 48.8],
            [2.4, 48.9],
            [2.3, 48.8],
          ],
        ]),
      }),
    status: 422,
    code: 'action.invalid-area',
  },
  {
    name: 'a polygon ring of three positions',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: polygon([SQUARE[0]!.slice(0, 3)]) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/polygon/coordinates/0',
  },
  {
    name: 'a polygon ring of fewer than three distinct points',
    send: (f) =>
      f.centralist.post('/api/v1/actions', {
        ...draft,
        area: polygon([
          [
            [4.88, 52.36],
            [4.9, 52.36],
            [4.88, 52.36],
            [4.9, 52.36],
          ],
        ]),
      }),
    status: 422,
    code: 'action.invalid-area',
  },
  {
    name: 'a polygon without rings',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: polygon([]) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/polygon/coordinates',
  },
  {
    name: 'polygon positions not nested in a ring',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: polygon(SQUARE[0]) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/polygon/coordinates/0/0',
  },
  {
    name: 'a polygon position of three numbers',
    send: (f) =>
      f.centralist.post('/api/v1/actions', { ...draft, area: polygon([[[4.88, 52.36, 0], ...SQUARE[0]!.slice(1)]]) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/polygon/coordinates/0/0',
  },
  {
    name: 'a GeoJSON MultiPolygon',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, area: polygon([SQUARE], 'MultiPolygon') }),
    status: 400,
    code: 'request.invalid',
    field: 'area/polygon/type',
  },
  {
    name: 'a polygon spanning the whole country',
    send: (f) =>
      f.centralist.post('/api/v1/actions', {
        ...draft,
        area: polygon([
          [
            [3.5, 51],
            [7, 51],
            [7, 53.5],
            [3.5, 53.5],
            [3.5, 51],
          ],
        ]),
      }),
    status: 422,
    code: 'action.invalid-area',
  },

  // Creating an action: the rules.
  {
    name: 'a noodsituatie without instructions',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, type: 'noodsituatie' }),
    status: 422,
    code: 'action.instructions-required',
  },
  {
    name: 'a noodsituatie with blank instructions',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, type: 'noodsituatie', instructions: '  ' }),
    status: 422,
    code: 'action.instructions-required',
  },
  {
    name: 'a missing child on a theft',
    send: (f) => f.centralist.post('/api/v1/actions', { ...draft, missingChild: true }),
    status: 422,
    code: 'action.missing-child-needs-vermissing',
  },

  // Ids in paths.
  {
    name: 'an action id that is not a UUID',
    send: (f) => f.centralist.get('/api/v1/actions/BN-2026-000001'),
    status: 400,
    code: 'request.invalid',
    field: 'params/id',
  },
  {
    name: 'closing an action whose id is not a UUID',
    send: (f) => f.centralist.post('/api/v1/actions/123/close', { result: 'gevonden' }),
    status: 400,
    code: 'request.invalid',
    field: 'params/id',
  },
  {
    name: 'an action that does not exist',
    send: (f) => f.centralist.get(`/api/v1/actions/${UNKNOWN_ID}`),
    status: 404,
    code: 'action.not-found',
  },
  {
    name: 'revising an action that does not exist',
    send: (f) => f.centralist.put(`/api/v1/actions/${UNKNOWN_ID}`, draft),
    status: 404,
    code: 'action.not-found',
  },
  {
    name: 'starting an action that does not exist',
    send: (f) => f.centralist.post(`/api/v1/actions/${UNKNOWN_ID}/start`),
    status: 404,
    code: 'action.not-found',
  },
  {
    name: 'the progress of an action that does not exist',
    send: (f) => f.centralist.get(`/api/v1/actions/${UNKNOWN_ID}/progress`),
    status: 404,
    code: 'action.not-found',
  },
  {
    name: 'the progress stream of an action that does not exist',
    send: (f) => f.centralist.get(`/api/v1/actions/${UNKNOWN_ID}/progress/stream`),
    status: 404,
    code: 'action.not-found',
  },
  {
    name: 'a participant id that is not a UUID',
    send: (f) => f.beheer.get('/api/v1/participants/42?purpose=controle'),
    status: 400,
    code: 'request.invalid',
    field: 'params/id',
  },
  {
    name: 'a registration id that is not a UUID',
    send: (f) => f.beheer.delete(`/api/v1/participants/${f.participant.id}/registrations/abc`),
    status: 400,
    code: 'request.invalid',
    field: 'params/registrationId',
  },
  {
    name: 'a participant that does not exist',
    send: (f) => f.beheer.get(`/api/v1/participants/${UNKNOWN_ID}?purpose=controle`),
    status: 404,
    code: 'participant.not-found',
  },
  {
    name: 'changing a participant that does not exist',
    send: (f) => f.beheer.put(`/api/v1/participants/${UNKNOWN_ID}`, { name: 'Niemand' }),
    status: 404,
    code: 'participant.not-found',
  },
  {
    name: 'deleting a participant that does not exist',
    send: (f) => f.beheer.delete(`/api/v1/participants/${UNKNOWN_ID}`),
    status: 404,
    code: 'participant.not-found',
  },
  {
    name: 'a registration for a participant that does not exist',
    send: (f) => f.beheer.post(`/api/v1/participants/${UNKNOWN_ID}/registrations`, { ...registration, houseNumber: 2 }),
    status: 404,
    code: 'participant.not-found',
  },
  {
    name: 'changing a registration that does not exist',
    send: (f) => f.beheer.put(`/api/v1/participants/${f.participant.id}/registrations/${UNKNOWN_ID}`, registration),
    status: 404,
    code: 'participant.not-found',
  },
  {
    name: 'deleting a registration that does not exist',
    send: (f) => f.beheer.delete(`/api/v1/participants/${f.participant.id}/registrations/${UNKNOWN_ID}`),
    status: 404,
    code: 'participant.not-found',
  },

  // The other action bodies.
  {
    name: 'a revision with a version that is a string',
    send: (f) => f.centralist.put(`/api/v1/actions/${f.concept.id}`, { ...draft, version: '1' }),
    status: 400,
    code: 'request.invalid',
    field: 'version',
  },
  {
    name: 'a revision with version 0',
    send: (f) => f.centralist.put(`/api/v1/actions/${f.concept.id}`, { ...draft, version: 0 }),
    status: 400,
    code: 'request.invalid',
    field: 'version',
  },
  {
    name: 'widening without an area',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.active}/widen`, {}),
    status: 400,
    code: 'request.invalid',
    field: 'area',
  },
  {
    name: 'widening to a radius of 60 km',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.active}/widen`, { area: circle(60_000) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/radiusMetres',
  },
  {
    name: 'widening to an area around Paris',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.active}/widen`, { area: circle(2000, PARIS) }),
    status: 422,
    code: 'action.invalid-area',
  },
  {
    name: 'an update with an empty text',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.active}/updates`, { text: '' }),
    status: 400,
    code: 'request.invalid',
    field: 'text',
  },
  {
    name: 'an update over 600 characters',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.active}/updates`, { text: 'x'.repeat(601) }),
    status: 400,
    code: 'request.invalid',
    field: 'text',
  },
  {
    name: 'an update with a field the API does not know',
    send: (f) =>
      f.centralist.post(`/api/v1/actions/${f.active}/updates`, { text: 'Nog steeds vermist.', urgent: true }),
    status: 400,
    code: 'request.invalid',
    field: 'urgent',
  },
  {
    name: 'closing without a result',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.active}/close`, {}),
    status: 400,
    code: 'request.invalid',
    field: 'result',
  },
  {
    name: 'closing with an unknown result',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.active}/close`, { result: 'weggelopen' }),
    status: 400,
    code: 'request.invalid',
    field: 'result',
  },
  {
    name: 'a closing text over 400 characters',
    send: (f) =>
      f.centralist.post(`/api/v1/actions/${f.active}/close`, { result: 'gevonden', closingText: 'x'.repeat(401) }),
    status: 400,
    code: 'request.invalid',
    field: 'closingText',
  },
  {
    name: 'a withdrawal text that is a number',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.active}/withdraw`, { closingText: 5 }),
    status: 400,
    code: 'request.invalid',
    field: 'closingText',
  },
  {
    name: 'a reach estimate without an area',
    send: (f) => f.centralist.post('/api/v1/reach-estimates', {}),
    status: 400,
    code: 'request.invalid',
    field: 'area',
  },
  {
    name: 'a reach estimate of 60 km',
    send: (f) => f.centralist.post('/api/v1/reach-estimates', { area: circle(60_000) }),
    status: 400,
    code: 'request.invalid',
    field: 'area/radiusMetres',
  },
  {
    name: 'a reach estimate around Paris',
    send: (f) => f.centralist.post('/api/v1/reach-estimates', { area: circle(1000, PARIS) }),
    status: 422,
    code: 'action.invalid-area',
  },
  {
    name: 'a reach estimate for an action id that is not a UUID',
    send: (f) => f.centralist.post('/api/v1/reach-estimates', { area: circle(1000), actionId: 'abc' }),
    status: 400,
    code: 'request.invalid',
    field: 'actionId',
  },
  {
    name: 'a reach estimate for an action that does not exist',
    send: (f) => f.centralist.post('/api/v1/reach-estimates', { area: circle(1000), actionId: UNKNOWN_ID }),
    status: 404,
    code: 'action.not-found',
  },
  {
    name: 'a reach estimate with an unknown draft type',
    send: (f) =>
      f.centralist.post('/api/v1/reach-estimates', { area: circle(1000), draft: { type: 'brand', message: 'x' } }),
    status: 400,
    code: 'request.invalid',
    field: 'draft/type',
  },

  // Query parameters.
  {
    name: 'an action search with limit 0',
    send: (f) => f.centralist.get('/api/v1/actions?limit=0'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/limit',
  },
  {
    name: 'an action search with limit 1000',
    send: (f) => f.centralist.get('/api/v1/actions?limit=1000'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/limit',
  },
  {
    name: 'an action search with a limit that is not a number',
    send: (f) => f.centralist.get('/api/v1/actions?limit=veel'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/limit',
  },
  {
    name: 'an action search with a negative offset',
    send: (f) => f.centralist.get('/api/v1/actions?offset=-1'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/offset',
  },
  {
    name: 'an action search from "gisteren"',
    send: (f) => f.centralist.get('/api/v1/actions?from=gisteren'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/from',
  },
  {
    name: 'an action search to 30 February',
    send: (f) => f.centralist.get('/api/v1/actions?to=2026-02-30T00:00:00Z'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/to',
  },
  {
    name: 'an action search from a time without an offset',
    send: (f) => f.centralist.get('/api/v1/actions?from=2026-11-23T10:00:00'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/from',
  },
  {
    name: 'an action search for an unknown status',
    send: (f) => f.centralist.get('/api/v1/actions?status=open'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/status',
  },
  {
    name: 'an action search for an unknown type',
    send: (f) => f.centralist.get('/api/v1/actions?type=brand'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/type',
  },
  {
    name: 'an action search text over 100 characters',
    send: (f) => f.centralist.get(`/api/v1/actions?q=${'x'.repeat(101)}`),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/q',
  },
  {
    name: 'an action search text holding a NUL character',
    send: (f) => f.centralist.get('/api/v1/actions?q=fiets%00'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/q',
  },
  {
    name: 'an action search with a parameter the API does not know',
    send: (f) => f.centralist.get('/api/v1/actions?sort=desc'),
    status: 400,
    code: 'request.invalid',
    field: 'sort',
  },
  {
    name: 'a participant search without a purpose',
    send: (f) => f.beheer.get('/api/v1/participants?q=Fenna'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/purpose',
  },
  {
    name: 'a participant search with a purpose of two letters',
    send: (f) => f.beheer.get('/api/v1/participants?purpose=ok'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/purpose',
  },
  {
    name: 'a participant search with limit 0',
    send: (f) => f.beheer.get('/api/v1/participants?purpose=controle&limit=0'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/limit',
  },
  {
    name: 'a participant search with limit 1000',
    send: (f) => f.beheer.get('/api/v1/participants?purpose=controle&limit=1000'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/limit',
  },
  {
    name: 'a participant search for a malformed gemeente code',
    send: (f) => f.beheer.get('/api/v1/participants?purpose=controle&gemeenteCode=Amsterdam'),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/gemeenteCode',
  },
  {
    name: 'a participant search for a phone number that is not one',
    send: (f) => f.beheer.get('/api/v1/participants?purpose=controle&phone=bel-me-maar'),
    status: 422,
    code: 'participant.invalid-phone-number',
  },
  {
    name: 'reading a participant without a purpose',
    send: (f) => f.beheer.get(`/api/v1/participants/${f.participant.id}`),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/purpose',
  },
  {
    name: 'reading a participant with a purpose holding a NUL character',
    send: (f) => f.beheer.get(`/api/v1/participants/${f.participant.id}?purpose=con%00trole`),
    status: 400,
    code: 'request.invalid',
    field: 'querystring/purpose',
  },

  // Registering a participant.
  {
    name: 'an empty participant body',
    send: (f) => f.beheer.post('/api/v1/participants', {}),
    status: 400,
    code: 'request.invalid',
    field: 'name',
  },
  {
    name: 'a participant without registrations',
    send: (f) => f.beheer.post('/api/v1/participants', { name: 'Fenna Mulder', registrations: [] }),
    status: 400,
    code: 'request.invalid',
    field: 'registrations',
  },
  {
    name: 'a participant with eleven registrations',
    send: (f) =>
      f.beheer.post('/api/v1/participants', {
        name: 'Fenna Mulder',
        registrations: Array.from({ length: 11 }, (_, i) => ({ ...registration, houseNumber: i + 1 })),
      }),
    status: 400,
    code: 'request.invalid',
    field: 'registrations',
  },
  {
    name: 'a participant with a field the API does not know',
    send: (f) => f.beheer.post('/api/v1/participants', { ...newParticipant(), birthDate: '1990-01-01' }),
    status: 400,
    code: 'request.invalid',
    field: 'birthDate',
  },
  {
    name: 'an empty name',
    send: (f) => f.beheer.post('/api/v1/participants', { ...newParticipant(), name: '' }),
    status: 400,
    code: 'request.invalid',
    field: 'name',
  },
  {
    name: 'a name over 200 characters',
    send: (f) => f.beheer.post('/api/v1/participants', { ...newParticipant(), name: 'x'.repeat(201) }),
    status: 400,
    code: 'request.invalid',
    field: 'name',
  },
  {
    name: 'a name that is a number',
    send: (f) => f.beheer.post('/api/v1/participants', { ...newParticipant(), name: 42 }),
    status: 400,
    code: 'request.invalid',
    field: 'name',
  },
  {
    name: 'a name holding a NUL character',
    send: (f) => f.beheer.post('/api/v1/participants', { ...newParticipant(), name: 'Fenna\u0000Mulder' }),
    status: 400,
    code: 'request.invalid',
    field: 'name',
  },
  {
    name: 'a name holding a lone surrogate',
    send: (f) => f.beheer.post('/api/v1/participants', { ...newParticipant(), name: 'Fenna \ud83d Mulder' }),
    status: 400,
    code: 'request.invalid',
    field: 'name',
  },
  {
    name: 'a changed name holding a lone surrogate',
    send: (f) => f.beheer.put(`/api/v1/participants/${f.participant.id}`, { name: 'Fenna \udfff' }),
    status: 400,
    code: 'request.invalid',
    field: 'name',
  },
  {
    name: 'a house-number addition holding a lone surrogate',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ houseNumberAddition: '\ud800' })),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/houseNumberAddition',
  },
  {
    name: 'an e-mail address without an @',
    send: (f) => f.beheer.post('/api/v1/participants', { ...newParticipant(), email: 'fenna.mulder' }),
    status: 400,
    code: 'request.invalid',
    field: 'email',
  },
  {
    name: 'a landline for sms',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ phone: '020 555 0123' })),
    status: 422,
    code: 'participant.sms-needs-mobile',
  },
  {
    name: 'a phone number that is not one',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ phone: 'bel me maar' })),
    status: 422,
    code: 'participant.invalid-phone-number',
  },
  {
    name: 'a French mobile number',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ phone: '+33 6 12 34 56 78' })),
    status: 422,
    code: 'participant.invalid-phone-number',
  },
  {
    name: 'a phone number of two digits',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ phone: '06' })),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/phone',
  },
  {
    name: 'a channel that does not exist',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ channel: 'fax' })),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/channel',
  },
  {
    name: 'a postcode of three digits',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ postcode: '101 AB' })),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/postcode',
  },
  {
    name: 'a postcode starting with 0',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ postcode: '0123 AB' })),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/postcode',
  },
  {
    name: 'a postcode without letters',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ postcode: '1012' })),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/postcode',
  },
  {
    name: 'a postcode whose four digits name no area',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ postcode: '1199 ZZ' })),
    status: 422,
    code: 'participant.address-not-found',
  },
  {
    name: 'house number 0',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ houseNumber: 0 })),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/houseNumber',
  },
  {
    name: 'a house number given as a string',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ houseNumber: '12' })),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/houseNumber',
  },
  {
    name: 'a house-number addition with punctuation',
    send: (f) => f.beheer.post('/api/v1/participants', newParticipant({ houseNumberAddition: 'a/b!' })),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/houseNumberAddition',
  },
  {
    name: 'a time window starting at 25:00',
    send: (f) =>
      f.beheer.post(
        '/api/v1/participants',
        newParticipant({ timeWindows: [{ day: 'ma', from: '25:00', to: '17:00' }] }),
      ),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/timeWindows/0/from',
  },
  {
    name: 'a time window on "maandag"',
    send: (f) =>
      f.beheer.post(
        '/api/v1/participants',
        newParticipant({ timeWindows: [{ day: 'maandag', from: '08:00', to: '17:00' }] }),
      ),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/timeWindows/0/day',
  },
  {
    name: 'a time window written as 8:00',
    send: (f) =>
      f.beheer.post(
        '/api/v1/participants',
        newParticipant({ timeWindows: [{ day: 'ma', from: '8:00', to: '17:00' }] }),
      ),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/timeWindows/0/from',
  },
  {
    name: 'an empty time window',
    send: (f) =>
      f.beheer.post(
        '/api/v1/participants',
        newParticipant({ timeWindows: [{ day: 'ma', from: '10:00', to: '10:00' }] }),
      ),
    status: 400,
    code: 'request.invalid',
    field: 'registrations/0/timeWindows/0',
  },
  {
    name: 'the same number twice at one address',
    send: (f) =>
      f.beheer.post('/api/v1/participants', {
        name: 'Fenna Mulder',
        registrations: [registration, { ...registration, phone: '+31612345678', postcode: '3511ab' }],
      }),
    status: 409,
    code: 'participant.duplicate-registration',
  },
  {
    name: 'an empty name on change',
    send: (f) => f.beheer.put(`/api/v1/participants/${f.participant.id}`, { name: ' ' }),
    status: 400,
    code: 'request.invalid',
    field: 'name',
  },
  {
    name: 'registrations sent to the change of a name',
    send: (f) => f.beheer.put(`/api/v1/participants/${f.participant.id}`, newParticipant()),
    status: 400,
    code: 'request.invalid',
    field: 'registrations',
  },
  {
    name: 'an added registration with a landline for sms',
    send: (f) =>
      f.beheer.post(`/api/v1/participants/${f.participant.id}/registrations`, {
        ...registration,
        phone: '020 555 0123',
        houseNumber: 3,
      }),
    status: 422,
    code: 'participant.sms-needs-mobile',
  },
  {
    name: 'an added registration at house number 0',
    send: (f) =>
      f.beheer.post(`/api/v1/participants/${f.participant.id}/registrations`, { ...registration, houseNumber: 0 }),
    status: 400,
    code: 'request.invalid',
    field: 'houseNumber',
  },
  {
    name: 'adding a registration the participant already has',
    send: (f) =>
      f.beheer.post(`/api/v1/participants/${f.participant.id}/registrations`, {
        ...registration,
        phone: '0031 6 12345678',
      }),
    status: 409,
    code: 'participant.duplicate-registration',
  },
  {
    name: 'a changed registration with a time window ending at 24:01',
    send: (f) =>
      f.beheer.put(`/api/v1/participants/${f.participant.id}/registrations/${f.participant.registrations[0]!.id}`, {
        ...registration,
        timeWindows: [{ day: 'zo', from: '22:00', to: '24:01' }],
      }),
    status: 400,
    code: 'request.invalid',
    field: 'timeWindows/0/to',
  },
  {
    name: 'a changed registration whose postcode names no area',
    send: (f) =>
      f.beheer.put(`/api/v1/participants/${f.participant.id}/registrations/${f.participant.registrations[0]!.id}`, {
        ...registration,
        postcode: '1199AA',
      }),
    status: 422,
    code: 'participant.address-not-found',
  },

  // The transport.
  {
    name: 'a raw JSON body with an escaped lone surrogate in a nested field',
    send: (f) =>
      f.raw('/api/v1/actions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type":"diefstal","message":"Gestolen fiets","area":{"kind":"circle","centre":{"lat":52.37,"lon":4.89},"radiusMetres":1000},"description":"\\ud800"}',
      }),
    status: 400,
    code: 'request.invalid',
    field: 'description',
  },
  {
    name: 'a body that is not valid JSON',
    send: (f) =>
      f.raw('/api/v1/actions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"type": "diefstal",',
      }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: 'an empty JSON body',
    send: (f) =>
      f.raw('/api/v1/actions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }),
    status: 400,
    code: 'request.invalid',
  },
  {
    name: 'a JSON array as the body',
    send: (f) =>
      f.raw('/api/v1/actions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' }),
    status: 400,
    code: 'request.invalid',
    field: '/',
  },
  {
    name: 'a latitude of 1e400 (Infinity once parsed)',
    send: (f) =>
      f.raw('/api/v1/actions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(draft).replace('52.3731', '1e400'),
      }),
    status: 400,
    code: 'request.invalid',
    field: 'area/centre/lat',
  },
  {
    name: 'a body sent as text/plain',
    send: (f) =>
      f.raw('/api/v1/actions', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(draft),
      }),
    status: 415,
    code: 'request.unsupported-media-type',
  },
  {
    name: 'a body sent as a form',
    send: (f) =>
      f.raw('/api/v1/actions', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'name=Fenna',
      }),
    status: 415,
    code: 'request.unsupported-media-type',
  },
  {
    name: 'a body sent as XML',
    send: (f) =>
      f.raw('/api/v1/actions', { method: 'POST', headers: { 'content-type': 'application/xml' }, body: '<actie/>' }),
    status: 415,
    code: 'request.unsupported-media-type',
  },
  {
    name: 'a body of 300 KiB',
    send: (f) =>
      f.raw('/api/v1/actions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...draft, description: 'x'.repeat(300 * 1024) }),
      }),
    status: 413,
    code: 'request.too-large',
  },
  {
    name: 'a route that does not exist',
    send: (f) => f.centralist.get('/api/v1/incidents'),
    status: 404,
    code: 'request.not-found',
  },
  {
    name: 'a method the route does not have',
    send: (f) => f.centralist.delete('/api/v1/actions'),
    status: 404,
    code: 'request.not-found',
  },

  // The state of the action.
  {
    name: 'starting an action that is already active',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.active}/start`),
    status: 409,
    code: 'action.wrong-status',
  },
  {
    name: 'widening a concept',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.concept.id}/widen`, { area: circle(5000) }),
    status: 409,
    code: 'action.wrong-status',
  },
  {
    name: 'closing a concept',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.concept.id}/close`, { result: 'gevonden' }),
    status: 409,
    code: 'action.wrong-status',
  },
  {
    name: 'an update on a concept',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.concept.id}/updates`, { text: 'Nog niet gestart.' }),
    status: 409,
    code: 'action.wrong-status',
  },
  {
    name: 'revising an active action',
    send: (f) => f.centralist.put(`/api/v1/actions/${f.active}`, draft),
    status: 409,
    code: 'action.wrong-status',
  },
  {
    name: 'revising a closed action',
    send: (f) => f.centralist.put(`/api/v1/actions/${f.closed}`, draft),
    status: 409,
    code: 'action.wrong-status',
  },
  {
    name: 'starting a closed action',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.closed}/start`),
    status: 409,
    code: 'action.wrong-status',
  },
  {
    name: 'an update on a closed action',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.closed}/updates`, { text: 'Toch nog iets.' }),
    status: 409,
    code: 'action.wrong-status',
  },
  {
    name: 'closing a closed action again',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.closed}/close`, { result: 'gevonden' }),
    status: 409,
    code: 'action.wrong-status',
  },
  {
    name: 'withdrawing a closed action',
    send: (f) => f.centralist.post(`/api/v1/actions/${f.closed}/withdraw`, {}),
    status: 409,
    code: 'action.wrong-status',
  },
  {
    name: 'a revision based on a version someone else has changed since',
    send: (f) => f.centralist.put(`/api/v1/actions/${f.concept.id}`, { ...draft, version: f.concept.version - 1 }),
    status: 409,
    code: 'action.stale-version',
  },
];

describe('bad input on every endpoint gets a clear problem document and stores nothing', () => {
  let t: TestSystem;
  let f: Fixtures;

  const counts = async (): Promise<Record<string, number>> => {
    const [row] = await t.system.database.query<Record<string, number>>(
      `select ${TABLES.map((table) => `(select count(*)::int from ${table}) as ${table}`).join(', ')}`,
    );
    return row!;
  };

  before(async () => {
    t = await startTestSystem();
    const centralistToken = await t.staffToken('centralist', 'RE05');
    const centralist = t.api(centralistToken);
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    // Nobody lives near the actions (the participant is in Utrecht), so no delivery appears while the cases run.
    const participant = await registerParticipant(beheer, 'Gijs de Wit', [registration]);

    const create = async () => {
      const created = await centralist.post('/api/v1/actions', draft);
      assert.equal(created.status, 201, JSON.stringify(created.body));
      return created.body as { id: string; version: number };
    };
    const concept = await create();
    const revised = await centralist.put(`/api/v1/actions/${concept.id}`, {
      ...draft,
      message: 'Gestolen: rode bakfiets.',
      version: concept.version,
    });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
    const active = await create();
    assert.equal((await centralist.post(`/api/v1/actions/${active.id}/start`)).status, 200);
    const closed = await create();
    assert.equal((await centralist.post(`/api/v1/actions/${closed.id}/start`)).status, 200);
    assert.equal(
      (await centralist.post(`/api/v1/actions/${closed.id}/close`, { result: 'niet-aangehouden' })).status,
      200,
    );
    await eventually(async () => {
      const [pending] = await t.system.database.query<{ n: number }>(
        `select count(*)::int as n from targeting_runs where status = 'pending'`,
      );
      assert.equal(pending!.n, 0, 'the targeting runs of the started actions are done');
    });

    f = {
      centralist,
      beheer,
      raw: rawClient(t, centralistToken),
      concept: { id: concept.id, version: revised.body.version },
      active: active.id,
      closed: closed.id,
      participant,
    };
  });
  after(() => t.stop());

  for (const c of cases) {
    test(`${c.name} is refused with ${c.status} ${c.code}`, async () => {
      const before = await counts();
      const response = await c.send(f);
      assertProblem(response, c);
      assert.deepEqual(await counts(), before, 'nothing was stored');
    });
  }

  test('a request without a token is refused with 401 and a WWW-Authenticate challenge', async () => {
    const before = await counts();
    const response = await t.api(null).post('/api/v1/actions', draft);
    assertProblem(response, { status: 401, code: 'auth.unauthenticated' });
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer realm="burgernet"/);
    assert.deepEqual(await counts(), before);
  });

  test('a request with a token nobody was given is refused with 401 and a WWW-Authenticate challenge', async () => {
    for (const token of ['geheim', `bn_${'a'.repeat(43)}`]) {
      const response = await t.api(token).get('/api/v1/actions');
      assertProblem(response, { status: 401, code: 'auth.unauthenticated' });
      assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer /);
    }
  });

  test('a request with basic authentication is refused with 401 and a Bearer challenge', async () => {
    const response = await f.raw('/api/v1/participants?purpose=controle', {
      headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    });
    assertProblem(response, { status: 401, code: 'auth.unauthenticated' });
    assert.match(response.headers.get('www-authenticate') ?? '', /^Bearer /);
  });

  test('a route that does not exist answers 404 as a problem document, also without a token', async () => {
    assertProblem(await t.api(null).get('/api/v1/incidents'), { status: 404, code: 'request.not-found' });
    assertProblem(await t.api(null).get('/nergens'), { status: 404, code: 'request.not-found' });
  });

  test('the stale-version problem tells which version is current', async () => {
    const response = await f.centralist.put(`/api/v1/actions/${f.concept.id}`, { ...draft, version: 1 });
    assertProblem(response, { status: 409, code: 'action.stale-version' });
    assert.equal(response.body.currentVersion, f.concept.version);
    assert.match(response.body.detail, new RegExp(`versie ${f.concept.version}`));
  });

  test('the wrong-status problem names the status the action is in', async () => {
    const response = await f.centralist.post(`/api/v1/actions/${f.concept.id}/close`, { result: 'gevonden' });
    assertProblem(response, { status: 409, code: 'action.wrong-status' });
    assert.equal(response.body.actionStatus, 'concept');
    assert.deepEqual(response.body.allowed, ['actief']);
    assert.match(response.body.detail, /concept/);
  });

  test('the refused requests left the actions as they were', async () => {
    const rows = await t.system.database.query<{ id: string; status: string; version: number }>(
      'select id, status, version from actions where id = any($1::uuid[])',
      [[f.concept.id, f.active, f.closed]],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    assert.deepEqual(byId.get(f.concept.id), { id: f.concept.id, status: 'concept', version: f.concept.version });
    assert.equal(byId.get(f.active)?.status, 'actief');
    assert.equal(byId.get(f.closed)?.status, 'afgesloten');
  });
});
