import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createStaffLogin, PortalClient, totpCode } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

const MINUTE = 60_000;

describe('adding a passkey needs a fresh proof of who one is', () => {
  let t: TestSystem;

  before(async () => {
    t = await startTestSystem({
      SESSION_COOKIE_SECURE: 'false',
      SESSION_IDLE_MINUTES: '60',
      WEBAUTHN_ORIGIN: 'http://localhost',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '1000',
    });
  });
  after(() => t.stop());

  const later = (minutes: number) => t.clock.set(new Date(t.clock.now().getTime() + minutes * MINUTE));
  const options = (c: PortalClient) =>
    c.request('POST', '/plein/tweede-factor/passkey/opties', { json: {}, headers: { 'x-csrf-token': c.csrf } });
  const register = (c: PortalClient) =>
    c.request('POST', '/plein/tweede-factor/passkey', {
      json: { label: 'Sleutel van een ander', response: { id: 'x', rawId: 'x', type: 'public-key', response: {} } },
      headers: { 'x-csrf-token': c.csrf },
    });

  test('right after logging in a passkey may be added; minutes later the server refuses, options and registration alike', async () => {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const c = new PortalClient(t.url);
    assert.equal(await c.logIn(login, t.clock.now()), 303);
    const fresh = await c.get('/plein/account');
    assert.match(fresh.text, /data-passkey="register"/);
    assert.equal((await options(c)).status, 200, 'just logged in: options for a new passkey');

    later(6);
    const page = await c.get('/plein/account');
    assert.doesNotMatch(page.text, /data-passkey="register"/, 'no button without a fresh proof');
    assert.match(page.text, /Bevestig eerst dat u het bent/);
    const refused = await options(c);
    assert.equal(refused.status, 403);
    assert.equal(JSON.parse(refused.text).type, '/docs/errors/auth.reauthentication-required');
    // The challenge of the earlier options is still there: the registration itself is refused as well.
    const registered = await register(c);
    assert.equal(registered.status, 403);
    assert.equal(JSON.parse(registered.text).type, '/docs/errors/auth.reauthentication-required');
    const [row] = await t.system.database.query<{ n: number }>(
      'select count(*)::int as n from staff_passkeys where staff_id = $1',
      [login.id],
    );
    assert.equal(row?.n, 0);
  });

  test('the current password or a fresh code opens five minutes to add one; wrong answers are refused and counted', async () => {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const c = new PortalClient(t.url);
    assert.equal(await c.logIn(login, t.clock.now()), 303);
    later(6);
    await c.get('/plein/account');

    const wrong = await c.postForm('/plein/account/bevestigen', { 'reauth-password': 'niet mijn wachtwoord' });
    assert.equal(wrong.status, 422);
    assert.equal((await options(c)).status, 403);
    const [failure] = await t.system.database.query<{ details: { step: string } }>(
      `select details from audit_log where event = 'staff.login-failed' and subject_id = $1 order by id desc limit 1`,
      [login.id],
    );
    assert.equal(failure?.details.step, 'current-password');

    const before = c.cookies.get('burgernet_session');
    const confirmed = await c.postForm('/plein/account/bevestigen', { 'reauth-password': login.password });
    assert.equal(confirmed.status, 303);
    assert.notEqual(c.cookies.get('burgernet_session'), before, 'a new session id after the proof');
    const page = await c.get(confirmed.headers.get('location')!.replace(/#.*/, ''));
    assert.match(page.text, /data-passkey="register"/);
    assert.equal((await options(c)).status, 200);

    // Later again: a code from the authenticator app works too, once.
    later(6);
    await c.get('/plein/account');
    assert.equal((await options(c)).status, 403);
    const code = await totpCode(login.totpSecret, t.clock.now());
    assert.equal((await c.postForm('/plein/account/bevestigen', { 'reauth-code': code })).status, 303);
    await c.get('/plein/account');
    assert.equal((await options(c)).status, 200);
    later(6);
    await c.get('/plein/account');
    assert.equal((await c.postForm('/plein/account/bevestigen', { 'reauth-code': '000000' })).status, 422);
  });
});
