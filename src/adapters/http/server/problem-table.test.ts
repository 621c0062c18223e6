import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { nl } from '../../../domain/messages/nl.js';
import { problemOf, problemStatus } from './problem.js';
import { PROBLEM_TABLE } from './problem-table.js';

test('every code in the problem table has a Dutch title and a page under docs/errors', () => {
  for (const code of Object.keys(PROBLEM_TABLE)) {
    assert.ok(nl.problems[code], `${code} has no title in the catalogue`);
    assert.ok(
      existsSync(new URL(`../../../../docs/errors/${code}.md`, import.meta.url)),
      `docs/errors/${code}.md is missing`,
    );
  }
});

test('the status on each docs page is the one the table answers with', () => {
  for (const [code, entry] of Object.entries(PROBLEM_TABLE)) {
    const page = readFileSync(new URL(`../../../../docs/errors/${code}.md`, import.meta.url), 'utf8');
    const documented = /^HTTP-status: (\d{3})/m.exec(page)?.[1];
    assert.ok(documented !== undefined, `docs/errors/${code}.md names no HTTP-status`);
    // A status the error's facts decide is documented with its first case.
    if (typeof entry.status === 'number') assert.equal(Number(documented), entry.status, code);
  }
});

test('every problem title in the catalogue belongs to a code of the table', () => {
  assert.deepEqual(
    Object.keys(nl.problems).filter((code) => !(code in PROBLEM_TABLE)),
    [],
  );
});

test('a problem document carries the type, title, status, detail and the facts of its error', () => {
  assert.deepEqual(problemOf(nl, { code: 'action.stale-version', currentVersion: 4 }), {
    type: '/docs/errors/action.stale-version',
    title: nl.problems['action.stale-version'],
    status: 409,
    code: 'action.stale-version',
    detail: nl.problemDetails.actionStaleVersion({ currentVersion: 4 }),
    currentVersion: 4,
  });
});

test('a mail in the wrong status keeps its status out of the document: `status` is the HTTP status', () => {
  const body = problemOf(nl, { code: 'mail.wrong-status', status: 'sent' });
  assert.equal(body.status, 409);
  assert.equal(body.detail, nl.problemDetails.mailWrongStatus({ status: nl.mail.statuses.sent }));
});

test('the facts of an error can decide its status', () => {
  assert.equal(problemStatus({ code: 'auth.sso-failed', reason: 'refused-by-provider' }), 403);
  assert.equal(problemStatus({ code: 'auth.sso-failed', reason: 'invalid-response' }), 400);
  assert.equal(problemStatus({ code: 'auth.sso-failed', reason: 'provider-unreachable' }), 502);
  assert.equal(problemStatus({ code: 'request.invalid', reason: 'unreadable', status: 405 }), 405);
});
