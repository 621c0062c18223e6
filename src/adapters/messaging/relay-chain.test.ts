import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Logger } from '../../app/ports/logger.js';
import type { Relay, RelayKind } from './relay.js';
import { createRelayChain } from './relay-chain.js';

/** A relay in memory between two chains, which can be switched off as an unreachable server is. */
function link(kind: RelayKind) {
  const listeners: Record<'a' | 'b', Map<string, (payload: string) => void>> = { a: new Map(), b: new Map() };
  let up = true;
  const end = (self: 'a' | 'b', peer: 'a' | 'b'): Relay => ({
    kind,
    available: () => up,
    publish: (topic, payload) => {
      if (!up) return false;
      listeners[peer].get(topic)?.(payload);
      return true;
    },
    subscribe: (topic, listener) => void listeners[self].set(topic, listener),
    close: async () => {},
  });
  return { a: end('a', 'b'), b: end('b', 'a'), set: (value: boolean) => (up = value) };
}

function recordingLogger() {
  const lines: string[] = [];
  const logger: Logger = {
    info: (_f, m) => lines.push(`info ${m}`),
    warn: (_f, m) => lines.push(`warn ${m}`),
    error: (_f, m) => lines.push(`error ${m}`),
    debug: () => undefined,
  };
  return { lines, logger };
}

test('messages take the first available relay, fall back while it is away (logged once), and return to it', () => {
  const nats = link('nats');
  const postgres = link('postgres');
  const log = recordingLogger();
  const a = createRelayChain([nats.a, postgres.a], log.logger);
  const b = createRelayChain([nats.b, postgres.b], recordingLogger().logger);
  const heard: string[] = [];
  b.subscribe('wake.targeting', (p) => heard.push(p));

  a.publish('wake.targeting', '1');
  nats.set(false);
  assert.equal(a.via(), 'postgres');
  a.publish('wake.targeting', '2');
  a.publish('wake.targeting', '3');
  postgres.set(false);
  assert.equal(a.via(), null);
  a.publish('wake.targeting', 'lost');
  nats.set(true);
  postgres.set(true);
  a.publish('wake.targeting', '4');

  assert.deepEqual(heard, ['1', '2', '3', '4']);
  assert.deepEqual(a.counts(), {
    sent: { nats: 2, postgres: 2 },
    received: { nats: 0, postgres: 0 },
    unsent: 1,
    outages: 1,
  });
  assert.deepEqual(b.counts().received, { nats: 2, postgres: 2 });
  assert.deepEqual(log.lines, [
    'warn relay unavailable; wake-ups and live events go the fallback way until it is back',
    'info relay back; messages go over it again',
  ]);
});

test('a listener that throws is logged and the chain goes on', () => {
  const nats = link('nats');
  const log = recordingLogger();
  const a = createRelayChain([nats.a], recordingLogger().logger);
  const b = createRelayChain([nats.b], log.logger);
  b.subscribe('events.call-routed', () => {
    throw new Error('broken listener');
  });
  assert.doesNotThrow(() => a.publish('events.call-routed', '{}'));
  assert.deepEqual(log.lines, ['error handling a relayed message failed']);
});
