import assert from 'node:assert/strict';
import { test } from 'node:test';
import { judgeRecipientReport } from './bounce.js';

test('no such user or domain is a hard bounce; a full mailbox, policy or a temporary failure is soft; delivered and delayed as they say', () => {
  const cases: [string, string | null, string][] = [
    ['failed', '5.1.1', 'hard'],
    ['failed', '5.1.2', 'hard'],
    ['Failed', '5.1.10', 'hard'],
    ['failed', '5.2.2', 'soft'],
    ['failed', '5.7.1', 'soft'],
    ['failed', '5.3.4', 'soft'],
    ['failed', '4.4.7', 'soft'],
    ['failed', null, 'soft'],
    ['delivered', '2.0.0', 'delivered'],
    ['delayed', '4.4.1', 'ignore'],
    ['relayed', '2.0.0', 'ignore'],
    ['nonsense', '5.1.1', 'ignore'],
  ];
  for (const [action, status, verdict] of cases)
    assert.equal(judgeRecipientReport({ action, status }), verdict, `${action} ${status}`);
});
