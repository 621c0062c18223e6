import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createApiTokens } from '../../adapters/auth/api-token.js';
import { loadGemeenten, meldkamersOf } from '../../adapters/geodata/geodata.js';
import { createStore } from '../../adapters/store/create-store.js';
import { migrate } from '../../adapters/store/migrate.js';
import { syncReferenceData } from '../../adapters/store/sync-reference-data.js';
import type { Staff } from '../../domain/staff/staff.js';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { Store } from '../ports/stores.js';
import { createStaffWithToken } from './create-staff-with-token.js';

const NOW = new Date('2026-12-07T10:00:00Z');

describe('creating a staff member with an API token', () => {
  let testDb: TestDatabase;
  let store: Store;
  const apiTokens = createApiTokens();
  const deps = () => ({ store, clock: { now: () => NOW }, ids: { newId: randomUUID }, apiTokens });
  const auditOf = (id: string) =>
    testDb.database.query<{ actor_id: string | null; actor_name: string; details: Record<string, unknown> }>(
      `select actor_id, actor_name, details from audit_log where event = 'staff.created' and subject_id = $1`,
      [id],
    );
  const staffRows = (name: string) =>
    testDb.database.query<{ id: string }>('select id from staff where name = $1', [name]);

  before(async () => {
    testDb = await createTestDatabase();
    await migrate(testDb.database);
    const gemeenten = await loadGemeenten();
    await syncReferenceData(testDb.database, meldkamersOf(gemeenten), gemeenten);
    store = createStore(testDb.database);
  });
  after(() => testDb.drop());

  test('the command line creates any role; the token works, only its hash is stored, and the creation is audited', async () => {
    const created = await createStaffWithToken(deps(), null, {
      name: ' Sam Centralist ',
      role: 'centralist',
      meldkamerCode: 'RE05',
      gemeenteCode: 'GM0363',
      tokenDays: 90,
    });
    assert.ok(created.ok);
    const { id, token } = created.value;
    assert.match(token, /^bn_[A-Za-z0-9_-]{40,}$/);
    const expiresAt = new Date('2027-03-07T10:00:00Z');
    assert.deepEqual(created.value.expiresAt, expiresAt);
    assert.deepEqual(await store.staff.findByTokenHash(apiTokens.hash(token)), {
      staff: { id, name: 'Sam Centralist', role: 'centralist', scope: { kind: 'meldkamer', meldkamerCode: 'RE05' } },
      expiresAt,
    });
    assert.deepEqual(await testDb.database.query('select 1 from api_tokens where token_hash = $1', [token]), []);
    assert.deepEqual(await auditOf(id), [
      {
        actor_id: null,
        actor_name: 'cli',
        details: {
          role: 'centralist',
          meldkamerCode: 'RE05',
          gemeenteCode: null,
          apiToken: true,
          apiTokenExpiresAt: '2027-03-07T10:00:00.000Z',
        },
      },
    ]);
  });

  test('beheer creates within its own meldkamer only; a refusal writes nothing', async () => {
    const beheer: Staff = {
      id: randomUUID(),
      name: 'Beheer Amsterdam',
      role: 'meldkamer-beheer',
      scope: { kind: 'meldkamer', meldkamerCode: 'RE05' },
    };
    await store.staff.createStaff({
      id: beheer.id,
      name: beheer.name,
      role: beheer.role,
      meldkamerCode: 'RE05',
      gemeenteCode: null,
    });
    const own = await createStaffWithToken(deps(), beheer, {
      name: 'Eigen Centralist',
      role: 'centralist',
      meldkamerCode: 'RE05',
      gemeenteCode: null,
      tokenDays: 90,
    });
    assert.ok(own.ok);
    assert.deepEqual(
      (await auditOf(own.value.id)).map((a) => [a.actor_id, a.actor_name]),
      [[beheer.id, beheer.name]],
    );

    const other = await createStaffWithToken(deps(), beheer, {
      name: 'Andere Centralist',
      role: 'centralist',
      meldkamerCode: 'RE06',
      gemeenteCode: null,
      tokenDays: 90,
    });
    assert.deepEqual(other, { ok: false, error: { code: 'auth.forbidden' } });
    const national = await createStaffWithToken(deps(), beheer, {
      name: 'Landelijke Collega',
      role: 'landelijk-beheer',
      meldkamerCode: null,
      gemeenteCode: null,
      tokenDays: 90,
    });
    assert.deepEqual(national, { ok: false, error: { code: 'auth.forbidden' } });
    assert.deepEqual([...(await staffRows('Andere Centralist')), ...(await staffRows('Landelijke Collega'))], []);
  });

  test('a token lives one day to a year: another lifetime is refused and writes nothing', async () => {
    for (const tokenDays of [0, 366, 2.5]) {
      const outcome = await createStaffWithToken(deps(), null, {
        name: 'Te Lang Geldig',
        role: 'landelijk-beheer',
        meldkamerCode: null,
        gemeenteCode: null,
        tokenDays,
      });
      assert.deepEqual(outcome, { ok: false, error: { code: 'staff.invalid-token-lifetime', maxDays: 365 } });
    }
    assert.deepEqual(await staffRows('Te Lang Geldig'), []);
    const year = await createStaffWithToken(deps(), null, {
      name: 'Een Jaar Geldig',
      role: 'landelijk-beheer',
      meldkamerCode: null,
      gemeenteCode: null,
      tokenDays: 365,
    });
    assert.ok(year.ok);
    assert.deepEqual(year.value.expiresAt, new Date('2027-12-07T10:00:00Z'));
  });

  test('a role without the meldkamer or gemeente it needs is refused', async () => {
    const outcome = await createStaffWithToken(deps(), null, {
      name: 'Zonder Gemeente',
      role: 'gemeente',
      meldkamerCode: 'RE05',
      gemeenteCode: null,
      tokenDays: 90,
    });
    assert.deepEqual(outcome, { ok: false, error: { code: 'staff.invalid-scope' } });
    assert.deepEqual(await staffRows('Zonder Gemeente'), []);
  });
});
