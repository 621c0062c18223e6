import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CallRoutedEvent } from '../../app/ports/call-routed-listener.js';
import { createInProcessCallRoutedEvents } from './in-process-call-routed-events.js';

const event: CallRoutedEvent = {
  at: new Date(0),
  actionId: 'a1',
  meldkamerCode: 'RE05',
  reason: 'active-action',
  transport: 'sip-udp',
};

test('subscribers get each routed call until they unsubscribe; one that throws does not stop the others', () => {
  const errors: object[] = [];
  const events = createInProcessCallRoutedEvents({
    info: () => undefined,
    warn: () => undefined,
    debug: () => undefined,
    error: (f) => errors.push(f),
  });
  const seen: CallRoutedEvent[] = [];
  events.subscribe(() => {
    throw new Error('broken listener');
  });
  const unsubscribe = events.subscribe((e) => seen.push(e));
  events.callRouted(event);
  unsubscribe();
  events.callRouted(event);
  assert.deepEqual(seen, [event]);
  assert.equal(errors.length, 2);
});
