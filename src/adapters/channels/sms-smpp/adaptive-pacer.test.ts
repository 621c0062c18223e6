import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AdaptivePacer } from './adaptive-pacer.js';

const rate = fc.integer({ min: 1, max: 5_000 });

function pacerAt(messagesPerSecond: number, clock: { ms: number }): AdaptivePacer {
  return new AdaptivePacer({ messagesPerSecond, throttlePauseMs: 100, recoveryMs: 1_000, now: () => clock.ms });
}

describe('AdaptivePacer', () => {
  test('property: never grants more than the rate allows plus one bucket', () => {
    fc.assert(
      fc.property(rate, fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (rate, steps) => {
        const clock = { ms: 0 };
        const pacer = pacerAt(rate, clock);
        let granted = 0;
        for (const step of steps) {
          clock.ms += step;
          while (pacer.take() === 0) granted += 1;
        }
        const bucket = Math.max(1, (rate / 1000) * 50);
        assert.ok(granted <= (rate * clock.ms) / 1000 + bucket + 1, `${granted} in ${clock.ms} ms at ${rate}/s`);
      }),
    );
  });

  test('property: the wait it asks for is enough to get a token', () => {
    fc.assert(
      fc.property(rate, (rate) => {
        const clock = { ms: 0 };
        const pacer = pacerAt(rate, clock);
        while (pacer.take() === 0);
        clock.ms += pacer.take();
        assert.equal(pacer.take(), 0);
      }),
    );
  });

  test('a throttle pauses, halves the rate once per pause, and the rate recovers', () => {
    const clock = { ms: 0 };
    const pacer = pacerAt(1_000, clock);
    pacer.slowDown();
    pacer.slowDown();
    assert.equal(pacer.currentRate, 500);
    assert.equal(pacer.take(), 100);
    clock.ms = 100;
    assert.equal(pacer.take(), 0);
    pacer.slowDown();
    assert.ok(pacer.currentRate < 500);
    clock.ms += 2_000;
    pacer.take();
    assert.equal(pacer.currentRate, 1_000);
  });
});
