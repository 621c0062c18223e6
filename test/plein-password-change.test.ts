import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

const NEW_PASSWORD = 'zeven blauwe kikkers in de sloot';

describe('changing the password on Mijn account', () => {
  let t: TestSystem;

  before(async () => {
    t = await startTestSystem({
      SESSION_COOKIE_SECURE: 'false',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_ACCOUNT_DELAY_SECONDS: '60',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
    });
  });
  after(() => t.stop());

  const events = (event: string, subjectId: string) =>
    t.system.database.query<{ details: Record<string, unknown> }>(
      'select details from audit_log where event = $1 and subject_id = $2 order by id',
      [event, subjectId],
    );

  test('guessing the current password is slowed like a login: a right guess waits too, and the failures are audited', async () => {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const c = new PortalClient(t.url);
    assert.equal(await c.logIn(login, t.clock.now()), 303);
    await c.get('/plein/account');
    for (let i = 0; i < 3; i++) {
      const wrong = await c.postForm('/plein/account/wachtwoord', {
        current: `geraden wachtwoord ${i}`,
        password: NEW_PASSWORD,
        confirmation: NEW_PASSWORD,
      });
      assert.equal(wrong.status, 422);
    }
    const right = await c.postForm('/plein/account/wachtwoord', {
      current: login.password,
      password: NEW_PASSWORD,
      confirmation: NEW_PASSWORD,
    });
    assert.equal(right.status, 429, 'after the free failures even the right password waits');
    assert.ok(Number(right.headers.get('retry-after')) > 0);
    assert.match(right.text, /Probeer het over/);
    const failures = await events('staff.login-failed', login.id);
    assert.equal(failures.filter((f) => f.details.step === 'current-password').length, 3);
    assert.equal((await events('staff.password-changed', login.id)).length, 0);

    // Once the wait is over, the right password changes it, to one that is not on the breached list.
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    await c.get('/plein/account');
    for (const breached of ['Zaq12wsxcde3', '!QAZ2wsx#EDC', 'P@ssw0rdP@ss']) {
      const weak = await c.postForm('/plein/account/wachtwoord', {
        current: login.password,
        password: breached,
        confirmation: breached,
      });
      assert.equal(weak.status, 422, breached);
      assert.match(weak.text, /gelekte wachtwoorden/);
    }
    const changed = await c.postForm('/plein/account/wachtwoord', {
      current: login.password,
      password: NEW_PASSWORD,
      confirmation: NEW_PASSWORD,
    });
    assert.equal(changed.status, 200);
    assert.match(changed.text, /Uw wachtwoord is gewijzigd/);
  });

  test('a changed password ends every other session of the account; this one goes on under a new id; audited', async () => {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const mine = new PortalClient(t.url);
    const other = new PortalClient(t.url);
    const third = new PortalClient(t.url);
    // Each code works once: each browser logs in 30 seconds after the one before.
    for (const c of [mine, other, third]) {
      t.clock.set(new Date(t.clock.now().getTime() + 30_000));
      assert.equal(await c.logIn(login, t.clock.now()), 303);
    }
    assert.equal((await other.get('/plein/console')).status, 200);

    await mine.get('/plein/account');
    const before = mine.cookies.get('burgernet_session');
    const changed = await mine.postForm('/plein/account/wachtwoord', {
      current: login.password,
      password: NEW_PASSWORD,
      confirmation: NEW_PASSWORD,
    });
    assert.equal(changed.status, 200);
    assert.notEqual(mine.cookies.get('burgernet_session'), before, 'a new session id after the change');
    assert.equal((await mine.get('/plein/account')).status, 200, 'this session goes on');
    assert.equal((await mine.request('GET', '/api/v1/me')).status, 200);

    for (const c of [other, third]) {
      const page = await c.get('/plein/console');
      assert.equal(page.status, 303, 'the other sessions have ended');
      assert.equal(page.headers.get('location'), '/plein/inloggen?verlopen=1');
      assert.equal((await c.request('GET', '/api/v1/me')).status, 401);
    }
    const [audit] = await events('staff.password-changed', login.id);
    assert.equal(audit?.details.otherSessionsEnded, 2);

    // The old password no longer logs in; the new one does.
    const again = new PortalClient(t.url);
    assert.equal(await again.logIn(login, t.clock.now()), 401);
    t.clock.set(new Date(t.clock.now().getTime() + 30_000));
    assert.equal(await again.logIn({ ...login, password: NEW_PASSWORD }, t.clock.now()), 303);
  });
});
