import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { distanceInMetres } from '../src/domain/geo/lat-lon.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const PURPOSE = 'Wijziging op verzoek van de deelnemer';
const query = (purpose = PURPOSE) => `purpose=${encodeURIComponent(purpose)}`;

// PC4 centroids from data/nl: the geocoder places an address within 400 m of its four-digit area's centroid.
const CENTROID_1012 = { lat: 52.373174, lon: 4.894814 };
const CENTROID_3511 = { lat: 52.088369, lon: 5.117729 };

const OFFICE_HOURS = (['ma', 'di', 'wo', 'do', 'vr'] as const).map((day) => ({ day, from: '08:30', to: '17:30' }));
const EVENINGS_AND_WEEKEND = [
  { day: 'vr', from: '18:00', to: '02:00' },
  { day: 'za', from: '00:00', to: '24:00' },
  { day: 'zo', from: '00:00', to: '24:00' },
];
const WORK = { phone: '06 1234 5678', channel: 'sms', postcode: '1012 ab', houseNumber: 1, timeWindows: OFFICE_HOURS };
const HOME = {
  phone: '+31 6 12345678',
  channel: 'sms',
  postcode: '3511AB',
  houseNumber: 10,
  houseNumberAddition: 'a',
  timeWindows: EVENINGS_AND_WEEKEND,
};

interface RegistrationJson {
  id: string;
  phone: string;
  channel: string;
  postcode: string;
  houseNumber: number;
  houseNumberAddition: string | null;
  city: string;
  gemeenteCode: string;
  location: { lat: number; lon: number };
  timeWindows: unknown[];
  createdAt: string;
}

