import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { nl } from '../../../domain/messages/nl.js';

test('every problem code has a Dutch title and a page under docs/errors', () => {
  for (const code of Object.keys(nl.problems)) {
    assert.ok(
      existsSync(new URL(`../../../../docs/errors/${code}.md`, import.meta.url)),
      `docs/errors/${code}.md is missing`,
    );
  }
});
