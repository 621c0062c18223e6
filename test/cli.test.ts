import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { openPgliteDatabase } from '../src/adapters/store/database/pglite-database.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const run = promisify(execFile);

/** The operator's command line, run as a separate process on a fresh database. */
describe('the command line', () => {
  let dataDir: string;
  let server: TestDatabase | null = null;
  const env = () => ({ ...process.env, DATA_DIR: dataDir, ...(server?.url ? { DATABASE_URL: server.url } : {}) });
  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { env: env() });
  const count = async (table: string) => {
    if (server !== null) return Number((await server.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
    const db = await openPgliteDatabase(join(dataDir, 'pglite'));
    try {
      return (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
    } finally {
      await db.close();
    }
  };

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'burgernet-cli-'));
    if (process.env.DATABASE_URL) {
      server = await createTestDatabase();
    }
  });
  after(async () => {
    await server?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('migrate prepares the database and seed adds participants spread over the country', async () => {
    const migrated = await cli('migrate');
    assert.match(migrated.stdout, /Database \((pglite|postgres)\) is bijgewerkt/);
    const seeded = await cli('seed', '--participants', '500');
    assert.match(seeded.stderr, /500 deelnemers met \d+ aanmeldingen opgeslagen/);
    assert.equal(await count('participants'), 500);
    assert.ok((await count('registrations')) > 500);
  });

  test('staff create prints a token once, and staff list shows the account', async () => {
    const created = await cli('staff', 'create', '--name', 'Sam Centralist', '--role', 'centralist', '--meldkamer', 'RE05');
    assert.match(created.stdout, /bn_[A-Za-z0-9_-]{20,}/);
    const listed = await cli('staff', 'list');
    assert.match(listed.stdout, /centralist\s+RE05\s+Sam Centralist/);
  });

  test('a wrong role or meldkamer is refused with a Dutch message and a failing exit code', async () => {
    await assert.rejects(cli('staff', 'create', '--name', 'X', '--role', 'koning'), (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /Onbekende rol "koning"/);
      return true;
    });
    await assert.rejects(cli('meldkamer', 'route', '--code', 'RE99', '--target', '+31201234567'), /Onbekende meldkamer/);
  });
});