describe('the life of a participant over HTTP', () => {
  let t: TestSystem;
  let beheer: ApiClient;
  let anna: { id: string; registrations: RegistrationJson[] };
  let bramId: string;

  const count = async (sql: string, params: unknown[]) =>
    (await t.system.database.query<{ n: number }>(sql, params))[0]!.n;
  /** The participant as the API shows it, registrations in id order (those created together share a time). */
  const read = async (id: string) => {
    const response = await beheer.get(`/api/v1/participants/${id}?${query()}`);
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return { ...response.body, registrations: sorted(response.body.registrations) };
  };
  const sorted = (registrations: readonly RegistrationJson[]) =>
    [...registrations].sort((a, b) => a.id.localeCompare(b.id));

  before(async () => {
    t = await startTestSystem();
    beheer = t.api(await t.staffToken('landelijk-beheer'));
    const bram = await beheer.post('/api/v1/participants', {
      name: 'Bram Visser',
      registrations: [{ phone: '0687654321', channel: 'sms', postcode: '3511 CD', houseNumber: 3 }],
    });
    assert.equal(bram.status, 201, JSON.stringify(bram.body));
    bramId = bram.body.id;
  });
  after(() => t.stop());

  test('registering one number at two addresses stores both, each placed in its gemeente with its own time windows', async () => {
    const created = await beheer.post('/api/v1/participants', {
      name: 'Anna de Boer',
      email: 'anna@example.nl',
      registrations: [WORK, HOME],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    anna = created.body;
    assert.equal(created.headers.get('location'), `/api/v1/participants/${anna.id}`);
    assert.equal(created.body.name, 'Anna de Boer');
    assert.equal(created.body.email, 'anna@example.nl');

    const [work, home] = anna.registrations;
    assert.ok(work && home);
    assert.deepEqual(
      [work, home].map((r) => [
        r.phone,
        r.channel,
        r.postcode,
        r.houseNumber,
        r.houseNumberAddition,
        r.city,
        r.gemeenteCode,
      ]),
      [
        ['+31612345678', 'sms', '1012AB', 1, null, 'Amsterdam', 'GM0363'],
        ['+31612345678', 'sms', '3511AB', 10, 'A', 'Utrecht', 'GM0344'],
      ],
    );
    assert.ok(distanceInMetres(work.location, CENTROID_1012) <= 400, JSON.stringify(work.location));
    assert.ok(distanceInMetres(home.location, CENTROID_3511) <= 400, JSON.stringify(home.location));
    assert.deepEqual(work.timeWindows, OFFICE_HOURS);
    assert.deepEqual(home.timeWindows, EVENINGS_AND_WEEKEND);

    assert.equal(await count('select count(*)::int as n from participants where id = $1', [anna.id]), 1);
    assert.equal(await count('select count(*)::int as n from registrations where participant_id = $1', [anna.id]), 2);
  });

  test('reading the participant back gives exactly what registering answered', async () => {
    assert.deepEqual(await read(anna.id), { ...anna, registrations: sorted(anna.registrations) });
  });

  test('changing name and e-mail keeps the registrations, and leaving the e-mail out clears it', async () => {
    const changed = await beheer.put(`/api/v1/participants/${anna.id}`, {
      name: 'Anna de Boer-Smit',
      email: 'anna.smit@example.nl',
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.name, 'Anna de Boer-Smit');
    assert.equal(changed.body.email, 'anna.smit@example.nl');
    assert.deepEqual(sorted(changed.body.registrations), sorted(anna.registrations));
    assert.ok(new Date(changed.body.updatedAt) >= new Date(changed.body.createdAt));

    const cleared = await beheer.put(`/api/v1/participants/${anna.id}`, { name: 'Anna de Boer-Smit' });
    assert.equal(cleared.status, 200, JSON.stringify(cleared.body));
    const again = await read(anna.id);
    assert.equal(again.name, 'Anna de Boer-Smit');
    assert.equal(again.email, null);
    assert.deepEqual(again.registrations, sorted(anna.registrations));
  });

  test('a third registration is added, changed and removed again', async () => {
    const added = await beheer.post(`/api/v1/participants/${anna.id}/registrations`, {
      phone: '020 555 0123',
      channel: 'voice',
      postcode: '1012AB',
      houseNumber: 3,
    });
    assert.equal(added.status, 201, JSON.stringify(added.body));
    assert.equal(added.body.phone, '+31205550123');
    assert.equal(added.body.channel, 'voice');
    assert.deepEqual(added.body.timeWindows, [], 'no windows: always');
    assert.equal((await read(anna.id)).registrations.length, 3);

    const sunday = [{ day: 'zo', from: '10:00', to: '16:00' }];
    const changed = await beheer.put(`/api/v1/participants/${anna.id}/registrations/${added.body.id}`, {
      phone: '020 555 0123',
      channel: 'voice',
      postcode: '1012 AB',
      houseNumber: 5,
      timeWindows: sunday,
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    assert.equal(changed.body.id, added.body.id);
    assert.equal(changed.body.houseNumber, 5);
    assert.equal(changed.body.createdAt, added.body.createdAt);
    const stored = (await read(anna.id)).registrations.find((r: RegistrationJson) => r.id === added.body.id);
    assert.equal(stored.houseNumber, 5);
    assert.deepEqual(stored.timeWindows, sunday);

    const removed = await beheer.delete(`/api/v1/participants/${anna.id}/registrations/${added.body.id}`);
    assert.equal(removed.status, 204);
    assert.deepEqual((await read(anna.id)).registrations, sorted(anna.registrations));
    assert.equal(await count('select count(*)::int as n from registrations where id = $1', [added.body.id]), 0);
  });

  test('the same number at the same address again is refused with 409, however it is written', async () => {
    const before = await count('select count(*)::int as n from registrations where participant_id = $1', [anna.id]);
    const duplicates = [
      { ...WORK, phone: '+31612345678', postcode: '1012AB' },
      { ...WORK, timeWindows: [] },
      { ...HOME, houseNumberAddition: 'A' },
    ];
    for (const body of duplicates) {
      const response = await beheer.post(`/api/v1/participants/${anna.id}/registrations`, body);
      assert.equal(response.status, 409, JSON.stringify(response.body));
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(response.body.code, 'participant.duplicate-registration');
    }
    const moved = await beheer.put(`/api/v1/participants/${anna.id}/registrations/${anna.registrations[1]!.id}`, WORK);
    assert.equal(moved.status, 409, JSON.stringify(moved.body));
    assert.equal(moved.body.code, 'participant.duplicate-registration');
    assert.equal(
      await count('select count(*)::int as n from registrations where participant_id = $1', [anna.id]),
      before,
    );
    assert.deepEqual((await read(anna.id)).registrations, sorted(anna.registrations));
  });

  test('searching by name, phone number or gemeente finds the participant, and logs the purpose', async () => {
    const search = async (params: string) => {
      const response = await beheer.get(`/api/v1/participants?${query('Zoeken voor terugbelverzoek')}&${params}`);
      assert.equal(response.status, 200, JSON.stringify(response.body));
      return {
        total: response.body.total as number,
        ids: response.body.items.map((p: { id: string }) => p.id).sort() as string[],
      };
    };
    const searchedBefore = await count(
      `select count(*)::int as n from audit_log where event = 'participant.searched'`,
      [],
    );

    assert.deepEqual(await search('q=boer-smit'), { total: 1, ids: [anna.id] });
    assert.deepEqual(await search(`phone=${encodeURIComponent('06-12 34 56 78')}`), { total: 1, ids: [anna.id] });
    assert.deepEqual(await search('gemeenteCode=GM0363'), { total: 1, ids: [anna.id] });
    assert.deepEqual(await search('gemeenteCode=GM0344'), { total: 2, ids: [anna.id, bramId].sort() });
    assert.deepEqual(await search('q=Visser&gemeenteCode=GM0344'), { total: 1, ids: [bramId] });
    assert.deepEqual(await search('q=Niemand'), { total: 0, ids: [] });
    const page = await beheer.get(`/api/v1/participants?${query()}&gemeenteCode=GM0344&limit=1&offset=1`);
    assert.equal(page.body.total, 2);
    assert.equal(page.body.items.length, 1);

    const logged = await t.system.database.query<{ details: { purpose: string } }>(
      `select details from audit_log where event = 'participant.searched' order by id`,
    );
    assert.equal(logged.length, searchedBefore + 7);
    assert.equal(logged.at(-2)!.details.purpose, 'Zoeken voor terugbelverzoek');
  });

  test('deleting removes the participant and every registration; the audit log keeps only the facts', async () => {
    const registrationIds = anna.registrations.map((r) => r.id);
    const deleted = await beheer.delete(`/api/v1/participants/${anna.id}`);
    assert.equal(deleted.status, 204);

    const gone = await beheer.get(`/api/v1/participants/${anna.id}?${query()}`);
    assert.equal(gone.status, 404);
    assert.equal(gone.body.code, 'participant.not-found');
    assert.equal((await beheer.delete(`/api/v1/participants/${anna.id}`)).status, 404);
    assert.equal(await count('select count(*)::int as n from participants where id = $1', [anna.id]), 0);
    assert.equal(
      await count('select count(*)::int as n from registrations where participant_id = $1 or id = any($2::uuid[])', [
        anna.id,
        registrationIds,
      ]),
      0,
    );
    assert.equal(await count(`select count(*)::int as n from registrations where msisdn = '+31612345678'`, []), 0);
    assert.equal((await read(bramId)).name, 'Bram Visser', 'the other participant stays');

    const facts = await t.system.database.query<{ event: string; details: unknown }>(
      `select event, details from audit_log where subject_type = 'participant' and subject_id = $1 order by id`,
      [anna.id],
    );
    const events = facts.map((f) => f.event);
    assert.equal(events[0], 'participant.created');
    assert.equal(events.at(-1), 'participant.deleted');
    assert.ok(events.includes('participant.updated') && events.includes('participant.viewed'), JSON.stringify(events));
    const text = JSON.stringify(facts);
    for (const personal of ['Anna', 'Boer', 'anna@example.nl', '612345678', '1012AB', '3511AB']) {
      assert.ok(!text.includes(personal), `the audit facts about the participant hold no ${personal}: ${text}`);
    }
  });
});

describe('the API describes itself', () => {
  let t: TestSystem;
  before(async () => {
    t = await startTestSystem();
  });
  after(() => t.stop());

  test('the OpenAPI document lists the routes of the API, each with a summary and each a real route', async () => {
    const response = await t.api(null).get('/openapi.json');
    assert.equal(response.status, 200);
    assert.equal(response.body.openapi, '3.1.0');
    const expected = [
      'GET /api/v1/actions',
      'POST /api/v1/actions',
      'GET /api/v1/actions/{id}',
      'PUT /api/v1/actions/{id}',
      'POST /api/v1/actions/{id}/start',
      'POST /api/v1/actions/{id}/widen',
      'POST /api/v1/actions/{id}/updates',
      'POST /api/v1/actions/{id}/close',
      'POST /api/v1/actions/{id}/withdraw',
      'GET /api/v1/actions/{id}/progress',
      'GET /api/v1/actions/{id}/progress/stream',
      'POST /api/v1/reach-estimates',
      'GET /api/v1/participants',
      'POST /api/v1/participants',
      'GET /api/v1/participants/{id}',
      'PUT /api/v1/participants/{id}',
      'DELETE /api/v1/participants/{id}',
      'POST /api/v1/participants/{id}/registrations',
      'PUT /api/v1/participants/{id}/registrations/{registrationId}',
      'DELETE /api/v1/participants/{id}/registrations/{registrationId}',
      'GET /api/v1/meldkamers',
      'GET /api/v1/gemeenten',
      'GET /api/v1/staff',
      'POST /api/v1/staff',
      'DELETE /api/v1/staff/{id}',
      'PUT /api/v1/staff/{id}/role',
      'POST /api/v1/staff/{id}/activation',
      'GET /api/v1/audit-log',
      'GET /api/v1/me',
      'GET /api/v1/me/activity',
      'GET /api/v1/action-types',
      'PUT /api/v1/action-types/{type}',
      'POST /api/v1/actions/{id}/approval',
      'GET /app/v1/push/vapid-public-key',
      'POST /app/v1/push/subscriptions',
      'PUT /app/v1/push/subscriptions/{id}/presence',
      'DELETE /app/v1/push/subscriptions/{id}',
    ];
    const paths: Record<string, Record<string, { summary?: string }>> = response.body.paths;
    const listed = Object.entries(paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => {
        assert.ok(operation.summary, `${method} ${path} has a summary`);
        return `${method.toUpperCase()} ${path}`;
      }),
    );
    // Every route named here is documented; routes of later parts are checked by the role matrix
    // (test/plein-role-matrix.test.ts walks this same document for every role).
    assert.deepEqual(
      expected.filter((route) => !listed.includes(route)),
      [],
      'documented routes',
    );
    for (const route of listed) {
      const [method = '', path = ''] = route.split(' ');
      const url = path.replace(/\{(\w+)\}/g, ':$1');
      assert.ok(t.system.http.hasRoute({ method, url }), `${route} is a route of the server`);
    }
  });

  test('the Swagger UI page answers 200 with HTML', async () => {
    const response = await t.api(null).raw('/docs/api', {});
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await response.text(), /swagger/i);
  });
});
