import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createStaffLogin, PortalClient, type StaffLogin } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** A portal client whose requests come through a reverse proxy that names the client in X-Forwarded-For. */
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

async function failLogin(c: PortalClient, login: StaffLogin): Promise<number> {
  await c.get('/plein/inloggen');
  return (await c.postForm('/plein/inloggen', { email: login.email, password: 'niet het goede wachtwoord' })).status;
}

describe('behind a reverse proxy', () => {
  for (const trusted of [true, false]) {
    describe(trusted ? 'that is trusted (TRUST_PROXY)' : 'that is not trusted', () => {
      let t: TestSystem;
      before(async () => {
        t = await startTestSystem({
          SESSION_COOKIE_SECURE: 'false',
          LOGIN_MAX_FAILURES_PER_ADDRESS: '3',
          LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
          ...(trusted ? { TRUST_PROXY: '127.0.0.0/8,::1' } : {}),
        });
      });
      after(() => t.stop());

      test(
        trusted
          ? 'failed logins are counted per client: one who guesses is throttled, a colleague behind the same proxy logs in'
          : 'X-Forwarded-For is ignored: a client cannot escape the throttle by naming another address',
        async () => {
          const target = await createStaffLogin(t, 'centralist', 'RE05');
          const guesser = new ProxiedClient(t.url, '203.0.113.5');
          for (let i = 0; i < 3; i++) assert.equal(await failLogin(guesser, target), 401);
          assert.equal(await failLogin(guesser, target), 429, 'the guessing address waits');

          const colleague = await createStaffLogin(t, 'centralist', 'RE05');
          const status = await new ProxiedClient(t.url, '198.51.100.7').logIn(colleague, t.clock.now());
          assert.equal(status, trusted ? 303 : 429);
        },
      );
    });
  }

  test('a TRUST_PROXY entry that is no address is refused at start', async () => {
    await assert.rejects(startTestSystem({ TRUST_PROXY: 'proxy.example.nl' }), /TRUST_PROXY|IP-adres/);
  });
});
