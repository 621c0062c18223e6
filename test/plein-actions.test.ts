import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const circle = (lat: number, lon: number) => ({ kind: 'circle', centre: { lat, lon }, radiusMetres: 500 });

describe("Burgernetplein: history by place, and a second centralist's approval", () => {
  let database: TestDatabase;
  let t: TestSystem;
  let a: ApiClient;
  let b: ApiClient;

  before(async () => {
    database = await createTestDatabase();
    t = await startTestSystem({ SESSION_COOKIE_SECURE: 'false' }, { testDatabase: database });
    a = t.api(await t.staffToken('centralist', 'RE05'));
    b = t.api(await t.staffToken('centralist', 'RE05'));
  });
  after(async () => {
    await t?.stop();
    await database?.drop();
  });

  async function concept(
    client: ApiClient,
    type: string,
    message: string,
    area = circle(52.3731, 4.8926),
  ): Promise<{ id: string; number: string; version: number }> {
    const created = await client.post('/api/v1/actions', { type, message, area });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    return created.body;
  }

  test('history finds the actions whose centre lies in a gemeente, by name or code, in the API and on /plein/acties', async () => {
    const amsterdam = await concept(a, 'diefstal', 'Gestolen: rode bakfiets bij de Dam.', circle(52.3731, 4.8926));
    // Amstelveen's centre lies inside Amsterdam's bounding box but not in Amsterdam.
    const amstelveen = await concept(
      a,
      'diefstal',
      'Gestolen: blauwe scooter bij het Stadshart.',
      circle(52.303, 4.859),
    );
    const zaandam = await concept(a, 'inbraak', 'Inbraak aan de Zaan.', circle(52.439, 4.826));

    const numbers = async (query: string) => {
      const found = await a.get(`/api/v1/actions?${query}`);
      assert.equal(found.status, 200, JSON.stringify(found.body));
      return {
        total: found.body.total as number,
        numbers: (found.body.items as { number: string }[]).map((i) => i.number),
      };
    };
    assert.deepEqual(await numbers('place=Amsterdam'), { total: 1, numbers: [amsterdam.number] });
    assert.deepEqual(await numbers('place=GM0362'), { total: 1, numbers: [amstelveen.number] });
    assert.deepEqual(await numbers('place=amstelveen&type=diefstal'), { total: 1, numbers: [amstelveen.number] });
    assert.deepEqual(await numbers('place=Zaanstad&type=diefstal'), { total: 0, numbers: [] });
    assert.deepEqual(await numbers('place=0479'), { total: 1, numbers: [zaandam.number] });
    assert.deepEqual(await numbers(`place=Amsterdam&q=${encodeURIComponent('bakfiets')}`), {
      total: 1,
      numbers: [amsterdam.number],
    });
    const unknown = await a.get('/api/v1/actions?place=Nergensdorp');
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.errors[0].path, 'place');

    const c = new PortalClient(t.url);
    assert.equal(await c.logIn(await createStaffLogin(t, 'centralist', 'RE05')), 303);
    const page = await c.get('/plein/acties?plaats=Amstelveen');
    assert.equal(page.status, 200);
    assert.match(page.text, new RegExp(`>${amstelveen.number}<`));
    assert.doesNotMatch(page.text, new RegExp(`>${amsterdam.number}<`));
    assert.match(page.text, /<p data-aantal>1 actie<\/p>/);
    assert.match(page.text, /<option value="Amstelveen">/, 'the gemeenten are offered to choose from');
    const wrong = await c.get('/plein/acties?plaats=Nergensdorp');
    assert.equal(wrong.status, 422);
    assert.match(wrong.text, /Geen gemeente gevonden met de naam of code &quot;Nergensdorp&quot;/);
  });

  test('a type that needs approval: not started without it (409), never by its approver, and a revision needs a new approval', async () => {
    const beheer = t.api(await t.staffToken('landelijk-beheer'));
    assert.equal(
      (await beheer.put('/api/v1/action-types/overval', { template: 'Overval [waar].', requiresApproval: true }))
        .status,
      200,
    );
    const other = t.api(await t.staffToken('centralist', 'RE01'));

    const action = await concept(a, 'overval', 'Overval op de juwelier in de Kalverstraat. Benader niet zelf.');
    const refused = await a.post(`/api/v1/actions/${action.id}/start`);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'action.approval-required');
    assert.equal(
      (await a.post(`/api/v1/actions/${action.id}/approval`)).body.code,
      'action.approval-by-self',
      'not by the one who drew it up',
    );
    assert.equal((await other.post(`/api/v1/actions/${action.id}/approval`)).status, 403, 'not from another meldkamer');

    const approved = await b.post(`/api/v1/actions/${action.id}/approval`, { version: 1 });
    assert.equal(approved.status, 201, JSON.stringify(approved.body));
    assert.equal(approved.body.version, 1);
    const byApprover = await b.post(`/api/v1/actions/${action.id}/start`);
    assert.equal(byApprover.status, 409);
    assert.equal(byApprover.body.code, 'action.approval-by-self', 'the approver does not start it');

    const revised = await a.put(`/api/v1/actions/${action.id}`, {
      type: 'overval',
      message: 'Overval op de juwelier in de Kalverstraat. Twee daders.',
      area: circle(52.3731, 4.8926),
      version: 1,
    });
    assert.equal(revised.status, 200, JSON.stringify(revised.body));
    assert.equal(revised.body.version, 2);
    assert.equal(
      (await a.post(`/api/v1/actions/${action.id}/start`)).body.code,
      'action.approval-required',
      'the approval was for version 1',
    );
    const stale = await b.post(`/api/v1/actions/${action.id}/approval`, { version: 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'action.stale-version', 'an approval of what the approver no longer sees is refused');
    assert.equal((await b.post(`/api/v1/actions/${action.id}/approval`, { version: 2 })).status, 201);
    const started = await a.post(`/api/v1/actions/${action.id}/start`);
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.status, 'actief');

    const free = await concept(a, 'vermissing', 'Vermist: Tim (7), groene jas.');
    assert.equal((await a.post(`/api/v1/actions/${free.id}/start`)).status, 200, 'other types start without approval');
    const approvals = await t.system.database.query<{ details: { version: number } }>(
      `select details from audit_log where event = 'action.approved' and subject_id = $1 order by id`,
      [action.id],
    );
    assert.deepEqual(
      approvals.map((r) => r.details.version),
      [1, 2],
    );
  });

  test(
    "a revision that commits while a start waits for the action is seen by the start: the approval is checked in the start's own transaction",
    {
      skip: process.env.DATABASE_URL ? false : 'PGlite is one connection: there is no second transaction to interleave',
    },
    async () => {
      const beheer = t.api(await t.staffToken('landelijk-beheer'));
      assert.equal(
        (await beheer.put('/api/v1/action-types/beroving', { template: 'Beroving [waar].', requiresApproval: true }))
          .status,
        200,
      );
      const action = await concept(a, 'beroving', 'Beroving op het Rembrandtplein. Dader op een zwarte scooter.');
      assert.equal((await b.post(`/api/v1/actions/${action.id}/approval`)).status, 201);

      // Another session holds the action, as a revision being saved does; the start queues behind it.
      const lock = new pg.Client({ connectionString: database.url! });
      await lock.connect();
      try {
        await lock.query('begin');
        await lock.query('select id from actions where id = $1 for update', [action.id]);
        const starting = a.post(`/api/v1/actions/${action.id}/start`);
        await eventually(async () => {
          const [waiting] = (
            await lock.query(
              `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
            )
          ).rows;
          assert.ok(waiting.n > 0, 'the start waits for the action');
        });
        await lock.query(
          `update actions set message = 'Beroving op het Rembrandtplein. Dader te voet.', version = version + 1 where id = $1`,
          [action.id],
        );
        await lock.query('commit');
        const started = await starting;
        assert.equal(started.status, 409, JSON.stringify(started.body));
        assert.equal(started.body.code, 'action.approval-required', 'version 2 was never approved');
      } finally {
        await lock.end();
      }
      const [row] = await t.system.database.query<{ status: string }>('select status from actions where id = $1', [
        action.id,
      ]);
      assert.equal(row?.status, 'concept');
    },
  );
});
