import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { hashApiToken } from '../src/adapters/auth/api-token.js';
import { openPgliteDatabase } from '../src/adapters/store/database/pglite-database.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const run = promisify(execFile);

/** The operator's command line, run as a separate process on a fresh database. */
describe('the command line', () => {
  let dataDir: string;
  let server: TestDatabase | null = null;
  const env = () => ({ ...process.env, DATA_DIR: dataDir, ...(server?.url ? { DATABASE_URL: server.url } : {}) });
  const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { env: env() });
  const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => {
    if (server !== null) return server.database.query<T>(sql, params);
    const db = await openPgliteDatabase(join(dataDir, 'pglite'));
    try {
      return await db.query<T>(sql, params);
    } finally {
      await db.close();
    }
  };
  const count = async (table: string) =>
    Number((await rows<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n);
  /** The command failed with exit code 1 and said why on stderr. */
  const refused = (command: Promise<unknown>, reason: RegExp) =>
    assert.rejects(command, (error: { code: number; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.match(error.stderr, reason);
      return true;
    });

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
    const created = await cli(
      'staff',
      'create',
      '--name',
      'Sam Centralist',
      '--role',
      'centralist',
      '--meldkamer',
      'RE05',
    );
    const token = /bn_[A-Za-z0-9_-]{20,}/.exec(created.stdout)?.[0];
    assert.ok(token !== undefined, created.stdout);
    const listed = await cli('staff', 'list');
    assert.match(listed.stdout, /centralist\s+RE05\s+Sam Centralist/);
    // Only the token's hash is stored; the creation is audited as the command line's.
    const [staff] = await rows<{ id: string }>(
      'select s.id from staff s join api_tokens t on t.staff_id = s.id where t.token_hash = $1',
      [hashApiToken(token)],
    );
    assert.ok(staff !== undefined);
    const audit = await rows<{ actor_id: string | null; actor_name: string }>(
      `select actor_id, actor_name from audit_log where event = 'staff.created' and subject_id = $1`,
      [staff.id],
    );
    assert.deepEqual(
      audit.map((a) => ({ ...a })),
      [{ actor_id: null, actor_name: 'cli' }],
    );
  });

  test('staff invite prints an activation link, refuses the same address again; staff revoke ends the account once', async () => {
    const invited = await cli(
      'staff',
      'invite',
      '--name',
      'Bea Beheer',
      '--email',
      'bea@test.burgernet.nl',
      '--role',
      'gemeente-beheer',
      '--gemeente',
      'GM0363',
    );
    assert.match(
      invited.stdout,
      /Account voor Bea Beheer \(gemeente-beheer\) aangemaakt\.\nActiveringslink \(\d+ uur geldig/,
    );
    assert.match(invited.stdout, /https?:\/\/[^/\s]+\/plein\/activeren\/[A-Za-z0-9_-]{40,}\n/);
    await refused(
      cli(
        'staff',
        'invite',
        '--name',
        'Bea',
        '--email',
        'BEA@test.burgernet.nl',
        '--role',
        'gemeente',
        '--gemeente',
        'GM0363',
      ),
      /Er is al een account met dit e-mailadres/,
    );

    const [account] = await rows<{ id: string }>(`select id from staff where email = 'bea@test.burgernet.nl'`);
    assert.ok(account !== undefined);
    assert.match((await cli('staff', 'revoke', '--id', account.id)).stdout, /Account van Bea Beheer ingetrokken/);
    await refused(cli('staff', 'revoke', '--id', account.id), /Geen actieve medewerker met dit id/);
    const audit = await rows<{ event: string; actor_name: string; actor_id: string | null }>(
      'select event, actor_name, actor_id from audit_log where subject_id = $1 order by id',
      [account.id],
    );
    assert.deepEqual(
      audit.map((a) => ({ ...a })),
      [
        { event: 'staff.created', actor_name: 'cli', actor_id: null },
        { event: 'staff.revoked', actor_name: 'cli', actor_id: null },
      ],
    );
  });

  test('meldkamer route sets where 0800-0011 puts callers through, audited as the command line', async () => {
    const routed = await cli('meldkamer', 'route', '--code', 're04', '--target', 'sip:meldkamer-re04@politie.test');
    assert.match(routed.stdout, /Meldkamer RE04 verbindt door naar sip:meldkamer-re04@politie\.test/);
    assert.deepEqual(await rows(`select phone_routing_target from meldkamers where code = 'RE04'`), [
      { phone_routing_target: 'sip:meldkamer-re04@politie.test' },
    ]);
    const audit = await rows<{ actor_name: string; details: unknown }>(
      `select actor_name, details from audit_log where event = 'meldkamer.routing-changed' and subject_id = 'RE04'`,
    );
    assert.deepEqual(
      audit.map((a) => ({ ...a })),
      [{ actor_name: 'cli', details: { target: 'sip:meldkamer-re04@politie.test' } }],
    );
  });

  test('npx burgernet runs the bin: its help lists every command in Dutch, and a missing option is refused in Dutch', async () => {
    const help = await run('npx', ['--no', '--', 'burgernet', '--help'], { env: env() });
    assert.match(help.stdout, /^Gebruik: burgernet \[opties\] \[opdracht\]\n/);
    for (const command of ['start', 'migrate', 'seed', 'history', 'staff', 'meldkamer', 'help'])
      assert.match(help.stdout, new RegExp(`^  ${command}\\b`, 'm'));
    assert.match(help.stdout, /Opdrachten:/);
    assert.doesNotMatch(help.stdout, /Usage|Options|Commands|display help/);

    const staffHelp = await run(process.execPath, ['bin/burgernet.js', 'staff', '--help'], { env: env() });
    for (const command of ['create', 'list', 'invite', 'revoke'])
      assert.match(staffHelp.stdout, new RegExp(`^  ${command}\\b`, 'm'));
    await refused(
      run(process.execPath, ['bin/burgernet.js', 'staff', 'create', '--name', 'X'], { env: env() }),
      /^fout: de optie '--role <rol>' is verplicht\n[\s\S]*Gebruik: burgernet staff create \[opties\]/,
    );
  });

  test('a wrong role or meldkamer is refused with a Dutch message and a failing exit code', async () => {
    await refused(cli('staff', 'create', '--name', 'X', '--role', 'koning'), /Onbekende rol "koning"/);
    await assert.rejects(
      cli('meldkamer', 'route', '--code', 'RE99', '--target', '+31201234567'),
      /Onbekende meldkamer/,
    );
  });
});
