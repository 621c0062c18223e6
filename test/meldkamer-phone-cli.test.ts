import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { Database } from '../src/adapters/store/database/database.js';
import { openPgliteDatabase } from '../src/adapters/store/database/pglite-database.js';
import { ensureDemoMeldkamerPhones } from '../src/adapters/seed/demo-meldkamer-phones.js';
import { createSqlMeldkamerDirectory } from '../src/adapters/store/sql-meldkamer-directory.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const run = promisify(execFile);

let dataDir: string;
let server: TestDatabase | null = null;
const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    env: { ...process.env, DATA_DIR: dataDir, ...(server?.url ? { DATABASE_URL: server.url } : {}) },
  });
const withDb = async <T>(work: (db: Database) => Promise<T>): Promise<T> => {
  if (server !== null) return work(server.database);
  const db = await openPgliteDatabase(join(dataDir, 'pglite'));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
};
const rows = <T>(sql: string): Promise<T[]> => withDb((db) => db.query<T>(sql));

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'burgernet-meldkamer-phone-'));
  if (process.env.DATABASE_URL) server = await createTestDatabase();
});
after(async () => {
  await server?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

test('beheer sets and clears a meldkamer’s public number on the command line; it is audited and listed', async () => {
  const set = await cli('meldkamer', 'phone', '--code', 're05', '--number', '088 662 0505');
  assert.match(set.stdout, /Meldkamer RE05: de app belt 088 662 0505/);
  const listed = await cli('meldkamer', 'list');
  assert.match(listed.stdout, /RE05\s+Amsterdam.*app: 088 662 0505/);
  assert.deepEqual(await rows(`select public_phone from meldkamers where code = 'RE05'`), [
    { public_phone: '+31886620505' },
  ]);

  await assert.rejects(
    cli('meldkamer', 'phone', '--code', 'RE05', '--number', '12'),
    (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, /geen geldig telefoonnummer/);
      return true;
    },
  );
  await assert.rejects(cli('meldkamer', 'phone', '--code', 'RE05'), /Geef --number <nummer> of --clear/);
  await assert.rejects(cli('meldkamer', 'phone', '--code', 'RE77', '--number', '088 662 0505'), /Onbekende meldkamer/);

  const cleared = await cli('meldkamer', 'phone', '--code', 'RE05', '--clear');
  assert.match(cleared.stdout, /geen eigen nummer/);
  assert.deepEqual(await rows(`select public_phone from meldkamers where code = 'RE05'`), [{ public_phone: null }]);
  const audit = await rows<{ actor_name: string }>(
    `select actor_name from audit_log where event = 'meldkamer.public-phone-changed'`,
  );
  assert.deepEqual(
    audit.map((a) => a.actor_name),
    ['cli', 'cli'],
  );

  // The demo gives every meldkamer without a number a placeholder, and keeps what beheer set.
  await cli('meldkamer', 'phone', '--code', 'RE03', '--number', '088 662 0303');
  await withDb((db) => ensureDemoMeldkamerPhones(createSqlMeldkamerDirectory(db)));
  const phones = await rows<{ code: string; public_phone: string }>(
    `select code, public_phone from meldkamers where code in ('RE03', 'RE05') order by code`,
  );
  assert.deepEqual(phones, [
    { code: 'RE03', public_phone: '+31886620303' },
    { code: 'RE05', public_phone: '+31880011005' },
  ]);
});
