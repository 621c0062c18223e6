import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { receivedMail } from './support/mail.js';
import { createStaffLogin, mailedActivationPath, PortalClient } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

const ACTIVATION_PATH = /\/plein\/activeren\/[A-Za-z0-9_-]{20,}/;

describe('activation links go by e-mail to the account itself, never through beheer', () => {
  let t: TestSystem;
  const logLines: string[] = [];

  before(async () => {
    t = await startTestSystem(
      { SESSION_COOKIE_SECURE: 'false', LOG_LEVEL: 'debug', PUBLIC_BASE_URL: 'https://plein.burgernet.test' },
      { logDestination: { write: (line: string) => void logLines.push(line) } },
    );
  });
  after(() => t.stop());

  const tokenOf = (path: string) => path.split('/').at(-1)!;

  test('the API creates and resets an account: the answers say the link was sent, the link is only in the mail', async () => {
    const beheer = t.api(await t.staffToken('meldkamer-beheer', 'RE05'));
    const email = 'api.collega@test.burgernet.nl';
    const created = await beheer.post('/api/v1/staff', { name: 'Api Collega', email, role: 'centralist' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.activationSent, true);
    assert.doesNotMatch(JSON.stringify(created.body), /activeren|activationUrl/);

    const first = await mailedActivationPath(t, email);
    assert.equal((await new PortalClient(t.url).get(first)).status, 200, 'the mailed link opens the activation page');

    const reset = await beheer.post(`/api/v1/staff/${created.body.id as string}/activation`);
    assert.equal(reset.status, 200, JSON.stringify(reset.body));
    assert.equal(reset.body.activationSent, true);
    assert.doesNotMatch(JSON.stringify(reset.body), /activeren|activationUrl/);
    const second = await mailedActivationPath(t, email, first);
    assert.notEqual(second, first);
    assert.equal((await new PortalClient(t.url).get(first)).status, 404, 'a reset ends the earlier link');
    assert.equal((await new PortalClient(t.url).get(second)).status, 200);

    // Neither the log nor any answer carries a token; the mail points at the configured origin.
    for (const path of [first, second]) {
      assert.ok(!logLines.some((line) => line.includes(tokenOf(path))), 'no activation token in the log');
    }
    // The link points at the configured origin (never at a Host header the requester chose), and only the owner gets it.
    const mail = await receivedMail(t, (m) => m.to.includes(email));
    assert.match(mail.text, /https:\/\/plein\.burgernet\.test\/plein\/activeren\//);
    assert.deepEqual(mail.to, [email]);
  });

  test('on the beheer page, adding a colleague or a new link says where it went and shows no link', async () => {
    const manager = await createStaffLogin(t, 'meldkamer-beheer', 'RE05');
    const c = new PortalClient(t.url);
    assert.equal(await c.logIn(manager, t.clock.now()), 303);
    await c.get('/plein/beheer');
    const email = 'pagina.collega@test.burgernet.nl';
    const added = await c.postForm('/plein/beheer/medewerkers', {
      name: 'Pagina Collega',
      email,
      role: 'centralist',
      scope: '',
    });
    assert.equal(added.status, 201);
    assert.doesNotMatch(added.text, ACTIVATION_PATH);
    assert.match(added.text, /per e-mail naar pagina\.collega@test\.burgernet\.nl gestuurd/);
    const first = await mailedActivationPath(t, email);

    const [row] = await t.system.database.query<{ id: string }>('select id from staff where email = $1', [email]);
    const again = await c.postForm(`/plein/beheer/medewerkers/${row!.id}/activeren`, {});
    assert.equal(again.status, 200);
    assert.doesNotMatch(again.text, ACTIVATION_PATH);
    assert.match(again.text, /per e-mail naar pagina\.collega@test\.burgernet\.nl gestuurd/);
    const second = await mailedActivationPath(t, email, first);
    assert.ok(second.length > 0);
    assert.ok(!logLines.some((line) => line.includes(tokenOf(first)) || line.includes(tokenOf(second))));
  });
});
