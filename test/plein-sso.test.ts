import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { StaffRole } from '../src/domain/staff/staff.js';
import { TestOidcProvider, type TokenFault } from './support/oidc-provider.js';
import { createStaffLogin, PortalClient, totpCode } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** A port nothing listens on (taken from the system, then let go): a provider that is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("single sign-on through an organisation's identity provider (OpenID Connect)", () => {
  let t: TestSystem;
  let police: TestOidcProvider;
  let gemeente: TestOidcProvider;

  before(async () => {
    [police, gemeente] = await Promise.all([TestOidcProvider.start(), TestOidcProvider.start('plein-amsterdam')]);
    const providers = [
      {
        id: 'politie',
        name: 'Politie Amsterdam',
        issuer: police.issuer,
        clientId: police.clientId,
        meldkamers: ['RE05'],
        roleClaim: 'groups',
        roles: { 'bn-centralist': 'centralist', 'bn-beheer': 'meldkamer-beheer' },
        mfaAcrValues: ['urn:politie:mfa'],
      },
      {
        id: 'amsterdam',
        name: 'Gemeente Amsterdam',
        issuer: gemeente.issuer,
        clientId: gemeente.clientId,
        gemeenten: ['GM0363'],
      },
      {
        id: 'onbereikbaar',
        name: 'Onbereikbaar',
        issuer: `http://127.0.0.1:${await closedPort()}`,
        clientId: 'x',
        gemeenten: ['GM0599'],
      },
    ];
    t = await startTestSystem({
      SESSION_COOKIE_SECURE: 'false',
      OIDC_PROVIDERS: JSON.stringify(providers),
      OIDC_CLIENT_SECRETS: JSON.stringify({
        politie: police.clientSecret,
        amsterdam: gemeente.clientSecret,
        onbereikbaar: 'geheim',
      }),
    });
    police.allowRedirectUri(`${t.url}/plein/inloggen/sso/politie/terug`);
    gemeente.allowRedirectUri(`${t.url}/plein/inloggen/sso/amsterdam/terug`);
  });
  after(async () => {
    await t?.stop();
    await Promise.all([police?.stop(), gemeente?.stop()]);
  });

  const audit = (event: string, subjectId: string | null = null) =>
    t.system.database.query<{ details: Record<string, unknown> }>(
      `select details from audit_log where event = $1 and ($2::uuid is null or subject_id = $2::text) order by id`,
      [event, subjectId],
    );
  const failures = async () =>
    (await audit('staff.login-failed')).map((r) => r.details).filter((d) => d.step === 'sso');

  /** An account beheer created for single sign-on: an e-mail address, no password, no second factor. */
  async function ssoAccount(role: StaffRole, scope: string | null): Promise<{ id: string; email: string }> {
    const id = randomUUID();
    const email = `sso-${id.slice(0, 8)}@test.burgernet.nl`;
    await t.system.store.staffAccounts.create({
      id,
      name: `SSO ${role}`,
      email,
      role,
      meldkamerCode: scope?.startsWith('RE') ? scope : null,
      gemeenteCode: scope?.startsWith('GM') ? scope : null,
      activationHash: null,
      activationExpiresAt: null,
    });
    return { id, email };
  }

  /** The browser's round trip: our start, the provider's authorize endpoint, back to our callback. */
  async function viaProvider(c: PortalClient, providerId: string, provider: TestOidcProvider) {
    await c.get('/plein/inloggen');
    const start = await c.get(`/plein/inloggen/sso/${providerId}`);
    assert.equal(start.status, 303, start.text);
    const authorize = start.headers.get('location')!;
    assert.ok(authorize.startsWith(`${provider.issuer}/authorize?`), authorize);
    const atProvider = await fetch(authorize, { redirect: 'manual' });
    assert.equal(atProvider.status, 302, await atProvider.text());
    const back = atProvider.headers.get('location')!;
    assert.ok(back.startsWith(`${t.url}/plein/inloggen/sso/${providerId}/terug?`), back);
    return { back: back.slice(t.url.length), callback: await c.get(back.slice(t.url.length)) };
  }
  const nextOf = (page: string) => /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(page)?.[1] ?? null;

  test('a centralist logs in through the police with multi-factor there: the first login links the account, the session is the same as after password and code', async () => {
    const account = await ssoAccount('centralist', 'RE05');
    const c = new PortalClient(t.url);
    const loginPage = await c.get('/plein/inloggen');
    assert.match(loginPage.text, /href="\/plein\/inloggen\/sso\/politie">Inloggen via Politie Amsterdam</);
    police.user = {
      sub: 'politie-4711',
      claims: {
        email: account.email.toUpperCase(),
        email_verified: true,
        amr: ['pwd', 'otp'],
        groups: ['bn-centralist', 'iets-anders'],
      },
    };
    const { callback } = await viaProvider(c, 'politie', police);
    assert.equal(callback.status, 200, callback.text);
    assert.equal(nextOf(callback.text), '/plein');
    const cookie = callback.headers.getSetCookie().find((h) => h.startsWith('burgernet_session='))!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    assert.equal((await c.get('/plein')).headers.get('location'), '/plein/console');
    assert.equal((await c.get('/plein/console')).status, 200);
    assert.equal((await c.request('GET', '/api/v1/actions')).status, 200);

    // PKCE (S256), state and nonce went to the provider; the code was redeemed with the matching verifier.
    const asked = police.authorizeRequests.at(-1)!;
    const redeemed = police.tokenRequests.at(-1)!;
    assert.equal(asked.get('code_challenge_method'), 'S256');
    assert.equal(
      createHash('sha256').update(redeemed.get('code_verifier')!).digest('base64url'),
      asked.get('code_challenge'),
    );
    assert.ok(asked.get('state')!.length >= 32 && asked.get('nonce')!.length >= 32);
    assert.equal(asked.get('acr_values'), 'urn:politie:mfa');

    const [bound] = await t.system.database.query<{ oidc_issuer: string; oidc_subject: string }>(
      'select oidc_issuer, oidc_subject from staff where id = $1',
      [account.id],
    );
    assert.deepEqual(bound, { oidc_issuer: police.issuer, oidc_subject: 'politie-4711' });
    const [session] = await t.system.database.query<{ method: string; stage: string; hours: number }>(
      `select method, stage, extract(epoch from expires_at - created_at) / 3600 as hours from staff_sessions where staff_id = $1 and ended_at is null`,
      [account.id],
    );
    assert.deepEqual({ ...session, hours: Number(session!.hours) }, { method: 'oidc', stage: 'active', hours: 12 });
    assert.equal((await audit('staff.sso-linked', account.id)).length, 1);
    assert.deepEqual(
      (await audit('staff.logged-in', account.id)).map((r) => r.details),
      [{ method: 'oidc', provider: 'politie', secondFactor: 'idp', acr: null, amr: ['pwd', 'otp'] }],
    );

    // Later logins find the account by (issuer, subject), whatever the e-mail claim says now; a configured acr
    // counts as multi-factor too.
    police.user = {
      sub: 'politie-4711',
      claims: { email: 'nieuw.adres@politie.example', acr: 'urn:politie:mfa', groups: ['bn-centralist'] },
    };
    const again = await viaProvider(new PortalClient(t.url), 'politie', police);
    assert.equal(nextOf(again.callback.text), '/plein');
    assert.notEqual(police.authorizeRequests.at(-1)!.get('state'), asked.get('state'));
    assert.equal((await audit('staff.logged-in', account.id)).at(-1)?.details.secondFactor, 'idp');
  });

  test("without multi-factor at the provider the account's own second step follows; without one it is set up first", async () => {
    const login = await createStaffLogin(t, 'centralist', 'RE05');
    police.user = {
      sub: `politie-${login.id}`,
      claims: { email: login.email, email_verified: true, amr: ['pwd'], groups: ['bn-centralist'] },
    };
    const c = new PortalClient(t.url);
    const { callback } = await viaProvider(c, 'politie', police);
    assert.equal(nextOf(callback.text), '/plein/inloggen/tweede-stap');
    assert.equal((await c.get('/plein/console')).status, 303, 'one factor opens nothing');
    await c.get('/plein/inloggen/tweede-stap');
    assert.equal((await c.postForm('/plein/inloggen/code', { code: await totpCode(login.totpSecret) })).status, 303);
    assert.equal((await c.get('/plein/console')).status, 200);
    assert.deepEqual(
      (await audit('staff.sso-verified', login.id)).map((r) => r.details),
      [{ provider: 'politie', next: 'second-factor' }],
    );
    assert.deepEqual((await audit('staff.logged-in', login.id)).at(-1)?.details, {
      method: 'oidc',
      secondFactor: 'totp',
    });

    // A gemeente user of an account without a second factor sets one up (QR code or typed key), then is in.
    const fresh = await ssoAccount('gemeente', 'GM0363');
    gemeente.user = { sub: 'ams-1', claims: { email: fresh.email, email_verified: true } };
    const d = new PortalClient(t.url);
    const back = await viaProvider(d, 'amsterdam', gemeente);
    assert.equal(nextOf(back.callback.text), '/plein/tweede-factor');
    const enrol = await d.get('/plein/tweede-factor');
    assert.equal(enrol.status, 200);
    assert.match(enrol.text, /<img [^>]*src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
    const secret = /data-totp-secret>([A-Z2-7 ]+)</.exec(enrol.text)![1]!.replace(/ /g, '');
    assert.equal((await d.postForm('/plein/tweede-factor/code', { code: await totpCode(secret) })).status, 303);
    assert.equal((await d.get('/plein')).headers.get('location'), '/plein/gemeente');
    assert.deepEqual((await audit('staff.logged-in', fresh.id)).at(-1)?.details, {
      method: 'oidc',
      secondFactor: 'totp',
    });
  });

  test('an ID token with a wrong signature, issuer, audience or nonce, or expired, is refused and audited; no session', async () => {
    const account = await ssoAccount('centralist', 'RE05');
    const faults: TokenFault[] = [
      'foreign-key',
      'no-signature',
      'wrong-issuer',
      'wrong-audience',
      'wrong-nonce',
      'expired',
    ];
    for (const fault of faults) {
      police.user = {
        sub: 'politie-fout',
        claims: { email: account.email, email_verified: true, amr: ['mfa'], groups: ['bn-centralist'] },
      };
      police.fault = fault;
      const c = new PortalClient(t.url);
      const { callback } = await viaProvider(c, 'politie', police);
      assert.equal(callback.status, 400, fault);
      assert.match(callback.text, /Inloggen via Politie Amsterdam is niet gelukt/, fault);
      assert.equal(c.cookies.has('burgernet_session'), false, fault);
      assert.equal((await c.get('/plein/console')).status, 303, fault);
    }
    const audited = (await failures()).filter((d) => d.reason === 'invalid-response' && d.error !== 'no-pending-login');
    assert.ok(audited.length >= faults.length, JSON.stringify(audited));
    const [row] = await t.system.database.query<{ n: number }>(
      `select count(*)::int as n from staff where id = $1 and oidc_subject is not null`,
      [account.id],
    );
    assert.equal(row?.n, 0, 'a refused token links nothing');
  });

  test('the callback belongs to the browser that started the login: without its cookie, with another state or a second time it is refused', async () => {
    const account = await ssoAccount('centralist', 'RE05');
    police.user = {
      sub: 'politie-state',
      claims: { email: account.email, email_verified: true, amr: ['mfa'], groups: ['bn-centralist'] },
    };
    const c = new PortalClient(t.url);
    await c.get('/plein/inloggen');
    const start = await c.get('/plein/inloggen/sso/politie');
    const back = (await fetch(start.headers.get('location')!, { redirect: 'manual' })).headers
      .get('location')!
      .slice(t.url.length);
    const redeemed = police.tokenRequests.length;
    // Another browser (an attacker who got the URL) has no pending login.
    assert.equal((await new PortalClient(t.url).get(back)).status, 400);
    // The right browser with a changed state.
    const forged = await c.get(back.replace(/state=[^&]+/, 'state=vervalst'));
    assert.equal(forged.status, 400);
    assert.equal(police.tokenRequests.length, redeemed, 'no code was redeemed');
    // The pending login is gone after one callback, so the real one fails now as well.
    assert.equal((await c.get(back)).status, 400);
    assert.equal(police.tokenRequests.length, redeemed);

    const d = new PortalClient(t.url);
    const ok = await viaProvider(d, 'politie', police);
    assert.equal(ok.callback.status, 200);
    assert.equal((await d.get(ok.back)).status, 400, 'a callback works once');
  });

  test('no session without an account that fits: unknown, other meldkamer, revoked, role not granted, e-mail not verified, linked to someone else', async () => {
    const refused = async (
      provider: TestOidcProvider,
      id: string,
      sub: string,
      claims: Record<string, unknown>,
      reason: string,
    ) => {
      provider.user = { sub, claims };
      const c = new PortalClient(t.url);
      const { callback } = await viaProvider(c, id, provider);
      assert.equal(callback.status, 403, reason);
      assert.equal(c.cookies.has('burgernet_session'), false, reason);
      assert.equal((await failures()).at(-1)?.reason, reason);
      return callback.text;
    };
    const mfa = { email_verified: true, amr: ['mfa'], groups: ['bn-centralist'] };
    assert.match(
      await refused(police, 'politie', 'p-unknown', { ...mfa, email: 'niemand@test.burgernet.nl' }, 'no-account'),
      /geen Burgernetplein-account/,
    );
    const elsewhere = await ssoAccount('centralist', 'RE01');
    await refused(police, 'politie', 'p-re01', { ...mfa, email: elsewhere.email }, 'not-served');
    const centralistAtGemeente = await ssoAccount('centralist', 'RE05');
    await refused(
      gemeente,
      'amsterdam',
      'g-centralist',
      { email: centralistAtGemeente.email, email_verified: true },
      'not-served',
    );
    const revoked = await ssoAccount('centralist', 'RE05');
    await t.system.store.staffAccounts.revoke(revoked.id, null, new Date());
    await refused(police, 'politie', 'p-revoked', { ...mfa, email: revoked.email }, 'revoked');
    const noRole = await ssoAccount('centralist', 'RE05');
    assert.match(
      await refused(
        police,
        'politie',
        'p-norole',
        { ...mfa, email: noRole.email, groups: ['bn-beheer'] },
        'role-not-granted',
      ),
      /niet de rol/,
    );
    const unverified = await ssoAccount('centralist', 'RE05');
    await refused(
      police,
      'politie',
      'p-unverified',
      { ...mfa, email: unverified.email, email_verified: false },
      'email-not-verified',
    );
    const linked = await ssoAccount('centralist', 'RE05');
    assert.equal(await t.system.store.staffAccounts.bindOidcIdentity(linked.id, police.issuer, 'p-original'), true);
    await refused(police, 'politie', 'p-impostor', { ...mfa, email: linked.email }, 'other-identity');
  });

  test('a cancelled login, an unknown organisation and an unreachable provider each get a clear page', async () => {
    police.user = null;
    const c = new PortalClient(t.url);
    const { callback } = await viaProvider(c, 'politie', police);
    assert.equal(callback.status, 403);
    assert.match(callback.text, /afgebroken of geweigerd/);
    assert.equal((await failures()).at(-1)?.reason, 'refused-by-provider');

    assert.equal((await c.get('/plein/inloggen/sso/bestaat-niet')).status, 404);
    const down = await c.get('/plein/inloggen/sso/onbereikbaar');
    assert.equal(down.status, 502);
    assert.match(down.text, /niet bereikbaar/);
    assert.equal((await failures()).at(-1)?.reason, 'provider-unreachable');
  });
});
