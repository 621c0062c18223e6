import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checkAudience, parsePostcodeRanges, postcodeBounds, postcodeInRanges } from './audience.js';

const pc4 = fc.integer({ min: 1000, max: 9999 }).map(String);
const letters = fc
  .tuple(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'))
  .map(([a, b]) => a + b);
const pc6 = fc.tuple(pc4, letters).map(([n, l]) => n + l);

test('a PC4 range takes in exactly the postcodes whose four digits lie in it', () => {
  fc.assert(
    fc.property(pc4, pc4, pc6, (a, b, postcode) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      const digits = postcode.slice(0, 4);
      assert.equal(postcodeInRanges(postcode, [{ from, to }]), digits >= from && digits <= to);
    }),
  );
});

test('a PC6 range takes in exactly the postcodes between its ends', () => {
  fc.assert(
    fc.property(pc6, pc6, pc6, (a, b, postcode) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      assert.equal(postcodeInRanges(postcode, [{ from, to }]), postcode >= from && postcode <= to);
    }),
  );
  assert.deepEqual(postcodeBounds({ from: '3511', to: '3514' }), { from: '3511AA', to: '3514ZZ' });
});

test('ranges as people type them; nonsense and reversed or mixed ranges are refused', () => {
  assert.deepEqual(parsePostcodeRanges('3511-3514, 3581 ab; 3600\n1012AB – 1012AZ'), [
    { from: '3511', to: '3514' },
    { from: '3581AB', to: '3581AB' },
    { from: '3600', to: '3600' },
    { from: '1012AB', to: '1012AZ' },
  ]);
  assert.equal(parsePostcodeRanges('35111'), null);
  assert.equal(parsePostcodeRanges('3511-3512-3513'), null);
  assert.deepEqual(checkAudience({ kind: 'postcodes', ranges: [{ from: '3514', to: '3511' }] }), {
    kind: 'postcode-order',
    range: { from: '3514', to: '3511' },
  });
  assert.deepEqual(
    checkAudience({ kind: 'postcodes', ranges: [{ from: '3511', to: '3511AB' }] })?.kind,
    'postcode-order',
  );
  assert.deepEqual(checkAudience({ kind: 'postcodes', ranges: [] }), { kind: 'postcode-count' });
  assert.deepEqual(
    checkAudience({ kind: 'area', area: { kind: 'circle', centre: { lat: 52.37, lon: 4.89 }, radiusMetres: 10 } }),
    { kind: 'area', problem: 'radius-out-of-range' },
  );
  assert.equal(checkAudience({ kind: 'gemeente', gemeenteCode: 'GM0363' }), null);
});
