// Runs the test files under src/ and test/ with Node's test runner, through tsx (Node's own type stripping does not
// map the `.js` import specifiers to `.ts` files).
//
//   npm test                          every test, on PGlite (or on DATABASE_URL when set)
//   npm test -- participants voice    the files whose path contains one of these words
//   npm test -- --store-contract      only the tests whose outcome depends on the database engine: the store and
//                                     its SQL, claims and leases, crash recovery, triggers, concurrency. CI runs
//                                     these a second time on PostgreSQL; HTTP, browser and protocol tests run once.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Test files that exercise the database engine itself (matched on the path). */
const STORE_CONTRACT = [
  'src/adapters/messaging/postgres-relay.test.ts',
  'src/adapters/store/',
  'test/action-lifecycle.test.ts',
  'test/app-privacy.test.ts',
  'test/burgernetmail-queue.test.ts',
  'test/cluster-call-routed-events.test.ts',
  'test/cluster-nats.test.ts',
  'test/crash-recovery.test.ts',
  'test/dashboard-api.test.ts',
  'test/dashboard-participant-counts.test.ts',
  'test/dispatch-resilience.test.ts',
  'test/participant-pause.test.ts',
  'test/participants-api.test.ts',
  'test/participants-scope.test.ts',
  'test/partner-webhooks.test.ts',
  'test/pending-receipts.test.ts',
  'test/relatiebeheer-import-large.test.ts',
  'test/self-service-erase.test.ts',
  'test/sms-connection-drops.test.ts',
  'test/sms-failover.test.ts',
  'test/sms-receipts-by-smsc.test.ts',
  'test/time-windows.test.ts',
];

function findTests(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : findTests(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const args = process.argv.slice(2);
const storeContract = args.includes('--store-contract');
const filter = args.filter((a) => a !== '--store-contract');
const files = ['src', 'test']
  .flatMap(findTests)
  .filter((f) => !storeContract || STORE_CONTRACT.some((p) => f.startsWith(p)))
  .filter((f) => filter.length === 0 || filter.some((p) => f.includes(p)))
  .sort();
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`, ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
