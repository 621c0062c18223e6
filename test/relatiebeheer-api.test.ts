import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const PURPOSE = 'Vraag van de deelnemer aan de balie';
const q = (purpose = PURPOSE) => `purpose=${encodeURIComponent(purpose)}`;

/** Relatiebeheer over HTTP: a gemeente keeps its own participants and cannot reach anyone else's. */
describe('relatiebeheer for a gemeente, over HTTP', () => {
  let t: TestSystem;
  let amsterdam: ApiClient;
  let amsterdamToken: string;
  let utrecht: ApiClient;
  let inUtrecht: { id: string; registrations: { id: string }[] };
  let inBoth: { id: string; registrations: { id: string; gemeenteCode: string }[] };
  const count = async (sql: string, params: unknown[] = []) =>
    (await t.system.database.query<{ n: number }>(sql, params))[0]!.n;

  before(async () => {
    t = await startTestSystem();
    amsterdamToken = await t.staffToken('gemeente', 'GM0363');
    amsterdam = t.api(amsterdamToken);
    utrecht = t.api(await t.staffToken('gemeente-beheer', 'GM0344'));
    const created = await utrecht.post('/api/v1/relatiebeheer/participants', {
      name: 'Uma Utrecht',
      registrations: [{ phone: '0644440001', channel: 'sms', postcode: '3511AB', houseNumber: 1 }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    inUtrecht = created.body;
    const both = await t.api(await t.staffToken('landelijk-beheer')).post('/api/v1/participants', {
      name: 'Bas Beide',
      registrations: [
        { phone: '0644440002', channel: 'sms', postcode: '1012AB', houseNumber: 2 },
        { phone: '0644440002', channel: 'sms', postcode: '3511AB', houseNumber: 2 },
      ],
    });
    assert.equal(both.status, 201, JSON.stringify(both.body));
    inBoth = both.body;
  });
  after(() => t.stop());

  test("another gemeente's participant: not found for every action (as for someone who does not exist), nothing changes, and the audit log shows each attempt", async () => {
    const before = await t.system.database.query('select name, email from participants where id = $1', [inUtrecht.id]);
    const attempts = [
      await amsterdam.get(`/api/v1/relatiebeheer/participants/${inUtrecht.id}?${q()}`),
      await amsterdam.put(`/api/v1/relatiebeheer/participants/${inUtrecht.id}`, { name: 'Overgenomen' }),
      await amsterdam.put(
        `/api/v1/relatiebeheer/participants/${inUtrecht.id}/registrations/${inUtrecht.registrations[0]!.id}`,
        {
          phone: '0644440001',
          channel: 'sms',
          postcode: '1012AB',
          houseNumber: 9,
        },
      ),
      await amsterdam.delete(`/api/v1/relatiebeheer/participants/${inUtrecht.id}`),
    ];
    for (const response of attempts) {
      assert.equal(response.status, 404, JSON.stringify(response.body));
      assert.equal(response.body.code, 'participant.not-found');
      assert.equal(response.body.name, undefined, 'nothing of the participant in the answer');
    }
    assert.deepEqual(
      await t.system.database.query('select name, email from participants where id = $1', [inUtrecht.id]),
      before,
    );
    assert.equal(
      await count('select count(*)::int as n from registrations where participant_id = $1', [inUtrecht.id]),
      1,
    );
    const audit = await t.system.database.query<{ actor_name: string; details: { attempted: string; via: string } }>(
      `select actor_name, details from audit_log where event = 'participant.denied' and subject_id = $1 order by id`,
      [inUtrecht.id],
    );
    assert.deepEqual(
      audit.map((a) => [a.actor_name, a.details.attempted, a.details.via]),
      [
        ['gemeente GM0363', 'view', 'relatiebeheer'],
        ['gemeente GM0363', 'change', 'relatiebeheer'],
        ['gemeente GM0363', 'change-registration', 'relatiebeheer'],
        ['gemeente GM0363', 'remove', 'relatiebeheer'],
      ],
    );
    // The owning gemeente sees them; an id that does not exist is 404.
    assert.equal((await utrecht.get(`/api/v1/relatiebeheer/participants/${inUtrecht.id}?${q()}`)).status, 200);
    assert.equal(
      (await amsterdam.get(`/api/v1/relatiebeheer/participants/00000000-0000-4000-8000-000000000000?${q()}`)).status,
      404,
    );
  });

  test('adding someone whose address lies in another gemeente is refused (403) and audited', async () => {
    const response = await amsterdam.post('/api/v1/relatiebeheer/participants', {
      name: 'Nina Nergens',
      registrations: [{ phone: '0644440003', channel: 'sms', postcode: '3511AB', houseNumber: 3 }],
    });
    assert.equal(response.status, 403);
    assert.equal(response.body.code, 'participant.out-of-scope');
    assert.equal(await count(`select count(*)::int as n from registrations where msisdn = '+31644440003'`), 0);
    assert.equal(
      await count(
        `select count(*)::int as n from audit_log where event = 'participant.denied' and details->>'attempted' = 'register-outside'`,
      ),
      1,
    );
  });

  test('someone in two gemeenten: each sees only their own address, and removing takes only that one', async () => {
    const seen = await amsterdam.get(`/api/v1/relatiebeheer/participants/${inBoth.id}?${q()}`);
    assert.equal(seen.status, 200);
    assert.deepEqual(
      seen.body.registrations.map((r: { gemeenteCode: string }) => r.gemeenteCode),
      ['GM0363'],
    );
    const found = await amsterdam.get(`/api/v1/relatiebeheer/participants?${q()}&q=Bas`);
    assert.deepEqual(
      found.body.items.map((p: { id: string }) => p.id),
      [inBoth.id],
    );
    assert.equal((await amsterdam.get(`/api/v1/relatiebeheer/participants?${q()}&q=Uma`)).body.total, 0);
    assert.equal((await amsterdam.delete(`/api/v1/relatiebeheer/participants/${inBoth.id}`)).status, 204);
    const left = await t.system.database.query<{ gemeente_code: string }>(
      'select gemeente_code from registrations where participant_id = $1',
      [inBoth.id],
    );
    assert.deepEqual(
      left.map((r) => r.gemeente_code),
      ['GM0344'],
    );
  });

  test('the CSV import reports bad rows in a dry run, and the real import stores the good rows and none of the bad', async () => {
    const csv = [
      'Naam;Postcode;Huisnummer;Toevoeging;Telefoon;Kanaal;E-mail;Tijden',
      'Anna Goed;1012 AB;10;;06 4444 1001;sms;anna@example.nl;ma-vr 08:30-17:30',
      ';1012AB;11;;0644441002;sms;;',
      'Carl Fout;12;12;;0644441003;sms;;',
      'Dirk Utrecht;3511AB;13;;0644441004;sms;;',
      'Eva Goed;1012AB;14;b;020 555 1005;spraak;;',
      'Fien Fout;1012AB;15;;0644441006;fax;geen-mail;altijd',
      'Gijs Dubbel;1012AB;10;;06 4444 1001;sms;;',
      'Hans Vast;1012AB;16;;020 555 1007;sms;;',
    ].join('\n');
    const dry = await amsterdam.raw('/api/v1/relatiebeheer/imports?dryRun=true', {
      method: 'POST',
      headers: { authorization: `Bearer ${amsterdamToken}`, 'content-type': 'text/csv' },
      body: csv,
    });
    assert.equal(dry.status, 202, await dry.clone().text());
    const dryJob = (await dry.json()) as { id: string };
    const dryReport = await eventually(async () => {
      const job = await amsterdam.get(`/api/v1/relatiebeheer/imports/${dryJob.id}`);
      return job.body.report ?? assert.fail('not done');
    });
    const problems = Object.fromEntries(
      dryReport.problems.map((p: { line: number; problems: { column: string }[] }) => [
        p.line,
        p.problems.map((x) => x.column),
      ]),
    );
    assert.deepEqual(problems, {
      3: ['naam'],
      4: ['postcode'],
      5: ['postcode'],
      7: ['kanaal', 'e-mail'],
      8: ['telefoon'],
      9: ['kanaal'],
    });
    assert.equal(dryReport.goodRows, 2);
    assert.equal(dryReport.rowsStored, 0);
    assert.equal(
      await count(
        `select count(*)::int as n from registrations where msisdn like '+316444410%' or msisdn like '+312055510%'`,
      ),
      0,
      'a dry run stores nothing',
    );

    // The check's rows are stored without a second upload; they are checked again on the way.
    const real = await amsterdam.post(`/api/v1/relatiebeheer/imports/${dryJob.id}/commit`);
    assert.equal(real.status, 202, JSON.stringify(real.body));
    const realJob = real.body as { id: string; dryRun: boolean };
    assert.equal(realJob.dryRun, false);
    assert.equal(
      (await amsterdam.post(`/api/v1/relatiebeheer/imports/${dryJob.id}/commit`)).status,
      404,
      'a check is stored once',
    );
    const report = await eventually(
      async () =>
        (await amsterdam.get(`/api/v1/relatiebeheer/imports/${realJob.id}`)).body.report ?? assert.fail('not done'),
    );
    assert.equal(report.rowsStored, 2);
    assert.equal(report.badRows, 6);
    const stored = await t.system.database.query<{ msisdn: string; channel: string; time_windows: unknown[] }>(
      `select msisdn, channel, time_windows from registrations where msisdn like '+316444410%' or msisdn like '+312055510%' order by msisdn`,
    );
    assert.deepEqual(
      stored.map((r) => [r.msisdn, r.channel, r.time_windows.length]),
      [
        ['+31205551005', 'voice', 0],
        ['+31644441001', 'sms', 5],
      ],
    );
    assert.equal(
      await count(
        `select count(*)::int as n from participants where name in ('Carl Fout', 'Dirk Utrecht', 'Fien Fout', 'Gijs Dubbel', 'Hans Vast')`,
      ),
      0,
    );
    assert.equal(
      await count(
        `select count(*)::int as n from audit_log where event = 'relatiebeheer.imported' and actor_name = 'gemeente GM0363'`,
      ),
      1,
    );

    // The same file posted again as a real import: every row is bad now (the good ones are registered).
    const again = await amsterdam.raw('/api/v1/relatiebeheer/imports', {
      method: 'POST',
      headers: { authorization: `Bearer ${amsterdamToken}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const againJob = (await again.json()) as { id: string };
    const againReport = await eventually(
      async () =>
        (await amsterdam.get(`/api/v1/relatiebeheer/imports/${againJob.id}`)).body.report ?? assert.fail('not done'),
    );
    assert.equal(againReport.rowsStored, 0);
    assert.equal(againReport.badRows, 8);
    assert.equal(
      await count(
        `select count(*)::int as n from registrations where msisdn like '+316444410%' or msisdn like '+312055510%'`,
      ),
      2,
    );
  });

  test('a file without the needed columns is refused as a whole', async () => {
    const response = await amsterdam.raw('/api/v1/relatiebeheer/imports', {
      method: 'POST',
      headers: { authorization: `Bearer ${amsterdamToken}`, 'content-type': 'text/csv' },
      body: 'naam;adres\nA;B\n',
    });
    assert.equal(response.status, 422);
    const body = (await response.json()) as { code: string; detail: string };
    assert.equal(body.code, 'relatiebeheer.import-unreadable');
    assert.match(body.detail, /postcode, huisnummer, telefoon/);
  });

  test("the export holds the gemeente's own participants only, and every export is audited with who and why", async () => {
    const response = await amsterdam.raw(`/api/v1/relatiebeheer/export?${q('Nieuwsbrief buurtpreventie')}`, {
      headers: { authorization: `Bearer ${amsterdamToken}` },
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/csv/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.match(lines[0]!, /^naam;postcode;huisnummer;toevoeging;telefoon;kanaal;e-mail;tijden/);
    const names = lines
      .slice(1)
      .map((l) => l.split(';')[0])
      .sort();
    assert.deepEqual(names, ['Anna Goed', 'Eva Goed']);
    const [audit] = await t.system.database.query<{ actor_name: string; details: { purpose: string } }>(
      `select actor_name, details from audit_log where event = 'relatiebeheer.exported'`,
    );
    assert.equal(audit?.actor_name, 'gemeente GM0363');
    assert.equal(audit?.details.purpose, 'Nieuwsbrief buurtpreventie');
    assert.equal((await amsterdam.get('/api/v1/relatiebeheer/export')).status, 400, 'no export without a purpose');
  });

  test('a centralist keeps no relations (403)', async () => {
    const centralist = t.api(await t.staffToken('centralist', 'RE05'));
    assert.equal((await centralist.get(`/api/v1/relatiebeheer/participants?${q()}`)).status, 403);
    assert.equal((await centralist.get(`/api/v1/relatiebeheer/export?${q()}`)).status, 403);
  });
});
