import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { keyIdOf } from '../src/adapters/crypto/envelope-encryption.js';
import { ConfigError } from '../src/config.js';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { startTestSystem, TEST_SECRETS_KEY } from './support/test-system.js';

const key = () => randomBytes(32).toString('base64');

describe('secrets at rest are sealed under a key from the configuration', () => {
  let db: TestDatabase;

  before(async () => {
    db = await createTestDatabase();
  });
  after(() => db.drop());

  const query = <T>(sql: string, params: unknown[] = []) => db.database.query<T>(sql, params);

  test('TOTP seeds and signing secrets are stored sealed, and logging in with a code still works', async () => {
    const t = await startTestSystem({ SESSION_COOKIE_SECURE: 'false' }, { testDatabase: db });
    try {
      const login = await createStaffLogin(t, 'centralist', 'RE05');
      const [staff] = await query<{ totp_secret: string }>('select totp_secret from staff where id = $1', [login.id]);
      assert.match(staff!.totp_secret, /^bn1\./);
      assert.ok(!staff!.totp_secret.includes(login.totpSecret));
      const signing = await query<{ name: string; secret: string }>('select name, secret from signing_secrets');
      assert.ok(signing.length >= 1, 'the self-service signing secret is kept in the database');
      for (const row of signing) assert.match(row.secret, /^bn1\./, row.name);
      const keys = await query<{ purpose: string; kek_id: string }>('select purpose, kek_id from data_keys');
      assert.equal(keys.length, 3);
      for (const row of keys) assert.equal(row.kek_id, keyIdOf(Buffer.from(TEST_SECRETS_KEY, 'base64')));
      assert.equal(await new PortalClient(t.url).logIn(login, t.clock.now()), 303);
      // Writing plaintext is refused by the database itself.
      await assert.rejects(query(`update staff set totp_secret = 'JBSWY3DPEHPK3PXP' where id = $1`, [login.id]));
    } finally {
      await t.stop();
    }
  });

  test('plaintext written before migration 0019 is sealed at the first start after it', async () => {
    const t = await startTestSystem({ SESSION_COOKIE_SECURE: 'false' }, { testDatabase: db });
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    await t.stop();
    // The database as an older version left it: no data keys, no constraints, the seeds in plaintext.
    await db.database.runScript(`
      alter table staff drop constraint staff_totp_secret_sealed;
      alter table staff_sessions drop constraint staff_sessions_pending_totp_secret_sealed;
      alter table signing_secrets drop constraint signing_secrets_secret_sealed;
      drop table data_keys;
      delete from schema_migrations where version = '0019-secrets-at-rest';
      delete from signing_secrets;
      insert into signing_secrets (name, secret, created_at) values ('self-service', '${'s'.repeat(43)}', now());
    `);
    await query('update staff set totp_secret = $2 where id = $1', [login.id, login.totpSecret]);

    const again = await startTestSystem({ SESSION_COOKIE_SECURE: 'false' }, { testDatabase: db });
    try {
      const [staff] = await query<{ totp_secret: string }>('select totp_secret from staff where id = $1', [login.id]);
      assert.match(staff!.totp_secret, /^bn1\./, 'sealed at the start');
      const [signing] = await query<{ secret: string }>(
        `select secret from signing_secrets where name = 'self-service'`,
      );
      assert.match(signing!.secret, /^bn1\./);
      assert.equal(await new PortalClient(again.url).logIn(login, again.clock.now()), 303, 'the same seed, sealed');
    } finally {
      await again.stop();
    }
  });

  test('rotating SECRETS_KEY: with the old key in SECRETS_PREVIOUS_KEYS the data keys are wrapped anew; an unknown key stops the start', async () => {
    const first = key();
    const second = key();
    const own = await createTestDatabase();
    try {
      const a = await startTestSystem({ SESSION_COOKIE_SECURE: 'false', SECRETS_KEY: first }, { testDatabase: own });
      const login = await createStaffLogin(a, 'centralist', 'RE05');
      await a.stop();

      await assert.rejects(
        startTestSystem({ SECRETS_KEY: second }, { testDatabase: own }),
        /neither SECRETS_KEY .* nor in SECRETS_PREVIOUS_KEYS/,
        'a key that did not wrap the data keys cannot read them',
      );
      const b = await startTestSystem(
        { SESSION_COOKIE_SECURE: 'false', SECRETS_KEY: second, SECRETS_PREVIOUS_KEYS: first },
        { testDatabase: own },
      );
      const kekIds = await own.database.query<{ kek_id: string }>('select distinct kek_id from data_keys');
      assert.deepEqual(
        kekIds.map((r) => r.kek_id),
        [keyIdOf(Buffer.from(second, 'base64'))],
      );
      await b.stop();
      // The previous key is no longer needed.
      const c = await startTestSystem({ SESSION_COOKIE_SECURE: 'false', SECRETS_KEY: second }, { testDatabase: own });
      try {
        assert.equal(await new PortalClient(c.url).logIn(login, c.clock.now()), 303);
      } finally {
        await c.stop();
      }
    } finally {
      await own.drop();
    }
  });

  test('outside the demo the system does not start without SECRETS_KEY', async () => {
    await assert.rejects(startTestSystem({ SECRETS_KEY: '' }, { testDatabase: db }), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.match(error.message, /SECRETS_KEY/);
      return true;
    });
  });
});
