import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientKey } from './client-key.js';

test('IPv6 addresses in one /64 are one client, however they are written; another /64 is another client', () => {
  const home = clientKey('2001:db8:1:2::1');
  assert.equal(home, '2001:db8:1:2::/64');
  assert.equal(clientKey('2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd'), home);
  assert.equal(clientKey('2001:db8:1:2:ffff:ffff:ffff:ffff'), home);
  assert.notEqual(clientKey('2001:db8:1:3::1'), home);
  assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
  assert.equal(clientKey('::1'), '0:0:0:0::/64');
  assert.equal(clientKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
});

test('IPv4 addresses stay whole, also when mapped into IPv6', () => {
  assert.equal(clientKey('192.0.2.1'), '192.0.2.1');
  assert.equal(clientKey('::ffff:192.0.2.1'), '192.0.2.1');
  assert.notEqual(clientKey('192.0.2.2'), clientKey('192.0.2.1'));
});
