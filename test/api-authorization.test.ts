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

const TABLES = [
  'actions',
  'action_messages',
  'targeting_runs',
  'deliveries',
  'participants',
  'registrations',
  'audit_log',
] as const;
const PURPOSE = 'Controle na melding 2026-0042';

// Amsterdam (RE05), Amstelveen (also RE05) and Utrecht (RE03). The actions lie in the Vondelpark, where nobody
// registered, so no delivery appears while the tests run.
const AMSTERDAM = { postcode: '1012 AB', houseNumber: 1 };
const AMSTELVEEN = { postcode: '1181 AA', houseNumber: 1 };
const UTRECHT = { postcode: '3511 AB', houseNumber: 1 };
const VONDELPARK = { kind: 'circle', centre: { lat: 52.358, lon: 4.868 }, radiusMetres: 200 };
const draft = { type: 'inbraak', message: 'Inbreker gevlucht, zwarte capuchon.', area: VONDELPARK };

function assertProblem(response: ApiResponse, status: number, code: string): void {
  assert.equal(response.status, status, JSON.stringify(response.body));
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(response.body.code, code);
  assert.equal(response.body.title, nl.problems[code]);
}

describe('who may do what: actions belong to a meldkamer, participants to gemeenten and regions', () => {
  let t: TestSystem;
  let centralist05: ApiClient;
  let centralist03: ApiClient;
  let beheer05: ApiClient;
  let landelijk: ApiClient;
  let gemeenteAmsterdam: ApiClient;
  let conceptOf05: string;
  let activeOf05: string;
  let actionOf03: string;
  let inAmsterdam: RegisteredParticipant;
  let inAmstelveen: RegisteredParticipant;
  let inUtrecht: RegisteredParticipant;
  let inAmsterdamAndUtrecht: RegisteredParticipant;

  const counts = async (): Promise<Record<string, number>> => {
    const [row] = await t.system.database.query<Record<string, number>>(
      `select ${TABLES.map((table) => `(select count(*)::int from ${table}) as ${table}`).join(', ')}`,
    );
    return row!;
  };
  const auditOf = (subjectId: string) =>
    t.system.database.query<{ event: string; actor_name: string; details: Record<string, unknown> }>(
      'select event, actor_name, details from audit_log where subject_id = $1 order by id',
      [subjectId],
    );
  const createAction = async (api: ApiClient, body: Record<string, unknown> = draft): Promise<string> => {
    const created = await api.post('/api/v1/actions', body);
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body.id;
  };

  before(async () => {
    t = await startTestSystem();
    centralist05 = t.api(await t.staffToken('centralist', 'RE05'));
    centralist03 = t.api(await t.staffToken('centralist', 'RE03'));
    beheer05 = t.api(await t.staffToken('meldkamer-beheer', 'RE05'));
    landelijk = t.api(await t.staffToken('landelijk-beheer'));
    gemeenteAmsterdam = t.api(await t.staffToken('gemeente', 'GM0363'));

    conceptOf05 = await createAction(centralist05);
    activeOf05 = await createAction(centralist05);
    assert.equal((await centralist05.post(`/api/v1/actions/${activeOf05}/start`)).status, 200);
    actionOf03 = await createAction(centralist03, {
      ...draft,
      area: { ...VONDELPARK, centre: { lat: 52.09, lon: 5.12 } },
    });
    await eventually(async () => {
      const [pending] = await t.system.database.query<{ n: number }>(
        `select count(*)::int as n from targeting_runs where status = 'pending'`,
      );
      assert.equal(pending!.n, 0);
    });

    inAmsterdam = await registerParticipant(landelijk, 'Hanna Amsterdam', [{ phone: '0612340001', ...AMSTERDAM }]);
    inAmstelveen = await registerParticipant(landelijk, 'Ivo Amstelveen', [{ phone: '0612340002', ...AMSTELVEEN }]);
    inUtrecht = await registerParticipant(landelijk, 'Jet Utrecht', [{ phone: '0612340003', ...UTRECHT }]);
    inAmsterdamAndUtrecht = await registerParticipant(landelijk, 'Kees Forens', [
      { phone: '0612340004', ...AMSTERDAM, houseNumber: 4 },
      { phone: '0612340004', ...UTRECHT, houseNumber: 4 },
    ]);
  });
  after(() => t.stop());

  describe('a centralist of another meldkamer', () => {
    const refused: readonly { name: string; send: () => Promise<ApiResponse> }[] = [
      { name: 'view it', send: () => centralist03.get(`/api/v1/actions/${conceptOf05}`) },
      {
        name: 'revise it',
        send: () => centralist03.put(`/api/v1/actions/${conceptOf05}`, { ...draft, message: 'Overgenomen.' }),
      },
      { name: 'start it', send: () => centralist03.post(`/api/v1/actions/${conceptOf05}/start`) },
      {
        name: 'widen it',
        send: () =>
          centralist03.post(`/api/v1/actions/${activeOf05}/widen`, { area: { ...VONDELPARK, radiusMetres: 5000 } }),
      },
      {
        name: 'send an update',
        send: () => centralist03.post(`/api/v1/actions/${activeOf05}/updates`, { text: 'Nog niet gevonden.' }),
      },
      {
        name: 'close it',
        send: () => centralist03.post(`/api/v1/actions/${activeOf05}/close`, { result: 'aangehouden' }),
      },
      { name: 'withdraw it', send: () => centralist03.post(`/api/v1/actions/${activeOf05}/withdraw`, {}) },
      { name: 'read its progress', send: () => centralist03.get(`/api/v1/actions/${activeOf05}/progress`) },
      {
        name: 'follow its progress stream',
        send: () => centralist03.get(`/api/v1/actions/${activeOf05}/progress/stream`),
      },
      {
        name: 'estimate the reach of widening it',
        send: () => centralist03.post('/api/v1/reach-estimates', { area: VONDELPARK, actionId: activeOf05 }),
      },
      { name: 'search its actions', send: () => centralist03.get('/api/v1/actions?meldkamerCode=RE05') },
      {
        name: 'create an action for it',
        send: () => centralist03.post('/api/v1/actions', { ...draft, meldkamerCode: 'RE05' }),
      },
    ];
    for (const r of refused) {
      test(`may not ${r.name} (403 auth.forbidden, nothing stored)`, async () => {
        const before = await counts();
        assertProblem(await r.send(), 403, 'auth.forbidden');
        assert.deepEqual(await counts(), before);
      });
    }

    test('left the actions of RE05 as they were', async () => {
      const rows = await t.system.database.query<{ id: string; status: string; version: number }>(
        'select id, status, version from actions where id = any($1::uuid[]) order by status',
        [[conceptOf05, activeOf05]],
      );
      assert.deepEqual(
        rows.map((r) => [r.id, r.status, r.version]),
        [
          [activeOf05, 'actief', 2],
          [conceptOf05, 'concept', 1],
        ],
      );
    });

    test('finds only the actions of their own meldkamer', async () => {
      const theirs = await centralist03.get('/api/v1/actions?limit=200');
      assert.equal(theirs.status, 200);
      assert.deepEqual(
        theirs.body.items.map((a: { id: string }) => a.id),
        [actionOf03],
      );
      assert.equal(theirs.body.total, 1);
      const ours = await centralist05.get('/api/v1/actions?limit=200');
      const ids = ours.body.items.map((a: { id: string }) => a.id);
      assert.ok(
        ids.includes(conceptOf05) && ids.includes(activeOf05) && !ids.includes(actionOf03),
        JSON.stringify(ids),
      );
      assert.ok(ours.body.items.every((a: { meldkamerCode: string }) => a.meldkamerCode === 'RE05'));
    });
  });

  describe('landelijk beheer', () => {
    test('creates actions for any meldkamer it names', async () => {
      for (const meldkamerCode of ['RE05', 'RE07']) {
        const created = await landelijk.post('/api/v1/actions', { ...draft, meldkamerCode });
        assert.equal(created.status, 201, JSON.stringify(created.body));
        assert.equal(created.body.meldkamerCode, meldkamerCode);
        assert.equal(created.body.status, 'concept');
      }
    });

    test('views, revises and withdraws an action of any meldkamer', async () => {
      const id = await createAction(centralist03, {
        ...draft,
        area: { ...VONDELPARK, centre: { lat: 52.09, lon: 5.12 } },
      });
      assert.equal((await landelijk.get(`/api/v1/actions/${id}`)).status, 200);
      const revised = await landelijk.put(`/api/v1/actions/${id}`, {
        ...draft,
        message: 'Aangepast door landelijk beheer.',
      });
      assert.equal(revised.status, 200, JSON.stringify(revised.body));
      const withdrawn = await landelijk.post(`/api/v1/actions/${id}/withdraw`, {});
      assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body));
      assert.equal(withdrawn.body.action.status, 'ingetrokken');
    });

    test('searches the actions of every meldkamer', async () => {
      const all = await landelijk.get('/api/v1/actions?limit=200');
      const ids = all.body.items.map((a: { id: string }) => a.id);
      for (const id of [conceptOf05, activeOf05, actionOf03]) assert.ok(ids.includes(id));
      const ofRe03 = await landelijk.get('/api/v1/actions?meldkamerCode=RE03&limit=200');
      assert.ok(ofRe03.body.items.every((a: { meldkamerCode: string }) => a.meldkamerCode === 'RE03'));
    });
  });

  describe('a gemeente user', () => {
    const refused: readonly { name: string; send: () => Promise<ApiResponse> }[] = [
      { name: 'create an action', send: () => gemeenteAmsterdam.post('/api/v1/actions', draft) },
      {
        name: 'create an action naming the meldkamer',
        send: () => gemeenteAmsterdam.post('/api/v1/actions', { ...draft, meldkamerCode: 'RE05' }),
      },
      { name: 'start an action', send: () => gemeenteAmsterdam.post(`/api/v1/actions/${conceptOf05}/start`) },
      {
        name: 'send an update',
        send: () => gemeenteAmsterdam.post(`/api/v1/actions/${activeOf05}/updates`, { text: 'Vanuit de gemeente.' }),
      },
      {
        name: 'close an action',
        send: () => gemeenteAmsterdam.post(`/api/v1/actions/${activeOf05}/close`, { result: 'opgelost' }),
      },
      {
        name: 'estimate the reach of an area',
        send: () => gemeenteAmsterdam.post('/api/v1/reach-estimates', { area: VONDELPARK }),
      },
      { name: 'search actions', send: () => gemeenteAmsterdam.get('/api/v1/actions') },
    ];
    for (const r of refused) {
      test(`may not ${r.name} (403 auth.forbidden, nothing stored)`, async () => {
        const before = await counts();
        assertProblem(await r.send(), 403, 'auth.forbidden');
        assert.deepEqual(await counts(), before);
      });
    }
  });

  describe('participants of Amsterdam, for a gemeente user of Amsterdam', () => {
    test('are seen, including someone who also lives elsewhere', async () => {
      for (const p of [inAmsterdam, inAmsterdamAndUtrecht]) {
        const seen = await gemeenteAmsterdam.get(`/api/v1/participants/${p.id}?purpose=${encodeURIComponent(PURPOSE)}`);
        assert.equal(seen.status, 200, JSON.stringify(seen.body));
        assert.equal(seen.body.id, p.id);
      }
    });

    test('outside Amsterdam are not found, exactly like participants who do not exist', async () => {
      const unknown = await gemeenteAmsterdam.get(
        `/api/v1/participants/00000000-0000-4000-8000-000000000000?purpose=${PURPOSE}`,
      );
      assertProblem(unknown, 404, 'participant.not-found');
      for (const p of [inUtrecht, inAmstelveen]) {
        const before = await counts();
        const requests = [
          gemeenteAmsterdam.get(`/api/v1/participants/${p.id}?purpose=${encodeURIComponent(PURPOSE)}`),
          gemeenteAmsterdam.put(`/api/v1/participants/${p.id}`, { name: 'Overgenomen' }),
          gemeenteAmsterdam.delete(`/api/v1/participants/${p.id}`),
          gemeenteAmsterdam.post(`/api/v1/participants/${p.id}/registrations`, {
            phone: '0612340099',
            channel: 'sms',
            ...AMSTERDAM,
          }),
          gemeenteAmsterdam.delete(`/api/v1/participants/${p.id}/registrations/${p.registrations[0]!.id}`),
        ];
        for (const response of await Promise.all(requests)) {
          assertProblem(response, 404, 'participant.not-found');
          assert.deepEqual(response.body, unknown.body, 'the answer does not reveal that the participant exists');
        }
        assert.deepEqual(
          await counts(),
          { ...before, audit_log: before.audit_log! + requests.length },
          'nothing stored but the audit of each refusal',
        );
        const denied = (await auditOf(p.id)).filter((a) => a.event === 'participant.denied');
        assert.deepEqual(denied.map((a) => a.details.attempted).sort(), [
          'add-registration',
          'change',
          'remove',
          'remove-registration',
          'view',
        ]);
        assert.ok(
          denied.every((a) => a.actor_name === 'gemeente GM0363' && a.details.via === 'participants'),
          JSON.stringify(denied),
        );
      }
    });

    test('are changed by the gemeente user', async () => {
      const changed = await gemeenteAmsterdam.put(`/api/v1/participants/${inAmsterdam.id}`, {
        name: 'Hanna van Amsterdam',
        email: 'hanna@example.nl',
      });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      assert.equal(changed.body.name, 'Hanna van Amsterdam');
    });

    test('registered in Amsterdam by the gemeente user, but not in Utrecht (403 participant.out-of-scope)', async () => {
      const inScope = await gemeenteAmsterdam.post('/api/v1/participants', {
        name: 'Lotte Nieuw',
        registrations: [{ phone: '0612340005', channel: 'sms', ...AMSTERDAM, houseNumber: 5 }],
      });
      assert.equal(inScope.status, 201, JSON.stringify(inScope.body));
      assert.equal(inScope.body.registrations[0].gemeenteCode, 'GM0363');

      const before = await counts();
      const outOfScope = await gemeenteAmsterdam.post('/api/v1/participants', {
        name: 'Mees Utrecht',
        registrations: [{ phone: '0612340006', channel: 'sms', ...UTRECHT }],
      });
      assertProblem(outOfScope, 403, 'participant.out-of-scope');
      const partly = await gemeenteAmsterdam.post('/api/v1/participants', {
        name: 'Mees Utrecht',
        registrations: [
          { phone: '0612340006', channel: 'sms', ...AMSTERDAM, houseNumber: 6 },
          { phone: '0612340006', channel: 'sms', ...UTRECHT, houseNumber: 6 },
        ],
      });
      assertProblem(partly, 403, 'participant.out-of-scope');
      const extraAddress = await gemeenteAmsterdam.post(`/api/v1/participants/${inAmsterdam.id}/registrations`, {
        phone: '0612340001',
        channel: 'sms',
        ...UTRECHT,
        houseNumber: 8,
      });
      assertProblem(extraAddress, 403, 'participant.out-of-scope');
      assert.deepEqual(
        await counts(),
        { ...before, audit_log: before.audit_log! + 3 },
        'nothing stored but the audit of each refusal',
      );
    });

    test('found by a search of the gemeente user, and nobody else is', async () => {
      const found = await gemeenteAmsterdam.get(
        `/api/v1/participants?purpose=${encodeURIComponent(PURPOSE)}&limit=200`,
      );
      assert.equal(found.status, 200, JSON.stringify(found.body));
      const ids = found.body.items.map((p: { id: string }) => p.id);
      assert.ok(ids.includes(inAmsterdam.id) && ids.includes(inAmsterdamAndUtrecht.id), JSON.stringify(ids));
      assert.ok(!ids.includes(inUtrecht.id) && !ids.includes(inAmstelveen.id), JSON.stringify(ids));
      const inUtrechtOnly = await gemeenteAmsterdam.get(
        `/api/v1/participants?purpose=${encodeURIComponent(PURPOSE)}&gemeenteCode=GM0344`,
      );
      assert.equal(inUtrechtOnly.body.total, 0);
      assert.deepEqual(inUtrechtOnly.body.items, []);
    });
  });

  describe('participants for meldkamer beheer and centralists', () => {
    test('meldkamer beheer sees and changes participants in its region, and nobody outside it', async () => {
      for (const p of [inAmsterdam, inAmstelveen]) {
        assert.equal(
          (await beheer05.get(`/api/v1/participants/${p.id}?purpose=${encodeURIComponent(PURPOSE)}`)).status,
          200,
        );
      }
      assertProblem(
        await beheer05.get(`/api/v1/participants/${inUtrecht.id}?purpose=${encodeURIComponent(PURPOSE)}`),
        404,
        'participant.not-found',
      );
      const changed = await beheer05.put(`/api/v1/participants/${inAmstelveen.id}`, { name: 'Ivo van Amstelveen' });
      assert.equal(changed.status, 200, JSON.stringify(changed.body));
      const added = await beheer05.post(`/api/v1/participants/${inAmstelveen.id}/registrations`, {
        phone: '0612340002',
        channel: 'sms',
        ...AMSTERDAM,
        houseNumber: 2,
      });
      assert.equal(added.status, 201, JSON.stringify(added.body));
      const before = await counts();
      assertProblem(
        await beheer05.post('/api/v1/participants', {
          name: 'Noor Utrecht',
          registrations: [{ phone: '0612340007', channel: 'sms', ...UTRECHT, houseNumber: 7 }],
        }),
        403,
        'participant.out-of-scope',
      );
      assert.deepEqual(
        await counts(),
        { ...before, audit_log: before.audit_log! + 1 },
        'nothing stored but the audit of the refusal',
      );
    });

    test('a centralist sees participants in their region but changes nothing (403 auth.forbidden)', async () => {
      const seen = await centralist05.get(
        `/api/v1/participants/${inAmsterdam.id}?purpose=${encodeURIComponent(PURPOSE)}`,
      );
      assert.equal(seen.status, 200, JSON.stringify(seen.body));
      assertProblem(
        await centralist05.get(`/api/v1/participants/${inUtrecht.id}?purpose=${encodeURIComponent(PURPOSE)}`),
        404,
        'participant.not-found',
      );
      const registrationId = inAmsterdam.registrations[0]!.id;
      const before = await counts();
      const attempts = [
        centralist05.post('/api/v1/participants', {
          name: 'Olaf Nieuw',
          registrations: [{ phone: '0612340008', channel: 'sms', ...AMSTERDAM, houseNumber: 9 }],
        }),
        centralist05.put(`/api/v1/participants/${inAmsterdam.id}`, { name: 'Veranderd' }),
        centralist05.delete(`/api/v1/participants/${inAmsterdam.id}`),
        centralist05.post(`/api/v1/participants/${inAmsterdam.id}/registrations`, {
          phone: '0612340001',
          channel: 'sms',
          ...AMSTERDAM,
          houseNumber: 11,
        }),
        centralist05.put(`/api/v1/participants/${inAmsterdam.id}/registrations/${registrationId}`, {
          phone: '0612340001',
          channel: 'sms',
          ...AMSTERDAM,
          houseNumber: 12,
        }),
        centralist05.delete(`/api/v1/participants/${inAmsterdam.id}/registrations/${registrationId}`),
      ];
      for (const response of await Promise.all(attempts)) assertProblem(response, 403, 'auth.forbidden');
      assert.deepEqual(await counts(), before);
    });
  });

  describe('the audit log', () => {
    test('every read of a participant writes a participant.viewed row with the purpose and who read', async () => {
      const viewedBefore = (await auditOf(inAmsterdam.id)).filter((r) => r.event === 'participant.viewed').length;
      const purpose = 'Terugbelverzoek deelnemer';
      assert.equal(
        (await gemeenteAmsterdam.get(`/api/v1/participants/${inAmsterdam.id}?purpose=${encodeURIComponent(purpose)}`))
          .status,
        200,
      );
      assert.equal(
        (await centralist05.get(`/api/v1/participants/${inAmsterdam.id}?purpose=${encodeURIComponent(purpose)}`))
          .status,
        200,
      );
      const viewed = (await auditOf(inAmsterdam.id)).filter((r) => r.event === 'participant.viewed');
      assert.equal(viewed.length, viewedBefore + 2);
      assert.deepEqual(
        viewed.slice(-2).map((r) => [r.actor_name, r.details.purpose]),
        [
          ['gemeente GM0363', purpose],
          ['centralist RE05', purpose],
        ],
      );
    });

    test('a search writes a participant.searched row with the purpose and the participants shown', async () => {
      const purpose = 'Zoeken op verzoek van de wijkagent';
      const found = await gemeenteAmsterdam.get(`/api/v1/participants?purpose=${encodeURIComponent(purpose)}&q=Hanna`);
      assert.equal(found.status, 200);
      const [row] = await t.system.database.query<{
        actor_name: string;
        details: { purpose: string; shown: string[] };
      }>(`select actor_name, details from audit_log where event = 'participant.searched' order by id desc limit 1`);
      assert.equal(row!.actor_name, 'gemeente GM0363');
      assert.equal(row!.details.purpose, purpose);
      assert.deepEqual(row!.details.shown, [inAmsterdam.id]);
    });

    test('every change to an action writes a row naming the change and who made it', async () => {
      const id = await createAction(centralist05);
      const steps: readonly (() => Promise<ApiResponse>)[] = [
        () =>
          centralist05.put(`/api/v1/actions/${id}`, {
            ...draft,
            message: 'Inbreker gevlucht, zwarte capuchon, rode sneakers.',
            version: 1,
          }),
        () => centralist05.post(`/api/v1/actions/${id}/start`),
        () => centralist05.post(`/api/v1/actions/${id}/widen`, { area: { ...VONDELPARK, radiusMetres: 300 } }),
        () => centralist05.post(`/api/v1/actions/${id}/updates`, { text: 'Gezien richting Overtoom.' }),
        () => centralist05.post(`/api/v1/actions/${id}/close`, { result: 'aangehouden' }),
      ];
      for (const step of steps) {
        const response = await step();
        assert.ok(response.status < 300, JSON.stringify(response.body));
      }
      const withdrawnId = await createAction(centralist05);
      assert.equal((await centralist05.post(`/api/v1/actions/${withdrawnId}/withdraw`, {})).status, 200);

      const rows = await auditOf(id);
      assert.deepEqual(
        rows.map((r) => r.event),
        ['action.created', 'action.revised', 'action.started', 'action.widened', 'action.update-sent', 'action.closed'],
      );
      assert.ok(rows.every((r) => r.actor_name === 'centralist RE05'));
      assert.equal(rows.at(-1)!.details.result, 'aangehouden');
      assert.deepEqual(
        (await auditOf(withdrawnId)).map((r) => r.event),
        ['action.created', 'action.withdrawn'],
      );
    });

    test('refuses UPDATE and DELETE, so that its rows stay as written', async () => {
      const [before] = await t.system.database.query<{ n: number }>('select count(*)::int as n from audit_log');
      await assert.rejects(
        t.system.database.execute(`update audit_log set actor_name = 'iemand anders'`),
        /append-only/,
      );
      await assert.rejects(
        t.system.database.execute(`delete from audit_log where event = 'participant.viewed'`),
        /append-only/,
      );
      await assert.rejects(
        t.system.database.transaction((tx) =>
          tx.execute('delete from audit_log where subject_id = $1', [inAmsterdam.id]),
        ),
        /append-only/,
      );
      const [afterwards] = await t.system.database.query<{ n: number }>('select count(*)::int as n from audit_log');
      assert.equal(afterwards!.n, before!.n);
      const [changed] = await t.system.database.query<{ n: number }>(
        `select count(*)::int as n from audit_log where actor_name = 'iemand anders'`,
      );
      assert.equal(changed!.n, 0);
    });
  });
});
