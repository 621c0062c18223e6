import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createAddressAllowList } from './address-allow-list.js';

test('single addresses and CIDR blocks of both families are allowed, nothing else', () => {
  const allowed = createAddressAllowList(['192.0.2.10', '198.51.100.0/24', '2001:db8::/32']);
  assert.equal(allowed('192.0.2.10'), true);
  assert.equal(allowed('::ffff:192.0.2.10'), true);
  assert.equal(allowed('192.0.2.11'), false);
  assert.equal(allowed('198.51.100.254'), true);
  assert.equal(allowed('198.51.101.1'), false);
  assert.equal(allowed('2001:db8:ffff::1'), true);
  assert.equal(allowed('2001:db9::1'), false);
  assert.equal(allowed('not an address'), false);
  assert.equal(allowed(''), false);
  assert.throws(() => createAddressAllowList(['300.1.1.1']));
});
