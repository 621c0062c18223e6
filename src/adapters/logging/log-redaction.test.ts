import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import pino from 'pino';
import { LOG_REDACTION } from './log-redaction.js';

test('a failed query logged with its error shows no parameter or refused row: no name, number or text', () => {
  let written = '';
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString('utf8');
      done();
    },
  });
  const logger = pino({ redact: LOG_REDACTION }, out);
  const failed = Object.assign(new Error('insert into tips failed'), {
    params: ['Anna de Boer', '+31612345678', 'Ik zag de jongen bij het station'],
    detail: 'Failing row contains (Anna de Boer, +31612345678)',
  });
  const wrapped = new Error('storing a tip failed', { cause: failed });
  logger.error({ err: failed }, 'query failed');
  logger.error({ err: Object.assign(wrapped, { cause: failed }) }, 'storing failed');
  for (const secret of ['Anna', '612345678', 'station'])
    assert.ok(!written.includes(secret), `"${secret}" in the log: ${written}`);
  assert.match(written, /insert into tips failed/, 'the error itself is still logged');
});
