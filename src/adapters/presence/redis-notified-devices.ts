import type { NotifiedDevices } from '../../app/ports/notified-devices.js';
import type { PushTarget } from '../../app/ports/push-channel.js';
import type { RedisConnection } from '../redis/redis-connection.js';

/**
 * How long an action's set outlives its last change: an action's end normally drops it; this only makes sure
 * that one whose end never came (a node that stopped) does not stay.
 */
const NOTIFIED_TTL_MS = 24 * 3_600_000;
/** Phones added per script call. */
const ADD_BATCH = 500;

/**
 * Per action, the phones its alert went to, shared by the nodes in a Redis that keeps nothing on disk: a hash of
 * subscription id → push target per action (what the in-memory set holds), and per subscription the set of
 * actions it is in (so an unsubscribed phone leaves them all). Both expire a day after their last change.
 */
export function createRedisNotifiedDevices(redis: RedisConnection): NotifiedDevices {
  const actionKey = (actionId: string) => redis.key('notified', 'action', actionId);
  const deviceKey = (subscriptionId: string) => redis.key('notified', 'device', subscriptionId);
  const deviceKeyPrefix = deviceKey('');
  const actionKeyPrefix = actionKey('');

  const addBatch = async (actionId: string, targets: readonly PushTarget[]): Promise<readonly PushTarget[]> => {
    const added: PushTarget[] = [];
    for (let i = 0; i < targets.length; i += ADD_BATCH) {
      const batch = targets.slice(i, i + ADD_BATCH);
      const flags = await redis.attempt(
        'notified.add',
        (client) =>
          client.eval(ADD, {
            keys: [actionKey(actionId)],
            arguments: [
              actionId,
              String(NOTIFIED_TTL_MS),
              deviceKeyPrefix,
              ...batch.flatMap((t) => [t.subscriptionId, JSON.stringify(t)]),
            ],
          }),
        // Added nobody: these phones are not sent the alert now, so none is told twice; on arrival they may be.
        [],
      );
      if (Array.isArray(flags)) batch.forEach((target, j) => Number(flags[j]) === 1 && added.push(target));
    }
    return added;
  };

  return {
    async add(actionId, target) {
      return (await addBatch(actionId, [target])).length === 1;
    },
    addNew: addBatch,
    async remove(actionId, subscriptionId) {
      await redis.attempt(
        'notified.remove',
        (client) =>
          client.multi().hDel(actionKey(actionId), subscriptionId).sRem(deviceKey(subscriptionId), actionId).exec(),
        null,
      );
    },
    async has(actionId, subscriptionId) {
      // Unknown counts as told: nobody is sent an alert twice while Redis is away.
      const found = await redis.attempt(
        'notified.has',
        (client) => client.hExists(actionKey(actionId), subscriptionId),
        1,
      );
      return Number(found) === 1;
    },
    async of(actionId) {
      const values = await redis.attempt('notified.of', (client) => client.hVals(actionKey(actionId)), []);
      return values.map((value) => JSON.parse(String(value)) as PushTarget);
    },
    async forgetAction(actionId) {
      await redis.attempt(
        'notified.forget-action',
        (client) => client.eval(FORGET_ACTION, { keys: [actionKey(actionId)], arguments: [actionId, deviceKeyPrefix] }),
        null,
      );
    },
    async forgetDevice(subscriptionId) {
      await redis.attempt(
        'notified.forget-device',
        (client) =>
          client.eval(FORGET_DEVICE, {
            keys: [deviceKey(subscriptionId)],
            arguments: [subscriptionId, actionKeyPrefix],
          }),
        null,
      );
    },
  };
}

/** KEYS: the action's hash. ARGV: action id, ttl, the prefix of device keys, then subscription id and target pairs. */
const ADD = `
local added = {}
for i = 4, #ARGV, 2 do
  local flag = redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1])
  if flag == 1 then
    local device = ARGV[3] .. ARGV[i]
    redis.call('SADD', device, ARGV[1])
    redis.call('PEXPIRE', device, ARGV[2])
  end
  added[#added + 1] = flag
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return added
`;

/** KEYS: the action's hash. ARGV: action id, the prefix of device keys. */
const FORGET_ACTION = `
for _, id in ipairs(redis.call('HKEYS', KEYS[1])) do redis.call('SREM', ARGV[2] .. id, ARGV[1]) end
redis.call('DEL', KEYS[1])
return 1
`;

/** KEYS: the device's set of actions. ARGV: subscription id, the prefix of action keys. */
const FORGET_DEVICE = `
for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do redis.call('HDEL', ARGV[2] .. id, ARGV[1]) end
redis.call('DEL', KEYS[1])
return 1
`;
