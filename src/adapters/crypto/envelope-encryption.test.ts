import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { dataKeyIdOf, keyIdOf, newDataKey, open, seal, unwrapDataKey, wrapDataKey } from './envelope-encryption.js';

test('a sealed secret opens only with its data key, for its purpose and row, unchanged', () => {
  const key = newDataKey();
  const sealed = seal(key, 'key-one-abcd', 'staff.totp_secret', 'staff-1', 'JBSWY3DPEHPK3PXP');
  assert.match(sealed, /^bn1\.key-one-abcd\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  assert.ok(!sealed.includes('JBSWY3DPEHPK3PXP'));
  assert.equal(dataKeyIdOf(sealed), 'key-one-abcd');
  assert.equal(open(key, 'staff.totp_secret', 'staff-1', sealed), 'JBSWY3DPEHPK3PXP');
  assert.notEqual(seal(key, 'key-one-abcd', 'staff.totp_secret', 'staff-1', 'JBSWY3DPEHPK3PXP'), sealed, 'a fresh IV');
  assert.throws(() => open(key, 'staff.totp_secret', 'staff-2', sealed), 'copied to another row');
  assert.throws(() => open(key, 'signing_secrets.secret', 'staff-1', sealed), 'read as another purpose');
  assert.throws(() => open(newDataKey(), 'staff.totp_secret', 'staff-1', sealed), 'another key');
  const last = sealed.at(-2) === 'A' ? 'B' : 'A';
  assert.throws(() => open(key, 'staff.totp_secret', 'staff-1', `${sealed.slice(0, -2)}${last}${sealed.at(-1)}`));
  assert.equal(dataKeyIdOf('JBSWY3DPEHPK3PXP'), null, 'plaintext is not sealed');
});

test('a data key is wrapped under a key-encryption key named by a fingerprint that does not reveal it', () => {
  const kek = randomBytes(32);
  const dataKey = newDataKey();
  const wrapped = wrapDataKey(kek, dataKey, 'key-one-abcd', 'staff.totp_secret');
  assert.deepEqual(unwrapDataKey(kek, wrapped, 'key-one-abcd', 'staff.totp_secret'), dataKey);
  assert.throws(() => unwrapDataKey(randomBytes(32), wrapped, 'key-one-abcd', 'staff.totp_secret'));
  assert.throws(() => unwrapDataKey(kek, wrapped, 'key-two-abcd', 'staff.totp_secret'), 'bound to its id');
  assert.match(keyIdOf(kek), /^[0-9a-f]{16}$/);
  assert.equal(keyIdOf(kek), keyIdOf(Buffer.from(kek)));
  assert.notEqual(keyIdOf(kek), keyIdOf(randomBytes(32)));
  assert.ok(!kek.toString('hex').includes(keyIdOf(kek)));
});
