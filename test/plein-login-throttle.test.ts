import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createStaffLogin, PortalClient, totpCode, type StaffLogin } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** A browser whose requests come through the trusted reverse proxy, which names the client in X-Forwarded-For. */
class ProxiedClient extends PortalClient {
  constructor(
    baseUrl: string,
    readonly forwardedFor: string,
  ) {
    super(baseUrl);
  }
  override request(
    method: string,
    path: string,
    init: { form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
  ) {
    return super.request(method, path, { ...init, headers: { ...init.headers, 'x-forwarded-for': this.forwardedFor } });
  }
}

const FREE_FAILURES = 10;
// Longer than the default first delay (1 s), so that a slow test run does not outwait it between two requests.
const FIRST_DELAY_SECONDS = 10;

describe('wrong passwords from other addresses slow an account down but never lock its owner out', () => {
  let t: TestSystem;
  let centralist: StaffLogin;
  let knownBrowser: ProxiedClient;

  before(async () => {
    t = await startTestSystem({
      SESSION_COOKIE_SECURE: 'false',
      TRUST_PROXY: '127.0.0.0/8,::1',
      LOGIN_MAX_FAILURES_PER_ACCOUNT: String(FREE_FAILURES),
      LOGIN_ACCOUNT_WINDOW_MINUTES: '15',
      LOGIN_ACCOUNT_DELAY_SECONDS: String(FIRST_DELAY_SECONDS),
    });
    centralist = await createStaffLogin(t, 'centralist', 'RE05');
    // Yesterday's shift: the centralist logged in from the meldkamer's browser, and logged out.
    t.clock.set(new Date(Date.now() - 24 * 60 * 60_000));
    knownBrowser = new ProxiedClient(t.url, '198.51.100.7');
    assert.equal(await knownBrowser.logIn(centralist, t.clock.now()), 303);
    await knownBrowser.get('/plein/account');
    assert.equal((await knownBrowser.postForm('/plein/uitloggen', {})).status, 303);
    t.clock.set(new Date());
  });
  after(() => t.stop());

  test('15 wrong passwords from 15 addresses: the known browser logs in at once, a new one waits seconds, beheer is alerted once', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 15; i++) {
      const attacker = new ProxiedClient(t.url, `203.0.113.${i}`);
      await attacker.get('/plein/inloggen');
      statuses.push(
        (await attacker.postForm('/plein/inloggen', { email: centralist.email, password: `raden ${i}` })).status,
      );
    }
    // The free failures, then attempts that come too soon: refused, not counted, so the delay does not grow.
    assert.deepEqual(statuses, [
      ...Array<number>(FREE_FAILURES).fill(401),
      ...Array<number>(15 - FREE_FAILURES).fill(429),
    ]);

    // (b) A new browser with the right password: asked to wait a few seconds, not a quarter of an hour.
    const newBrowser = new ProxiedClient(t.url, '192.0.2.44');
    await newBrowser.get('/plein/inloggen');
    const slowed = await newBrowser.postForm('/plein/inloggen', {
      email: centralist.email,
      password: centralist.password,
    });
    assert.equal(slowed.status, 429);
    const retryAfter = Number(slowed.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= FIRST_DELAY_SECONDS, `Retry-After ${retryAfter}`);
    assert.match(slowed.text, /Probeer het over \d+ seconden? opnieuw/);

    // (a) The browser the centralist logged in from before: password and code at once.
    assert.equal(await knownBrowser.logIn(centralist, t.clock.now()), 303);
    assert.equal((await knownBrowser.get('/plein/console')).status, 200);
    // Her login gives the guessers no fresh start.
    const guesser = new ProxiedClient(t.url, '203.0.113.99');
    await guesser.get('/plein/inloggen');
    assert.equal(
      (await guesser.postForm('/plein/inloggen', { email: centralist.email, password: 'nog eens raden' })).status,
      429,
    );

    // (b) After waiting (a new TOTP step too), the new browser logs in; it is then a known device itself.
    t.clock.set(new Date(t.clock.now().getTime() + Math.max(retryAfter, 30) * 1000));
    try {
      assert.equal(await newBrowser.logIn(centralist, t.clock.now()), 303);
      assert.ok([...newBrowser.cookies.keys()].includes('burgernet_device'));
    } finally {
      t.clock.set(new Date());
    }

    // (c) Beheer sees the alert once, with the count and no addresses.
    const alerts = await t.system.database.query<{ actor_id: string; details: Record<string, unknown> }>(
      `select actor_id, details from audit_log where event = 'staff.account-slowed' and subject_id = $1`,
      [centralist.id],
    );
    assert.deepEqual(alerts, [{ actor_id: centralist.id, details: { failures: FREE_FAILURES } }]);
    const beheer = new PortalClient(t.url);
    assert.equal(await beheer.logIn(await createStaffLogin(t, 'meldkamer-beheer', 'RE05'), t.clock.now()), 303);
    const page = await beheer.get('/plein/beheer/audit?event=staff.account-slowed');
    assert.equal(page.status, 200);
    assert.match(page.text, /Account vertraagd na mislukte inlogpogingen/);
  });

  test('the device cookie is httpOnly and SameSite=Strict and keeps only its hash in the database', async () => {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const c = new PortalClient(t.url);
    await c.get('/plein/inloggen');
    await c.postForm('/plein/inloggen', { email: login.email, password: login.password });
    await c.get('/plein/inloggen/tweede-stap');
    const done = await c.postForm('/plein/inloggen/code', { code: await totpCode(login.totpSecret, t.clock.now()) });
    assert.equal(done.status, 303);
    const cookie = done.headers.getSetCookie().find((h) => h.startsWith('burgernet_device='))!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    assert.match(cookie, /Max-Age=\d+/i);
    const token = c.cookies.get('burgernet_device')!;
    const rows = await t.system.database.query<{ token_hash: string }>(
      'select token_hash from staff_known_devices where staff_id = $1',
      [login.id],
    );
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.token_hash, token);
  });
});
