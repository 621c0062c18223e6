import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { checkPassword } from '../../domain/staff/password-policy.js';
import { loadCommonPasswords } from './common-passwords.js';

const none = { personalWords: [] };

test('the bundled breached-password list has 100,000 entries and is read from disk', async () => {
  const file = await readFile(
    new URL('../../../data/passwords/10-million-password-list-top-100000.txt', import.meta.url),
    'utf8',
  );
  assert.equal(file.split('\n').filter((l) => l.length > 0).length, 100_000);
  const list = await loadCommonPasswords();
  assert.ok(list.size > 95_000, `${list.size} distinct entries once lowercased`);
  for (const listed of ['123456', 'password', 'zaq12wsxcde3', '1qaz2wsx3edc']) assert.ok(list.has(listed), listed);
});

test('with it, keyboard walks, Shift variants and two passwords run together are refused; passphrases are not', async () => {
  const list = await loadCommonPasswords();
  for (const password of ['Zaq12wsxcde3', '!QAZ2wsx#EDC', 'P@ssw0rdP@ss', 'Qwerty123456', 'iloveyouiloveyou']) {
    assert.equal(checkPassword(password, list, none), 'common', password);
  }
  for (const password of ['zeven blauwe kikkers', 'groene fiets op de dam', 'correct horse battery staple']) {
    assert.equal(checkPassword(password, list, none), null, password);
  }
});
