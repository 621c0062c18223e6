import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startNatsServer, type TestNatsServer } from '../../../test/support/nats-server.js';
import { eventually } from '../../../test/support/test-system.js';
import type { Logger } from '../../app/ports/logger.js';
import { openNatsRelay, type NatsRelayOptions } from './nats-relay.js';
import type { Relay } from './relay.js';

const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe('NATS relay', { timeout: 60_000 }, () => {
  let server: TestNatsServer;
  const opened: Relay[] = [];
  const open = async (overrides: Partial<NatsRelayOptions> = {}) => {
    const relay = await openNatsRelay(
      {
        url: server.url,
        subjectPrefix: 'test',
        name: 'test',
        connectTimeoutMs: 1_000,
        reconnectWaitMs: 50,
        maxConnectBackoffMs: 200,
        ...overrides,
      },
      quiet,
    );
    opened.push(relay);
    return relay;
  };
  /** Publishes until the listener has heard one (a subscription reaches the server shortly after it is made). */
  const heard = async (from: Relay, received: string[], topic = 'wake.targeting') => {
    const before = received.length;
    await eventually(() => {
      assert.ok(from.publish(topic, 'x'), 'handed over');
      assert.ok(received.length > before, 'heard');
    }, 10_000);
  };

  before(async () => {
    server = await startNatsServer();
  });
  after(async () => {
    await Promise.all(opened.map((r) => r.close()));
    await server.stop();
  });

  test('a message reaches the other nodes of the same prefix, not the sender itself, not another system', async () => {
    const a = await open();
    const b = await open();
    const other = await open({ subjectPrefix: 'other' });
    const atA: string[] = [];
    const atB: string[] = [];
    const atOther: string[] = [];
    a.subscribe('events.call-routed', (p) => atA.push(p));
    b.subscribe('events.call-routed', (p) => atB.push(p));
    other.subscribe('events.call-routed', (p) => atOther.push(p));
    await heard(a, atB, 'events.call-routed');
    assert.deepEqual(atA, []);
    assert.deepEqual(atOther, []);
    assert.equal(atB.at(-1), 'x');
  });

  test('while the server is away a publish is refused at once; back, the client resubscribes by itself', async () => {
    const a = await open();
    const b = await open();
    const atB: string[] = [];
    b.subscribe('wake.targeting', (p) => atB.push(p));
    await heard(a, atB);
    await server.stop();
    await eventually(() => assert.equal(a.available(), false));
    assert.equal(a.publish('wake.targeting', 'lost'), false);
    await server.restart();
    await eventually(() => assert.ok(a.available() && b.available()), 10_000);
    await heard(a, atB);
    assert.ok(!atB.includes('lost'));
  });

  test('a node started while NATS is down starts anyway and connects when NATS comes', async () => {
    await server.stop();
    const late = await open();
    assert.equal(late.available(), false);
    const atLate: string[] = [];
    late.subscribe('wake.deliveries.sms', (p) => atLate.push(p));
    await server.restart();
    const a = await open();
    await eventually(() => assert.ok(late.available()), 10_000);
    await heard(a, atLate, 'wake.deliveries.sms');
  });
});
