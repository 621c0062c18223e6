import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.js';
import { configDocument } from './config-doc.js';

test('the defaults run the embedded system with the SMSC simulator', () => {
  const config = loadConfig({});
  assert.equal(config.DATABASE_URL, undefined);
  assert.equal(config.SMSC, 'simulator');
  assert.deepEqual(config.PHONE_COUNTRIES, ['NL', 'BE', 'DE']);
});

test('every bad variable is named at once', () => {
  assert.throws(
    () => loadConfig({ PORT: 'tachtig', SMSC: 'magic', DATABASE_URL: 'niet-een-url' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.problems.length === 3 &&
      /PORT/.test(error.message) &&
      /SMSC/.test(error.message),
  );
});

test('docs/config.md describes the configuration as it is', () => {
  assert.equal(readFileSync(new URL('../docs/config.md', import.meta.url), 'utf8'), configDocument());
});
