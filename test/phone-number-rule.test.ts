import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startAction, VONDELPARK_AREA } from './support/app-support.js';
import { startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';

const RULE_HEADING = '<h2 id="nummers-kop">Welk nummer belt u?</h2>';
/** Each number with what it is for, as the pages show it. */
const RULE = [
  /<dt>112<\/dt><dd>Bij spoed[^<]*<\/dd>/,
  /<dt>0800-0011 \(gratis\)<\/dt><dd>U heeft iets gezien bij een Burgernetactie[^<]*<\/dd>/,
  /<dt>0900-8844<\/dt><dd>De politie zonder spoed[^<]*<\/dd>/,
  /<dt>Nummer van een meldkamer<\/dt><dd>Alleen als een actie het noemt[^<]*<\/dd>/,
];
const FOOTER =
  /<footer class="site-footer"><p class="phone-rule-short">Spoed: bel 112\. Iets gezien bij een Burgernetactie: bel gratis 0800-0011\. Politie zonder spoed: 0900-8844\.<\/p>/;

/** One rule for the numbers citizens are given, shown wherever a number is: the app, the action page, the site. */
describe('which number to call, wherever a number is shown', () => {
  let t: TestSystem;
  let api: ApiClient;
  before(async () => {
    t = await startTestSystem();
    api = t.api(await t.staffToken('landelijk-beheer'));
  });
  after(() => t?.stop());

  const page = async (path: string) => {
    const response = await fetch(t.url + path);
    assert.equal(response.status, 200, path);
    return response.text();
  };
  const assertRule = (text: string, where: string) => {
    assert.ok(text.includes(RULE_HEADING), `${where}: the rule`);
    for (const rule of RULE) assert.match(text, rule, where);
  };

  test('the app and the public page of an action explain the number next to "Bel politie"', async () => {
    const centralist = t.api(await t.staffToken('centralist', 'RE05'));
    const id = await startAction(centralist, {
      type: 'diefstal',
      message: 'Scooter gestolen, zwart.',
      area: VONDELPARK_AREA,
    });
    const app = await page('/app/');
    assertRule(app, '/app/');
    assert.match(app, FOOTER, '/app/');

    // The meldkamer's own number (beheer set it): the button says whom it calls and that it is not free.
    assert.equal((await api.put('/api/v1/meldkamers/RE05/public-phone', { phone: '088 123 4567' })).status, 200);
    const action = await page(`/acties/${id}`);
    assert.match(action, /href="tel:\+31881234567">Bel politie<\/a>/);
    assert.match(
      action,
      /Deze knop belt de meldkamer Amsterdam[^<]*, die deze actie leidt: 088 123 4567\. U betaalt uw gewone belkosten\./,
    );
    assertRule(action, `/acties/${id}`);
    assert.match(action, FOOTER);

    // Without one, the button dials the police's national number, and says so.
    assert.equal((await api.put('/api/v1/meldkamers/RE05/public-phone', { phone: null })).status, 200);
    const fallback = await page(`/acties/${id}`);
    assert.match(fallback, /href="tel:\+319008844">Bel politie<\/a>/);
    assert.match(fallback, /Deze knop belt het algemene nummer van de politie: 0900 8844\./);
  });

  test('an action that says "Bel 112" says why', async () => {
    const centralist = t.api(await t.staffToken('centralist', 'RE05'));
    const id = await startAction(centralist, {
      type: 'overval',
      message: 'Overval op juwelier, dader gewapend.',
      instructions: 'Benader de dader niet.',
      area: VONDELPARK_AREA,
      publication: { call112: true },
    });
    const action = await page(`/acties/${id}`);
    assert.match(action, /href="tel:112">Bel 112<\/a>/);
    assert.match(action, /Er is direct gevaar\. Ziet u iets\? Bel 112\./);
    assertRule(action, 'an action with 112');
  });

  test('every page of the public site has the rule in its footer, and "De app" the whole rule', async () => {
    for (const path of ['/', '/zo-werkt-het', '/over-de-app', '/privacy', '/actuele-acties', '/aanmelden'])
      assert.match(await page(path), FOOTER, path);
    assertRule(await page('/over-de-app'), '/over-de-app');
  });
});
