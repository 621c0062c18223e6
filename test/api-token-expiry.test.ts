import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { createApiTokens } from '../src/adapters/auth/api-token.js';
import { createStaffWithToken } from '../src/app/staff-auth/create-staff-with-token.js';
import type { StaffRole } from '../src/domain/staff/staff.js';
import { createStaffLogin, PortalClient, type StaffLogin } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

const DAY = 86_400_000;

/**
 * API tokens live as long as was chosen when they were made (the command line's use case): they work until
 * then, are refused after it with a Dutch 401, and beheer sees each token's expiry and a warning for those that
 * end within two weeks.
 */
describe('API tokens expire', () => {
  let t: TestSystem;
  let beheer: StaffLogin;
  const tokens: Record<string, string> = {};

  const make = async (name: string, role: StaffRole, meldkamerCode: string | null, tokenDays: number) => {
    const created = await createStaffWithToken(
      { store: t.system.store, clock: t.clock, ids: { newId: randomUUID }, apiTokens: createApiTokens() },
      null,
      { name, role, meldkamerCode, gemeenteCode: null, tokenDays },
    );
    assert.ok(created.ok);
    tokens[name] = created.value.token;
  };
  const get = (token: string) =>
    fetch(`${t.url}/api/v1/actions`, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => ({
      status: r.status,
      headers: r.headers,
      body: (await r.json()) as Record<string, unknown>,
    }));
  const beheerPage = async () => {
    const portal = new PortalClient(t.url);
    assert.equal(await portal.logIn(beheer, t.clock.now()), 303);
    const page = await portal.get('/plein/beheer');
    assert.equal(page.status, 200);
    return page.text;
  };

  before(async () => {
    t = await startTestSystem();
    beheer = await createStaffLogin(t, 'meldkamer-beheer', 'RE05');
    await make('Koppeling Maand', 'centralist', 'RE05', 30);
    await make('Koppeling Week', 'centralist', 'RE05', 10);
    await make('Koppeling Elders', 'centralist', 'RE06', 365);
  });
  after(() => t.stop());

  test('a token works before its expiry; beheer sees when each of its own ends, and is warned of the one ending soon', async () => {
    assert.equal((await get(tokens['Koppeling Maand']!)).status, 200);
    assert.equal((await get(tokens['Koppeling Week']!)).status, 200);
    const page = await beheerPage();
    assert.match(page, /Toegangssleutels \(API\)/);
    assert.match(page, /<tr data-state="expiring-soon"><td>Koppeling Week<\/td>.*?<td>verloopt binnenkort<\/td><\/tr>/);
    assert.match(page, /<tr data-state="valid"><td>Koppeling Maand<\/td>.*?<td>geldig<\/td><\/tr>/);
    assert.match(page, /1 toegangssleutel verloopt binnen 14 dagen\./);
    assert.doesNotMatch(page, /Koppeling Elders/, 'another meldkamer');
  });

  test('after its expiry a token is refused with a Dutch 401 saying when it ended; beheer sees it expired', async () => {
    t.clock.set(new Date(t.clock.now().getTime() + 31 * DAY));
    const expired = await get(tokens['Koppeling Maand']!);
    assert.equal(expired.status, 401);
    assert.equal(expired.body.code, 'auth.token-expired');
    assert.equal(expired.body.title, 'De toegangssleutel is verlopen');
    assert.match(String(expired.body.detail), /^Deze toegangssleutel is verlopen op \d+ \w+ \d{4} om \d\d:\d\d\./);
    assert.equal(typeof expired.body.expiredAt, 'string');
    assert.match(expired.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    assert.equal((await get(tokens['Koppeling Week']!)).body.code, 'auth.token-expired');
    assert.equal((await get(tokens['Koppeling Elders']!)).status, 200);
    assert.equal(
      (await get(`bn_${'x'.repeat(43)}`)).body.code,
      'auth.unauthenticated',
      'an unknown token says nothing of expiry',
    );

    const page = await beheerPage();
    assert.match(page, /<tr data-state="expired"><td>Koppeling Maand<\/td>/);
    assert.match(page, /2 toegangssleutels zijn al verlopen\./);
  });
});
