import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { concatUdh, findConcatInfo } from './udh.js';

test('8-bit and 16-bit concatenation headers have the standard layout', () => {
  assert.deepEqual([...concatUdh({ reference: 0x1a7, total: 3, sequence: 2 }, 8)], [5, 0x00, 3, 0xa7, 3, 2]);
  assert.deepEqual([...concatUdh({ reference: 0x1a7, total: 3, sequence: 2 }, 16)], [6, 0x08, 4, 0x01, 0xa7, 3, 2]);
});

const bitsArb = fc.constantFrom(8 as const, 16 as const);

test('property: the concatenation element reads back', () => {
  fc.assert(
    fc.property(bitsArb, fc.nat(0xffff), fc.integer({ min: 1, max: 255 }), (bits, reference, total) => {
      const info = { reference: bits === 8 ? reference & 0xff : reference, total, sequence: total };
      const udh = concatUdh(info, bits);
      assert.equal(udh[0], udh.length - 1);
      assert.deepEqual(findConcatInfo([udh.subarray(1)]), info);
    }),
  );
});
