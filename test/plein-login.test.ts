import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createStaffLogin, mailedActivationPath, PortalClient, totpCode, type StaffLogin } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

const audit = (t: TestSystem, event: string, subjectId?: string) =>
  t.system.database.query<{ event: string; details: Record<string, unknown> }>(
    `select event, details from audit_log where event = $1 ${subjectId ? 'and subject_id = $2' : ''} order by id`,
    subjectId ? [event, subjectId] : [event],
  );

describe('staff log in to Burgernetplein with a password and a second factor', () => {
  let t: TestSystem;
  let centralist: StaffLogin;

  before(async () => {
    t = await startTestSystem({
      SESSION_COOKIE_SECURE: 'false',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
      LOGIN_ACCOUNT_DELAY_SECONDS: '10',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
      SESSION_IDLE_MINUTES: '30',
      SESSION_ABSOLUTE_HOURS: '12',
    });
    centralist = await createStaffLogin(t, 'centralist', 'RE05');
  });
  after(() => t.stop());

  test('password then TOTP opens an active session: httpOnly, SameSite=Strict cookie; the login is audited', async () => {
    const c = new PortalClient(t.url);
    await c.get('/plein/inloggen');
    const first = await c.postForm('/plein/inloggen', {
      email: centralist.email.toUpperCase(),
      password: centralist.password,
    });
    assert.equal(first.status, 303);
    assert.equal(first.headers.get('location'), '/plein/inloggen/tweede-stap');
    const cookie = first.headers.getSetCookie().find((h) => h.startsWith('burgernet_session='))!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    const halfway = c.cookies.get('burgernet_session');
    // After the password alone, nothing is open yet.
    assert.equal((await c.get('/plein/console')).status, 303);
    assert.equal((await c.request('GET', '/api/v1/actions')).status, 401);

    await c.get('/plein/inloggen/tweede-stap');
    const second = await c.postForm('/plein/inloggen/code', { code: await totpCode(centralist.totpSecret) });
    assert.equal(second.status, 303);
    assert.notEqual(c.cookies.get('burgernet_session'), halfway, 'a new session id after the second factor');
    assert.equal((await c.get('/plein/console')).status, 200);
    assert.equal((await c.request('GET', '/api/v1/actions')).status, 200);
    const logins = await audit(t, 'staff.logged-in', centralist.id);
    assert.equal(logins.at(-1)?.details.secondFactor, 'totp');
  });

  test('a wrong password, a wrong code and a reused code are refused and audited', async () => {
    const c = new PortalClient(t.url);
    const before = (await audit(t, 'staff.login-failed', centralist.id)).length;
    await c.get('/plein/inloggen');
    const wrong = await c.postForm('/plein/inloggen', {
      email: centralist.email,
      password: 'niet het goede wachtwoord',
    });
    assert.equal(wrong.status, 401);
    assert.match(wrong.text, /wachtwoord klopt niet/);
    const unknown = await c.postForm('/plein/inloggen', {
      email: 'niemand@test.burgernet.nl',
      password: 'niet het goede wachtwoord',
    });
    assert.equal(unknown.status, 401, 'an unknown address gets the same answer');
    assert.equal((await audit(t, 'staff.login-failed', centralist.id)).length, before + 1);
    for (const email of [
      'niemand\u0000@test.burgernet.nl',
      'niemand@test.burgernet.nl\u0000',
      'niemand\ud800@test.burgernet.nl',
    ]) {
      const odd = await c.postForm('/plein/inloggen', { email, password: 'niet het goede wachtwoord' });
      assert.equal(odd.status, 401, `an address holding ${JSON.stringify(email)} gets the same answer, not a 500`);
    }

    const other = await createStaffLogin(t, 'centralist', 'RE05');
    await c.postForm('/plein/inloggen', { email: other.email, password: other.password });
    await c.get('/plein/inloggen/tweede-stap');
    assert.equal((await c.postForm('/plein/inloggen/code', { code: '000000' })).status, 401);
    const code = await totpCode(other.totpSecret);
    assert.equal((await c.postForm('/plein/inloggen/code', { code })).status, 303);
    // The same code again, in a new login: a replay.
    const d = new PortalClient(t.url);
    await d.get('/plein/inloggen');
    await d.postForm('/plein/inloggen', { email: other.email, password: other.password });
    await d.get('/plein/inloggen/tweede-stap');
    assert.equal((await d.postForm('/plein/inloggen/code', { code })).status, 401);
  });

  test('after its free failures an account is slowed, even for the right password (429, Retry-After in seconds that double), never locked', async () => {
    const victim = await createStaffLogin(t, 'gemeente', 'GM0363');
    const c = new PortalClient(t.url);
    await c.get('/plein/inloggen');
    for (let i = 0; i < 3; i++)
      assert.equal(
        (await c.postForm('/plein/inloggen', { email: victim.email, password: `fout wachtwoord ${i}` })).status,
        401,
      );
    const slowed = await c.postForm('/plein/inloggen', { email: victim.email, password: victim.password });
    assert.equal(slowed.status, 429);
    const first = Number(slowed.headers.get('retry-after'));
    assert.ok(first >= 1 && first <= 10, `Retry-After ${first}`);
    assert.match(slowed.text, /Probeer het over \d+ seconden? opnieuw/);
    try {
      // After the wait one more wrong password counts, and the next wait is twice as long (10 s, then 20 s).
      t.clock.set(new Date(t.clock.now().getTime() + 10_000));
      assert.equal(
        (await c.postForm('/plein/inloggen', { email: victim.email, password: 'nog een fout wachtwoord' })).status,
        401,
      );
      const longer = await c.postForm('/plein/inloggen', { email: victim.email, password: victim.password });
      assert.equal(longer.status, 429);
      const second = Number(longer.headers.get('retry-after'));
      assert.ok(second > 10 && second <= 20, `Retry-After ${second}`);
      t.clock.set(new Date(t.clock.now().getTime() + 20_000));
      assert.equal(await new PortalClient(t.url).logIn(victim, t.clock.now()), 303);
    } finally {
      t.clock.set(new Date());
    }
  });

  test('forms without a valid CSRF token and cookie API calls without x-csrf-token are refused', async () => {
    const c = new PortalClient(t.url);
    await c.get('/plein/inloggen');
    const forged = await c.request('POST', '/plein/inloggen', {
      form: { email: centralist.email, password: centralist.password },
    });
    assert.equal(forged.status, 403);
    const d = new PortalClient(t.url);
    assert.equal(await d.logIn(await createStaffLogin(t, 'centralist', 'RE05')), 303);
    await d.get('/plein/account');
    const body = { area: { kind: 'circle', centre: { lat: 52.37, lon: 4.89 }, radiusMetres: 1000 } };
    const noToken = await d.request('POST', '/api/v1/reach-estimates', { json: body });
    assert.equal(noToken.status, 403);
    assert.equal(JSON.parse(noToken.text).code, 'auth.csrf');
    assert.equal(
      (await d.request('POST', '/api/v1/reach-estimates', { json: body, headers: { 'x-csrf-token': 'vervalst' } }))
        .status,
      403,
    );
    assert.equal(
      (await d.request('POST', '/api/v1/reach-estimates', { json: body, headers: { 'x-csrf-token': d.csrf } })).status,
      200,
    );
  });

  test('a session ends after the idle timeout and after the absolute timeout; logout ends it at once', async () => {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const c = new PortalClient(t.url);
    assert.equal(await c.logIn(login), 303);
    try {
      t.clock.set(new Date(Date.now() + 29 * 60_000));
      assert.equal((await c.get('/plein/account')).status, 200, 'still active within the idle time');
      t.clock.set(new Date(Date.now() + 60 * 60_000));
      const idle = await c.get('/plein/account');
      assert.equal(idle.status, 303);
      assert.equal(idle.headers.get('location'), '/plein/inloggen?verlopen=1');
      assert.deepEqual(
        (await audit(t, 'staff.session-ended', login.id)).map((r) => r.details.reason),
        ['idle'],
      );

      t.clock.set(new Date());
      const d = new PortalClient(t.url);
      assert.equal(await d.logIn(await createStaffLogin(t, 'centralist', 'RE05')), 303);
      for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
        t.clock.set(new Date(Date.now() + minutes * 60_000));
        assert.equal((await d.get('/plein/account')).status, 200);
      }
      t.clock.set(new Date(Date.now() + 12 * 60 * 60_000 + 1000));
      assert.equal((await d.get('/plein/account')).status, 303, 'after 12 hours, however active');
    } finally {
      t.clock.set(new Date());
    }
    const e = new PortalClient(t.url);
    assert.equal(await e.logIn(await createStaffLogin(t, 'centralist', 'RE05')), 303);
    await e.get('/plein/account');
    assert.equal((await e.postForm('/plein/uitloggen', {})).status, 303);
    assert.equal((await e.request('GET', '/api/v1/actions')).status, 401);
  });

  test('beheer creates an account; the activation link sets a checked password and a TOTP second factor; revoking ends its sessions', async () => {
    const beheer = t.api(await t.staffToken('meldkamer-beheer', 'RE05'));
    const created = await beheer.post('/api/v1/staff', {
      name: 'Nieuwe Collega',
      email: 'nieuwe.collega@test.burgernet.nl',
      role: 'centralist',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(
      (
        await beheer.post('/api/v1/staff', {
          name: 'X',
          email: 'x@test.burgernet.nl',
          role: 'gemeente',
          gemeenteCode: 'GM0363',
        })
      ).status,
      403,
    );
    const c = new PortalClient(t.url);
    const link = await mailedActivationPath(t, 'nieuwe.collega@test.burgernet.nl');
    assert.equal((await c.get(link)).status, 200);
    const weak = await c.postForm(link, { password: 'Password2024!', confirmation: 'Password2024!' });
    assert.equal(weak.status, 422);
    assert.match(weak.text, /gelekte wachtwoorden/);
    const set = await c.postForm(link, { password: 'zeven blauwe kikkers', confirmation: 'zeven blauwe kikkers' });
    assert.equal(set.status, 303);
    const enrol = await c.get('/plein/tweede-factor');
    const secret = /data-totp-secret>([A-Z2-7 ]+)</.exec(enrol.text)![1]!.replace(/ /g, '');
    assert.equal((await c.postForm('/plein/tweede-factor/code', { code: await totpCode(secret) })).status, 303);
    assert.equal((await c.get('/plein/console')).status, 200);
    assert.equal((await c.get(link)).status, 404, 'the link works once');

    assert.equal((await beheer.delete(`/api/v1/staff/${created.body.id}`)).status, 204);
    assert.equal((await c.get('/plein/console')).status, 303);
    assert.deepEqual((await audit(t, 'staff.revoked', created.body.id)).length, 1);
    assert.equal((await audit(t, 'staff.created', created.body.id)).length, 1);
  });
});
