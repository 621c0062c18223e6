import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

const MINUTE = 60_000;

interface Status {
  readonly active: boolean;
  readonly now?: string;
  readonly idleEndsAt?: string;
  readonly endsAt?: string;
  readonly warnSeconds?: number;
}

/** The portal tells its pages when the session ends, so the warning before it never guesses. */
describe('the portal tells the page when its session ends, and "Blijf ingelogd" moves the idle end', () => {
  let t: TestSystem;

  before(async () => {
    t = await startTestSystem({
      SESSION_COOKIE_SECURE: 'false',
      SESSION_IDLE_MINUTES: '30',
      SESSION_ABSOLUTE_HOURS: '12',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
    });
  });
  after(() => t.stop());

  async function status(c: PortalClient): Promise<Status> {
    const answer = await c.get('/plein/sessie');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    return JSON.parse(answer.text) as Status;
  }

  async function keepAlive(c: PortalClient): Promise<{ status: number; body: Status }> {
    const answer = await c.request('POST', '/plein/sessie/verlengen', { headers: { 'x-csrf-token': c.csrf } });
    return {
      status: answer.status,
      body: answer.status === 200 ? (JSON.parse(answer.text) as Status) : { active: false },
    };
  }

  test('asking does not count as activity; the end is the last request plus the idle time, two minutes of warning', async () => {
    const c = new PortalClient(t.url);
    assert.deepEqual(await status(c), { active: false }, 'not logged in');
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const start = Date.now();
    try {
      assert.equal(await c.logIn(login, t.clock.now()), 303);
      const first = await status(c);
      assert.equal(first.active, true);
      assert.equal(first.warnSeconds, 120);
      const idleLeft = Date.parse(first.idleEndsAt!) - Date.parse(first.now!);
      assert.ok(idleLeft > 29 * MINUTE && idleLeft <= 30 * MINUTE, `${idleLeft} ms left`);
      const absoluteLeft = Date.parse(first.endsAt!) - Date.parse(first.now!);
      assert.ok(absoluteLeft > 11 * 60 * MINUTE && absoluteLeft <= 12 * 60 * MINUTE);

      t.clock.set(new Date(start + 25 * MINUTE));
      const later = await status(c);
      assert.equal(later.idleEndsAt, first.idleEndsAt, 'the question did not move the end');
      t.clock.set(new Date(start + 31 * MINUTE));
      assert.deepEqual(await status(c), { active: false }, 'so the session ended by idleness after all');
    } finally {
      t.clock.set(new Date());
    }
  });

  test('"Blijf ingelogd" (POST with the CSRF token) moves the idle end, never the absolute one', async () => {
    const c = new PortalClient(t.url);
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const start = Date.now();
    try {
      assert.equal(await c.logIn(login, t.clock.now()), 303);
      await c.get('/plein/account');
      const first = await status(c);
      const refused = await c.request('POST', '/plein/sessie/verlengen');
      assert.equal(refused.status, 403, 'no CSRF token, no keep-alive');

      t.clock.set(new Date(start + 28 * MINUTE));
      const kept = await keepAlive(c);
      assert.equal(kept.status, 200);
      assert.equal(kept.body.active, true);
      assert.ok(Date.parse(kept.body.idleEndsAt!) - Date.parse(first.idleEndsAt!) >= 27 * MINUTE);
      assert.equal(kept.body.endsAt, first.endsAt, 'the absolute limit stays');
      t.clock.set(new Date(start + 40 * MINUTE));
      assert.equal((await status(c)).active, true, 'past the old idle end, still logged in');

      // Keeping alive all shift long does not pass the absolute limit.
      for (let minutes = 50; minutes < 12 * 60; minutes += 25) {
        t.clock.set(new Date(start + minutes * MINUTE));
        assert.equal((await keepAlive(c)).body.active, true, `after ${minutes} minutes`);
      }
      t.clock.set(new Date(start + 12 * 60 * MINUTE + MINUTE));
      assert.deepEqual((await keepAlive(c)).body, { active: false });
    } finally {
      t.clock.set(new Date());
    }
  });

  test('every portal page of a logged-in user carries the warning dialog and its script; the login page does not', async () => {
    const c = new PortalClient(t.url);
    const loginPage = await c.get('/plein/inloggen');
    assert.doesNotMatch(loginPage.text, /id="sessie"/);
    assert.doesNotMatch(loginPage.text, /session\.js/);
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    assert.equal(await c.logIn(login, t.clock.now()), 303);
    for (const path of ['/plein/console', '/plein/account', '/plein/acties']) {
      const page = await c.get(path);
      assert.equal(page.status, 200, path);
      assert.match(page.text, /<dialog id="sessie"[^>]*role="alertdialog"/, path);
      assert.match(page.text, /<button type="button" id="sessie-blijf">Blijf ingelogd<\/button>/, path);
      assert.match(page.text, /<script src="\/static\/plein\/session\.js" defer><\/script>/, path);
    }
  });
});
