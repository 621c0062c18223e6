import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FormSession } from './support/form-session.js';
import { registerParticipant } from './support/participants.js';
import { createStaffLogin, PortalClient } from './support/plein.js';
import { eventually, startTestSystem, type TestSystem } from './support/test-system.js';

describe('the demo shows the SMS its SMSC simulator received, so a newcomer can read a code', () => {
  let t: TestSystem;
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sms-simulator-page-'));
    t = await startTestSystem({ DEMO: 'true', DEMO_PARTICIPANTS: '0', DEMO_ACTIONS_PER_MONTH: '0', DATA_DIR: dataDir });
    await registerParticipant(t.api(await t.staffToken('landelijk-beheer')), 'Demo Deelnemer', [
      { phone: '0612340077', postcode: '1012AB', houseNumber: 1 },
    ]);
  });
  after(async () => {
    await t.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a login code sent by SMS can be read on /plein/sms-simulator by a staff member, and used', async () => {
    const browser = new FormSession(t.url);
    await browser.get('/mijn-gegevens/inloggen');
    assert.equal((await browser.post('/mijn-gegevens/inloggen', { doel: '06 1234 0077' })).status, 200);
    await eventually(() => assert.ok(t.system.sms.simulator!.messages.some((m) => m.to === '+31612340077')));

    const anonymous = await fetch(`${t.url}/plein/sms-simulator`, { redirect: 'manual' });
    assert.notEqual(anonymous.status, 200, 'not for anyone who is not logged in');
    const staff = new PortalClient(t.url);
    assert.equal(await staff.logIn(await createStaffLogin(t, 'centralist', 'RE05'), t.clock.now()), 303);
    const page = await staff.get('/plein/sms-simulator');
    assert.equal(page.status, 200);
    assert.match(page.text, /Verstuurde sms \(simulator\)/);
    assert.match(page.text, /\+31612340077/);
    const code = /\b(\d{6})\b/.exec(page.text.slice(page.text.indexOf('+31612340077')))?.[1];
    assert.ok(code !== undefined, 'the code is on the page');
    assert.equal(code, /(\d{6})/.exec(t.system.sms.simulator!.messages.at(-1)!.text)?.[1], 'the code that was sent');
  });
});

describe('outside the demo there is no SMS page', () => {
  let t: TestSystem;
  before(async () => {
    t = await startTestSystem();
  });
  after(() => t.stop());

  test('/plein/sms-simulator is not found', async () => {
    const staff = new PortalClient(t.url);
    assert.equal(await staff.logIn(await createStaffLogin(t, 'landelijk-beheer'), t.clock.now()), 303);
    assert.equal((await staff.get('/plein/sms-simulator')).status, 404);
  });
});
