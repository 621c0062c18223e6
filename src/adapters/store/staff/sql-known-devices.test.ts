import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { createStore } from '../create-store.js';
import { migrate } from '../migrate.js';
import type { Store } from '../../../app/ports/stores.js';

const NOW = new Date('2026-12-07T10:00:00Z');
const DAY = 24 * 60 * 60_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe('known devices in the store', () => {
  let testDb: TestDatabase;
  let store: Store;
  const newStaff = async () => {
    const id = randomUUID();
    await store.staffAccounts.create({
      id,
      name: 'Beheer',
      email: `${id}@test.burgernet.nl`,
      role: 'landelijk-beheer',
      meldkamerCode: null,
      gemeenteCode: null,
      activationHash: null,
      activationExpiresAt: null,
    });
    return id;
  };
  const device = (tokenHash: string, staffId: string, createdAt = NOW) => ({
    tokenHash,
    staffId,
    createdAt,
    expiresAt: new Date(createdAt.getTime() + 90 * DAY),
  });

  before(async () => {
    testDb = await createTestDatabase();
    await migrate(testDb.database);
    store = createStore(testDb.database);
  });
  after(() => testDb.drop());

  test('a device is found for its own staff member only, and only until it expires', async () => {
    const [a, b] = [await newStaff(), await newStaff()];
    await store.knownDevices.remember(device('hash-a', a), null, 10);
    assert.equal(await store.knownDevices.findOf(a, ['onbekend', 'hash-a'], NOW), 'hash-a');
    assert.equal(await store.knownDevices.findOf(b, ['hash-a'], NOW), null);
    assert.equal(await store.knownDevices.findOf(a, [], NOW), null);
    assert.equal(await store.knownDevices.findOf(a, ['hash-a'], later(90 * DAY)), null);
  });

  test("a new token replaces the browser's previous one; an account keeps only its newest devices", async () => {
    const a = await newStaff();
    await store.knownDevices.remember(device('first', a), null, 3);
    await store.knownDevices.remember(device('second', a, later(1000)), 'first', 3);
    assert.equal(await store.knownDevices.findOf(a, ['first'], later(2000)), null);
    assert.equal(await store.knownDevices.findOf(a, ['second'], later(2000)), 'second');
    for (let i = 0; i < 4; i++) await store.knownDevices.remember(device(`more-${i}`, a, later(2000 + i)), null, 3);
    const rows = await testDb.database.query<{ token_hash: string }>(
      'select token_hash from staff_known_devices where staff_id = $1 order by created_at',
      [a],
    );
    assert.deepEqual(
      rows.map((r) => r.token_hash),
      ['more-1', 'more-2', 'more-3'],
    );
  });
});
