import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createStaffLogin, PortalClient, totpCode } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** The attributes of one Set-Cookie line, lowercased names. */
function cookieLine(headers: Headers, name: string): { value: string; attributes: Map<string, string> } | null {
  const line = headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (line === undefined) return null;
  const [pair, ...rest] = line.split(';');
  const attributes = new Map(
    rest.map((part) => {
      const [key = '', value = ''] = part.trim().split('=');
      return [key.toLowerCase(), value];
    }),
  );
  return { value: pair!.slice(name.length + 1), attributes };
}

describe('session and CSRF cookies (default: Secure, __Host-) and CSRF tokens bound to their session', () => {
  let t: TestSystem;

  before(async () => {
    t = await startTestSystem({ LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
  });
  after(() => t.stop());

  test('the CSRF cookie of the portal and of the site is __Host-, Secure, httpOnly, SameSite=Strict, path / and without a domain', async () => {
    for (const path of ['/plein/inloggen', '/aanmelden', '/mijn-gegevens/inloggen']) {
      const page = await fetch(t.url + path);
      const cookie = cookieLine(page.headers, '__Host-burgernet_csrf');
      assert.ok(cookie, `${path} sets the CSRF cookie under its __Host- name`);
      assert.ok(cookie.attributes.has('secure'), 'Secure');
      assert.ok(cookie.attributes.has('httponly'), 'HttpOnly');
      assert.equal(cookie.attributes.get('samesite')?.toLowerCase(), 'strict');
      assert.equal(cookie.attributes.get('path'), '/');
      assert.equal(cookie.attributes.has('domain'), false);
      assert.equal(cookieLine(page.headers, 'burgernet_csrf'), null, 'no cookie under the old name');
    }
  });

  test('a CSRF token from one staff session is refused in another, and one from before the login after it', async () => {
    const attacker = new PortalClient(t.url);
    assert.equal(await attacker.logIn(await createStaffLogin(t, 'centralist', 'RE05'), t.clock.now()), 303);
    await attacker.get('/plein/account');
    const victim = new PortalClient(t.url);
    // Before logging in: a token for the anonymous visit.
    await victim.get('/plein/inloggen');
    const anonymousToken = victim.csrf;
    const victimLogin = await createStaffLogin(t, 'centralist', 'RE05');
    assert.equal(await victim.logIn(victimLogin, t.clock.now()), 303);
    await victim.get('/plein/account');

    // The attacker's secret and token (as if planted in the victim's browser) with the victim's session.
    const planted = new PortalClient(t.url);
    planted.cookies.set('__Host-burgernet_session', victim.cookies.get('__Host-burgernet_session')!);
    planted.cookies.set('__Host-burgernet_csrf', attacker.cookies.get('__Host-burgernet_csrf')!);
    planted.csrf = attacker.csrf;
    const refused = await planted.postForm('/plein/uitloggen', {});
    assert.equal(refused.status, 403, "the attacker's token does not work in the victim's session");
    const api = await planted.request('POST', '/api/v1/actions', {
      json: {},
      headers: { 'x-csrf-token': attacker.csrf },
    });
    assert.equal(api.status, 403);
    assert.equal(JSON.parse(api.text).type, '/docs/errors/auth.csrf');

    // The victim's own token of the anonymous visit no longer works now that they are logged in.
    const stale = await victim.request('POST', '/plein/uitloggen', { form: { _csrf: anonymousToken } });
    assert.equal(stale.status, 403);
    assert.equal((await victim.get('/plein/console')).status, 200, 'still logged in');
    // Their current token does.
    await victim.get('/plein/account');
    assert.equal((await victim.postForm('/plein/uitloggen', {})).status, 303);
  });

  test('the staff session cookie and the known-device cookie keep their __Host- names', async () => {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    const c = new PortalClient(t.url);
    await c.get('/plein/inloggen');
    const first = await c.postForm('/plein/inloggen', { email: login.email, password: login.password });
    const session = cookieLine(first.headers, '__Host-burgernet_session');
    assert.ok(session?.attributes.has('secure'));
    await c.get('/plein/inloggen/tweede-stap');
    const second = await c.postForm('/plein/inloggen/code', { code: await totpCode(login.totpSecret, t.clock.now()) });
    assert.equal(second.status, 303);
    assert.ok(cookieLine(second.headers, '__Host-burgernet_device')?.attributes.has('secure'));
  });
});
