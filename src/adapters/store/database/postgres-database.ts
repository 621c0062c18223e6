import pg from 'pg';
import type { Database, Queryable } from './database.js';
import { asDatabaseError } from './database-unavailable.js';

const INT8_OID = 20;
/**
 * A server that does not answer a connection attempt in this time counts as away (DatabaseUnavailableError): the
 * API answers 503 at once instead of hanging while the database restarts or the network to it is gone.
 */
const CONNECT_TIMEOUT_MS = 2_000;
/**
 * The longest a query waits for a free connection of the pool, every one being busy. Longer than a connection
 * attempt, so that a busy pool under load (a large fan-out) slows the API down rather than refusing it.
 */
const POOL_WAIT_TIMEOUT_MS = 10_000;
/** TCP keep-alive on every connection, so that one to a server that vanished (a network cut) is noticed. */
const KEEP_ALIVE_DELAY_MS = 10_000;

/** Each connection attempt of the pool gives up after CONNECT_TIMEOUT_MS; the pool's own timeout is the wait for a free one. */
class PoolClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({
      ...(typeof config === 'string' ? { connectionString: config } : config),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
  }
}

/**
 * A PostgreSQL server through a connection pool. When the server is away (restarting, refusing connections, the
 * network gone) queries fail fast with a DatabaseUnavailableError; the pool connects again once it is back.
 */
/** No transaction of ours waits on its client this long; one that does belongs to a node that was cut off. */
const IDLE_IN_TRANSACTION_TIMEOUT_MS = 15_000;

export async function openPostgresDatabase(connectionString: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    Client: PoolClient,
    connectionTimeoutMillis: POOL_WAIT_TIMEOUT_MS,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEP_ALIVE_DELAY_MS,
    // A node cut off mid-transaction leaves its session idle in that transaction, holding row and advisory locks
    // that would stall every other node; the server ends such a session after this, and its locks with it.
    options: `-c idle_in_transaction_session_timeout=${IDLE_IN_TRANSACTION_TIMEOUT_MS}`,
    types: {
      // Row ids and counts are int8; ours stay far below 2^53, so numbers are safe and simpler.
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (v: string) => Number(v)
          : (pg.types.getTypeParser(oid, format) as (v: string) => unknown)) as typeof pg.types.getTypeParser,
    },
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  await pool.query('select 1').catch(async (error: unknown) => {
    await pool.end();
    throw asDatabaseError(error);
  });
  return {
    kind: 'postgres',
    ...queryableOf(pool),
    transaction: async (work) => {
      const client = await pool.connect().catch((error: unknown) => {
        throw asDatabaseError(error);
      });
      // A client out of the pool has no error listener of the pool's: without this one, the server ending the
      // session (a restart) between two statements would be an unhandled 'error' event that ends the process.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await work(queryableOf(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackFailed: unknown) => {
          broken ??= rollbackFailed instanceof Error ? rollbackFailed : new Error(String(rollbackFailed));
        });
        throw asDatabaseError(error);
      } finally {
        client.off('error', onError);
        // A broken connection leaves the pool instead of going back to it.
        client.release(broken);
      }
    },
    runScript: async (sql) => {
      await pool.query(sql).catch((error: unknown) => {
        throw asDatabaseError(error);
      });
    },
    close: () => pool.end(),
  };
}

function queryableOf(target: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: async <Row>(sql: string, params: readonly unknown[] = []) => {
      try {
        return (await target.query(sql, [...params])).rows as Row[];
      } catch (error) {
        throw asDatabaseError(error);
      }
    },
    execute: async (sql, params = []) => {
      try {
        return (await target.query(sql, [...params])).rowCount ?? 0;
      } catch (error) {
        throw asDatabaseError(error);
      }
    },
  };
}
