import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPassword, personalWordsOf } from './password-policy.js';

const common = new Set(['password', 'welcome', 'sunshine', 'qwerty123', 'iloveyou']);
const none = { personalWords: [] };

test('length: at least 12 characters (counted as code points after NFKC), at most 128', () => {
  assert.equal(checkPassword('korte zin 1', common, none), 'too-short');
  assert.equal(checkPassword('paarse olifant', common, none), null);
  assert.equal(checkPassword('😀😀😀😀😀😀😀😀😀😀😀', common, none), 'too-short');
  assert.equal(checkPassword('a'.repeat(60) + 'b'.repeat(69), common, none), 'too-long');
  assert.equal(checkPassword('ﬁets ﬁets op de dam', common, none), null, 'ligatures normalise, still long enough');
});

test('breached and common passwords are refused, also padded with digits, symbols or leetspeak', () => {
  for (const p of [
    'password123456',
    'Password2024!!',
    'P@ssw0rd12345',
    '!!!sunshine2026',
    'welkom12345678',
    'Burgernet2026!',
    'welcomewelcome',
    'qwerty123qwerty123',
  ]) {
    assert.equal(checkPassword(p, common, none), 'common', p);
  }
  assert.equal(
    checkPassword('sunshine op de veluwe', common, none),
    null,
    'a common word inside a longer passphrase is fine',
  );
});

test('typed with Shift held for some keys, or two listed passwords run together, is still common', () => {
  const listed = new Set(['1qaz2wsx3edc', 'password', 'pass', 'dragon']);
  assert.equal(checkPassword('!QAZ2wsx#EDC', listed, none), 'common', 'Shift+1 is !, Shift+3 is #');
  assert.equal(checkPassword('P@ssw0rdP@ss', listed, none), 'common', 'password + pass, in leetspeak');
  assert.equal(checkPassword('dragonpassword', listed, none), 'common');
  assert.equal(checkPassword('dragon in de passage', listed, none), null, 'words inside a longer phrase are fine');
});

test('no composition rules: a passphrase of lowercase words passes; repetition does not', () => {
  assert.equal(checkPassword('groene fiets op de dam', common, none), null);
  assert.equal(checkPassword('aaaaaaaaaaaaaaaa', common, none), 'repetitive');
  assert.equal(checkPassword('abababababababab', common, none), 'repetitive');
});

test("the account's own name and e-mail address may not be the password", () => {
  const context = { personalWords: personalWordsOf('Jan de Vries', 'jan.devries@politie.nl') };
  assert.equal(checkPassword('devries2026!!', common, context), 'context');
  assert.equal(checkPassword('ik ben vries van de dam', common, context), 'context');
  assert.equal(checkPassword('paarse olifant op de dam', common, context), null);
});
