import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startAction, VONDELPARK_AREA } from './support/app-support.js';
import { createStaffLogin, PortalClient, type StaffLogin } from './support/plein.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';

/** The text a reader sees in a piece of HTML: tags (and their attributes) dropped, entities read. */
function visibleText(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The rows of a page's audit table for one event, as the reader sees them. */
function rowsOf(page: string, event: string): string[] {
  return [...page.matchAll(new RegExp(`<tr data-event="${event.replace('.', '\\.')}">(.*?)</tr>`, 'gs'))].map((m) =>
    visibleText(m[1]!),
  );
}

/** Staff read the audit log in Dutch words: the event's label, who, about what, and details without keys or ids. */
describe('audit entries in words in Burgernetplein', () => {
  let t: TestSystem;
  let beheer: PortalClient;
  let beheerLogin: StaffLogin;
  let actionId: string;
  let actionNumber: string;
  const update = 'Noor draagt een rode jas en een blauwe rugzak.';

  before(async () => {
    t = await startTestSystem();
    const centralist = t.api(await t.staffToken('centralist', 'RE05'));
    actionId = await startAction(centralist, {
      type: 'vermissing',
      message: 'Meisje van 8 vermist bij het Vondelpark.',
      area: VONDELPARK_AREA,
    });
    assert.equal((await centralist.post(`/api/v1/actions/${actionId}/updates`, { text: update })).status, 202);
    actionNumber = (await centralist.get(`/api/v1/actions/${actionId}`)).body.number;
    // A colleague logs in to the portal: beheer sees that entry about the colleague, by name.
    const colleague = new PortalClient(t.url);
    assert.equal(await colleague.logIn(await createStaffLogin(t, 'centralist', 'RE05'), t.clock.now()), 303);
    beheerLogin = await createStaffLogin(t, 'landelijk-beheer');
    beheer = new PortalClient(t.url);
    assert.equal(await beheer.logIn(beheerLogin, t.clock.now()), 303);
  });
  after(() => t?.stop());

  const assertNoRawKeys = (text: string, where: string) => {
    assert.doesNotMatch(text, /\b[a-z-]+\.[a-z-]+\b/, `${where}: an event's stored name in "${text}"`);
    assert.doesNotMatch(text, /[0-9a-f]{8}(-[0-9a-f]{4})?/, `${where}: an id in "${text}"`);
    assert.doesNotMatch(
      text,
      /[{}"]|\b(number|meldkamerCode|secondFactor|method|staff|action):/,
      `${where}: "${text}"`,
    );
  };

  test('the audit log shows an update to an action as its label, its author, the action number and the text', async () => {
    const page = await beheer.get('/plein/beheer/audit?event=action.update-sent');
    assert.equal(page.status, 200);
    const rows = rowsOf(page.text, 'action.update-sent');
    assert.equal(rows.length, 1, page.text);
    const row = rows[0]!;
    assert.match(row, /Vervolgbericht verstuurd/);
    assert.match(row, /centralist RE05/, 'who sent it');
    assert.ok(row.includes(`actie ${actionNumber}`), `what it is about: ${row}`);
    assert.ok(row.includes(`tekst: ${update}`), row);
    assertNoRawKeys(row, 'Auditlog');
    assert.ok(!page.text.includes(actionId), 'the action is named by its number, not its id');
  });

  test('an entry about a colleague names the colleague; Mijn account says "uw eigen account"', async () => {
    const log = await beheer.get('/plein/beheer/audit?event=staff.logged-in');
    const rows = rowsOf(log.text, 'staff.logged-in');
    assert.ok(
      rows.some((r) => r.includes('medewerker Test centralist RE05')),
      rows.join('\n'),
    );
    for (const row of rows) assertNoRawKeys(row, 'Auditlog');

    const account = await beheer.get('/plein/account');
    const own = rowsOf(account.text, 'staff.logged-in');
    assert.ok(own.length >= 1, account.text);
    assert.match(own[0]!, /Ingelogd uw eigen account manier: wachtwoord, tweede stap: code uit een app/);
    assert.ok(!account.text.includes(`staff ${beheerLogin.id.slice(0, 8)}`));
    for (const row of own) assertNoRawKeys(row, 'Mijn account');
  });

  test("the action's timeline says each event in words", async () => {
    const page = await beheer.get(`/plein/acties/${actionId}`);
    assert.equal(page.status, 200);
    const timeline = visibleText(/<ol class="timeline">(.*?)<\/ol>/s.exec(page.text)![1]!);
    assert.match(timeline, /Actie aangemaakt/);
    assert.match(timeline, /Vervolgbericht verstuurd/);
    assert.match(timeline, /soort: Vermissing/);
    assertNoRawKeys(timeline.replace(/\d{2}-\d{2}-\d{4}/g, ''), 'timeline');
  });
});
