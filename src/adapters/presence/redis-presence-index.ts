import type { PresenceIndex, PresentDevice } from '../../app/ports/presence-index.js';
import type { PushTarget } from '../../app/ports/push-channel.js';
import type { PresenceCell } from '../../domain/push/presence-cell.js';
import type { RedisConnection } from '../redis/redis-connection.js';
import { presenceCellsCovering } from './presence-cells.js';

/** What Redis holds per subscription: no more than the in-memory index does. */
interface Entry {
  readonly cell: PresenceCell;
  readonly tokenHash: string;
  readonly target: PushTarget;
  readonly expiresAt: number;
}

/**
 * Presence shared by the nodes, in a Redis that keeps nothing on disk (checked at the start, ADR 0003). Per
 * subscription a key that Redis drops `ttlMs` after the phone last sent its cell; per cell a sorted set of
 * subscription ids scored by when they expire, trimmed as it is read and dropped itself when its last phone
 * expires. Liveness is decided on the caller's clock, as in memory; the key expiry only makes sure nothing stays.
 */
export function createRedisPresenceIndex(redis: RedisConnection, options: { readonly ttlMs: number }): PresenceIndex {
  const deviceKey = (subscriptionId: string) => redis.key('presence', 'device', subscriptionId);
  const cellKey = (cell: string) => redis.key('presence', 'cell', cell);
  const allKey = redis.key('presence', 'all');
  const live = (entry: Entry | null, at: Date): entry is Entry => entry !== null && entry.expiresAt > at.getTime();

  return {
    async mark(device, cell, at) {
      const expiresAt = at.getTime() + options.ttlMs;
      const entry: Entry = { cell, tokenHash: device.tokenHash, target: device.target, expiresAt };
      const answer = await redis.attempt(
        'presence.mark',
        (client) =>
          client.eval(MARK, {
            keys: [deviceKey(device.target.subscriptionId), cellKey(cell), allKey],
            arguments: [
              device.target.subscriptionId,
              cell,
              device.tokenHash,
              JSON.stringify(entry),
              String(expiresAt),
              String(options.ttlMs),
              String(at.getTime()),
              cellKey(''),
            ],
          }),
        // Not marked: nothing happens for this phone until Redis is back and it reports again.
        'stayed',
      );
      return answer === 'arrived' ? 'arrived' : 'stayed';
    },

    async find(subscriptionId, at) {
      const value = await redis.attempt('presence.find', (client) => client.get(deviceKey(subscriptionId)), null);
      const entry = parseEntry(value);
      return live(entry, at) ? deviceOf(entry) : null;
    },

    async forget(subscriptionId) {
      // Unreachable: the key expires by itself.
      await redis.attempt(
        'presence.forget',
        (client) =>
          client.eval(FORGET, { keys: [deviceKey(subscriptionId), allKey], arguments: [subscriptionId, cellKey('')] }),
        null,
      );
    },

    cellsCovering: presenceCellsCovering,

    async presentIn(cells, at) {
      if (cells.size === 0) return [];
      const now = at.getTime();
      return redis.attempt(
        'presence.present-in',
        async (client) => {
          const batch = client.multi();
          for (const cell of cells) {
            batch.zRemRangeByScore(cellKey(cell), '-inf', now);
            batch.zRangeByScore(cellKey(cell), `(${now}`, '+inf');
          }
          const replies = await batch.exec();
          const ids = replies
            .filter((reply, i) => i % 2 === 1 && Array.isArray(reply))
            .flat()
            .map(String);
          const found: PushTarget[] = [];
          for (let i = 0; i < ids.length; i += MGET_BATCH) {
            const values = await client.mGet(ids.slice(i, i + MGET_BATCH).map(deviceKey));
            for (const value of values) {
              const entry = parseEntry(value);
              if (live(entry, at) && cells.has(entry.cell)) found.push(entry.target);
            }
          }
          return found;
        },
        // Nobody found: the alert reaches fewer phones (none) while Redis is away; counted by the connection.
        [],
      );
    },

    async count(at) {
      return redis.attempt(
        'presence.count',
        async (client) => {
          const [, live] = await client.multi().zRemRangeByScore(allKey, '-inf', at.getTime()).zCard(allKey).exec();
          return Number(live);
        },
        0,
      );
    },
  };
}

const MGET_BATCH = 1_000;

/**
 * KEYS: the device, its new cell, all devices. ARGV: subscription id, cell, token hash, entry, expires at, ttl,
 * now, the prefix of cell keys. A phone that moved leaves its previous cell's set.
 */
const MARK = `
local previous = redis.call('GET', KEYS[1])
local answer = 'arrived'
if previous then
  local p = cjson.decode(previous)
  if p.expiresAt > tonumber(ARGV[7]) and p.cell == ARGV[2] and p.tokenHash == ARGV[3] then answer = 'stayed' end
  if p.cell ~= ARGV[2] then redis.call('ZREM', ARGV[8] .. p.cell, ARGV[1]) end
end
redis.call('SET', KEYS[1], ARGV[4], 'PX', ARGV[6])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[1])
redis.call('PEXPIRE', KEYS[2], ARGV[6])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1])
redis.call('PEXPIRE', KEYS[3], ARGV[6])
return answer
`;

/** KEYS: the device, all devices. ARGV: subscription id, the prefix of cell keys. */
const FORGET = `
local previous = redis.call('GET', KEYS[1])
if previous then redis.call('ZREM', ARGV[2] .. cjson.decode(previous).cell, ARGV[1]) end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('DEL', KEYS[1])
return 1
`;

function parseEntry(value: unknown): Entry | null {
  return typeof value === 'string' ? (JSON.parse(value) as Entry) : null;
}

function deviceOf(entry: Entry): PresentDevice {
  return { target: entry.target, tokenHash: entry.tokenHash };
}
