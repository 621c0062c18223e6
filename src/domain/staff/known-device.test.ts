import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEVICE_TOKENS_PER_BROWSER, deviceTokensAfterLogin } from './known-device.js';

test("a complete login replaces the account's previous token in the browser and keeps the other accounts' tokens", () => {
  assert.deepEqual(deviceTokensAfterLogin([], null, 'n'), ['n']);
  assert.deepEqual(deviceTokensAfterLogin(['a', 'b', 'c'], 'b', 'n'), ['a', 'c', 'n']);
  assert.deepEqual(deviceTokensAfterLogin(['a', 'b'], null, 'n'), ['a', 'b', 'n']);
});

test('property: the browser keeps at most its limit of tokens, the new one always, the replaced one never', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 30 }),
      fc.nat(40),
      fc.string({ minLength: 5, maxLength: 6 }),
      (previous, i, fresh) => {
        const replaced = previous[i] ?? null;
        const next = deviceTokensAfterLogin(previous, replaced, fresh);
        assert.ok(next.length <= DEVICE_TOKENS_PER_BROWSER);
        assert.equal(next.at(-1), fresh);
        if (replaced !== null) assert.ok(!next.includes(replaced));
        assert.equal(new Set(next).size, next.length);
      },
    ),
  );
});
