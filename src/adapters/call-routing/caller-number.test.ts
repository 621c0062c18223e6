import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSipMessage } from '../sip/sip-parser.js';
import { callerOf, normaliseCallerNumber } from './caller-number.js';

test('caller IDs in the forms platforms send become E.164', () => {
  assert.equal(normaliseCallerNumber('+31612345678'), '+31612345678');
  assert.equal(normaliseCallerNumber('0031612345678'), '+31612345678');
  assert.equal(normaliseCallerNumber('06-1234 5678'), '+31612345678');
  assert.equal(normaliseCallerNumber('31612345678'), '+31612345678');
  assert.equal(normaliseCallerNumber('+32 470 12 34 56'), '+32470123456');
  for (const bad of ['anonymous', '', '+0123456789', '112', '+3161234567890123'])
    assert.equal(normaliseCallerNumber(bad), null, bad);
});

const invite = (extra: string[], from = '<sip:0612345678@platform.example>;tag=1') =>
  parseSipMessage(
    [
      'INVITE sip:08000011@r SIP/2.0',
      'Via: SIP/2.0/UDP p;branch=z9hG4bK1',
      `From: ${from}`,
      'To: <sip:08000011@r>',
      'Call-ID: c',
      'CSeq: 1 INVITE',
      ...extra,
      '',
      '',
    ].join('\r\n'),
  );

test('the caller is P-Asserted-Identity when it names a number, else From, else unknown', () => {
  assert.equal(
    callerOf(invite(['P-Asserted-Identity: "Jan" <sip:+31201234567@platform.example;user=phone>'])),
    '+31201234567',
  );
  assert.equal(
    callerOf(invite(['P-Asserted-Identity: <sip:jan@platform.example>, <tel:+31201234568>'])),
    '+31201234568',
  );
  assert.equal(callerOf(invite([])), '+31612345678');
  assert.equal(callerOf(invite(['P-Asserted-Identity: <garbage'])), '+31612345678');
  assert.equal(callerOf(invite([], '"Anonymous" <sip:anonymous@anonymous.invalid>;tag=1')), null);
  assert.equal(callerOf(invite([], 'nonsense')), null);
});
