import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startOwnPostgres, type OwnPostgres } from '../../../../test/support/own-postgres.js';
import type { Database } from './database.js';
import { DatabaseUnavailableError } from './database-unavailable.js';
import { openPostgresDatabase } from './postgres-database.js';

describe('a PostgreSQL server that goes away and comes back', () => {
  let server: OwnPostgres;
  let db: Database;

  before(async () => {
    server = await startOwnPostgres();
    db = await openPostgresDatabase(server.url, 3);
  });
  after(async () => {
    await db?.close();
    await server?.remove();
  });

  test('a statement that is wrong keeps its own error: the server is not away', async () => {
    await assert.rejects(db.query('selec 1'), (error: Error & { code?: string }) => {
      assert.ok(!(error instanceof DatabaseUnavailableError));
      assert.equal(error.code, '42601');
      return true;
    });
  });

  test('a session ended by a fast shutdown inside a transaction fails that transaction, not the process', async () => {
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => (inside = resolve));
    let goOn!: () => void;
    const stopped = new Promise<void>((resolve) => (goOn = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.query('select 1');
      inside();
      // The server ends this session while the transaction waits here (the pool's client has no listener then).
      await stopped;
      return tx.query('select 2');
    });
    await entered;
    await server.stop('fast');
    goOn();
    await assert.rejects(transaction, DatabaseUnavailableError);
  });

  test('while it is away a query fails as unavailable; once it is back the pool connects again', async () => {
    await assert.rejects(db.query('select 1'), DatabaseUnavailableError);
    await assert.rejects(
      db.transaction((tx) => tx.query('select 1')),
      DatabaseUnavailableError,
    );
    await server.start();
    assert.deepEqual(await db.query('select 1 as one'), [{ one: 1 }]);
  });
});

// Without a connect timeout this waits for ever: the test's timeout fails it.
test('a server that takes connections and never answers counts as unavailable', { timeout: 20_000 }, async () => {
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as AddressInfo;
  try {
    await assert.rejects(
      openPostgresDatabase(`postgres://postgres@127.0.0.1:${port}/none`, 1),
      DatabaseUnavailableError,
    );
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});
