import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { postTip } from './support/app-support.js';
import { subscribePhone, type SimulatedPhone } from './support/phones.js';
import { startRedisServer, type TestRedisServer } from './support/redis.js';
import { circle, DAM, progressOf, seedAmsterdam, sentTo, settled, startAction } from './support/sms-actions.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

/** Where the phone is: in the area of every action below, and no action's centre. */
const NEAR_DAM = { lat: 52.370217, lon: 4.895213 };

/**
 * The state shared by the nodes but never stored (presence, the notified phones, rate limits) lives in Redis. Redis
 * going away for a while must cost only that: SMS goes on, push targeting reaches nobody (logged, counted),
 * the app keeps answering, tips are refused with a Dutch 503; when Redis is back everything works again by itself.
 */
describe('Redis down for a while, then back', { timeout: 180_000 }, () => {
  let redis: TestRedisServer;
  let db: TestDatabase;
  let node: TestSystem;
  let centralist: ApiClient;
  let app: ApiClient;
  let phone: SimulatedPhone;
  let actions = 0;
  /** The action started while Redis was down: its alert reached no phone then. */
  let missedId = '';
  const logLines: string[] = [];

  const alertsOf = (actionId: string) => phone.received().filter((m) => m.actionId === actionId && m.type === 'alert');
  const send = (words: string) => {
    actions += 1;
    return startAction(centralist, {
      type: 'vermissing',
      message: `Vermist: test ${actions}, ${words}.`,
      area: circle(DAM, 600),
    });
  };

  before(async () => {
    redis = await startRedisServer();
    db = await createTestDatabase();
    node = await startTestSystem(
      {
        REDIS_URL: redis.url,
        LOG_LEVEL: 'info',
        PUSH_ENCRYPTION_THREADS: '1',
        APP_TIPS_PER_HOUR: '100',
        PUSH_REQUESTS_PER_MINUTE: '100000',
      },
      { testDatabase: db, logDestination: { write: (line: string) => void logLines.push(line) } },
    );
    await seedAmsterdam(db.database, 2_000);
    centralist = node.api(await node.staffToken('centralist', 'RE05'));
    app = node.api(null);
    phone = await subscribePhone(app, node.system.push.localPushService!);
  });
  after(async () => {
    await node?.stop();
    await db?.drop();
    await redis?.dispose();
  });

  test('with Redis up, a phone present in the area gets the alert', async () => {
    assert.equal(await phone.moveTo(NEAR_DAM), 204);
    const action = await send('blauwe jas');
    await eventually(() => assert.equal(alertsOf(action.id).length, 1));
    await settled(centralist, action);
  });

  test('with Redis down: SMS goes out in full, push reaches nobody, the app answers, tips get a Dutch 503', async () => {
    await redis.stop();
    const action = await send('groene jas');
    missedId = action.id;
    await settled(centralist, action);
    assert.ok(action.recipients > 0);
    const numbers = sentTo(node.system.sms.simulator!, action.text);
    assert.equal(numbers.length, action.recipients, 'every SMS recipient got the alert');
    assert.equal(new Set(numbers).size, numbers.length, 'once');

    // The push fan-out finished, to nobody: no presence could be read.
    await eventually(async () => {
      const push = (await progressOf(centralist, action.id)).push;
      assert.equal(push.fanouts.length, 1, JSON.stringify(push));
      assert.equal(push.fanouts[0].status, 'finished');
      assert.equal(push.fanouts[0].targeted, 0);
    });
    assert.deepEqual(alertsOf(action.id), []);

    // The app's feed fails open; a phone reporting in is answered (nothing is marked); a tip fails closed.
    assert.equal((await app.get('/app/v1/actions')).status, 200);
    assert.equal(await phone.moveTo(NEAR_DAM), 204);
    const tip = await postTip(node.url, action.id, { text: 'Ik zag een groene jas bij het station.' });
    assert.equal(tip.status, 503, JSON.stringify(tip.body));
    assert.equal(tip.body.type.endsWith('/docs/errors/request.rate-limit-unavailable'), true, tip.body.type);
    assert.equal(tip.body.title, 'Dit kan nu even niet; probeer het zo opnieuw');
    assert.equal(tip.headers.get('retry-after'), '30');

    // Logged once as the outage began, and counted.
    assert.ok(node.system.shared.redis!.fallbacks() > 0);
    assert.equal(logLines.filter((l) => l.includes('redis unreachable')).length, 1, 'one warning per outage');
  });

  test('Redis back (empty): presence works again by itself, and the phone gets what it missed on arrival', async () => {
    await redis.restart();
    // The phone reports in as the app does every few minutes; once Redis is reachable again it is new there (the
    // restarted Redis is empty), so it arrives, and gets the alert of the action it missed.
    await eventually(
      async () => {
        assert.equal(await phone.moveTo(NEAR_DAM), 204);
        assert.equal(alertsOf(missedId).length, 1);
      },
      15_000,
      200,
    );
    assert.ok(logLines.some((l) => l.includes('redis reachable again')));
    const action = await send('gele jas');
    await eventually(() => assert.equal(alertsOf(action.id).length, 1));
    await settled(centralist, action);
    const tip = await postTip(node.url, action.id, { text: 'Ik zag een gele jas bij de brug.' });
    assert.equal(tip.status, 201, JSON.stringify(tip.body));
  });
});
