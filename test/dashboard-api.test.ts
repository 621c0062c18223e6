import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bulkInsertParticipants } from '../src/adapters/store/bulk-insert-participants.js';
import type { SyntheticParticipant, SyntheticRegistration } from '../src/adapters/seed/synthetic-participants.js';
import { asMsisdn } from '../src/domain/participant/msisdn.js';
import { amsterdamDate } from '../src/domain/dashboard/dashboard-period.js';
import { eventually, startTestSystem, type ApiClient, type TestSystem } from './support/test-system.js';
import { createStaffLogin, PortalClient } from './support/plein.js';

const PLATFORM_TOKEN = 'platform-token-dashboard-0123456789abcdef';
const DAM = { lat: 52.3731, lon: 4.8926 };
const UTRECHT = { lat: 52.0894, lon: 5.1101 };
const ROTTERDAM = { lat: 51.9225, lon: 4.4792 };
// Amsterdam-Zuidoost: in Amsterdam, outside the actions' circles (a voice call takes seconds of real audio).
const ZUIDOOST = { lat: 52.3105, lon: 4.972 };

let phone = 0;
let uuidCounter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++uuidCounter).padStart(12, '0')}`;

function registration(
  gemeenteCode: string,
  at: { lat: number; lon: number },
  channel: 'sms' | 'voice' = 'sms',
  msisdn?: string,
): SyntheticRegistration {
  const n = ++phone;
  return {
    id: uuid(),
    msisdn: asMsisdn(
      msisdn ??
        (channel === 'voice' ? `+3120${String(5_000_000 + n)}` : `+3161${String(1_000_000 + n).padStart(7, '0')}`),
    ),
    channel,
    postcode: '1012AB',
    houseNumber: n,
    houseNumberAddition: null,
    city: 'Test',
    // Within a few hundred metres, so a 2 km circle reaches everyone.
    location: { lat: at.lat + ((n % 7) - 3) * 0.0007, lon: at.lon + ((n % 5) - 2) * 0.0007 },
    gemeenteCode,
    timeWindows: [],
  };
}

function participant(...registrations: SyntheticRegistration[]): SyntheticParticipant {
  return { id: uuid(), name: 'Test Deelnemer', email: null, registrations };
}

/**
 * The hand-made data set. Amsterdam (GM0363): 20 SMS participants (2 with a second registration in Amsterdam too),
 * 3 voice participants, and 4 SMS participants who live in Amsterdam and also registered at work in Utrecht; then
 * 2 leave. Utrecht (GM0344): 12 of its own + those 4. Rotterdam (GM0599): 3, too few to show.
 */
describe('the dashboard over HTTP: figures of a known data set, suppression and scoping', () => {
  let t: TestSystem;
  let landelijk: ApiClient;
  let amsterdamUser: ApiClient;
  let centralist: ApiClient;
  const amsterdam: SyntheticParticipant[] = [];
  const today = amsterdamDate(new Date());
  let vermissingId = '';

  const startAndClose = async (
    api: ApiClient,
    type: string,
    centre: { lat: number; lon: number },
    result: string | null,
    during?: (id: string) => Promise<void>,
    meldkamerCode?: string,
  ) => {
    const created = await api.post('/api/v1/actions', {
      type,
      message: `Test ${type}.`,
      area: { kind: 'circle', centre, radiusMetres: 2_000 },
      ...(meldkamerCode ? { meldkamerCode } : {}),
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    assert.equal((await api.post(`/api/v1/actions/${id}/start`)).status, 200);
    await eventually(async () => {
      const progress = await api.get(`/api/v1/actions/${id}/progress`);
      const alert = progress.body.byKind?.alert ?? {};
      const reached = Object.values(alert as Record<string, Record<string, number>>).reduce(
        (n, c) => n + (c.submitted ?? 0) + (c.delivered ?? 0) + (c.failed ?? 0),
        0,
      );
      const queued = Object.values(alert as Record<string, Record<string, number>>).reduce(
        (n, c) => n + (c.queued ?? 0) + (c.sending ?? 0),
        0,
      );
      assert.ok(reached > 0 && queued === 0, JSON.stringify(progress.body));
    }, 60_000);
    if (during) await during(id);
    const end =
      result === null
        ? await api.post(`/api/v1/actions/${id}/withdraw`, {})
        : await api.post(`/api/v1/actions/${id}/close`, { result });
    assert.equal(end.status, 200, JSON.stringify(end.body));
    return id;
  };

  before(async () => {
    t = await startTestSystem({ REDIRECT_HTTP_TOKEN: PLATFORM_TOKEN, DASHBOARD_REFRESH_SECONDS: '3600' });
    landelijk = t.api(await t.staffToken('landelijk-beheer'));
    amsterdamUser = t.api(await t.staffToken('gemeente', 'GM0363'));
    centralist = t.api(await t.staffToken('centralist', 'RE05'));

    for (let i = 0; i < 20; i++)
      amsterdam.push(participant(registration('GM0363', DAM), ...(i < 2 ? [registration('GM0363', DAM)] : [])));
    for (let i = 0; i < 3; i++) amsterdam.push(participant(registration('GM0363', ZUIDOOST, 'voice')));
    for (let i = 0; i < 4; i++) {
      const home = registration('GM0363', DAM);
      amsterdam.push(participant(home, registration('GM0344', UTRECHT, 'sms', home.msisdn)));
    }
    const utrecht = Array.from({ length: 12 }, () => participant(registration('GM0344', UTRECHT)));
    const rotterdam = Array.from({ length: 3 }, () => participant(registration('GM0599', ROTTERDAM)));
    await t.system.database.transaction((tx) =>
      bulkInsertParticipants(tx, [...amsterdam, ...utrecht, ...rotterdam], new Date()),
    );
    // Five Amsterdam participants confirmed their e-mail address (as the opt-in link does).
    await t.system.database.execute(
      `update participants set email = 'x@example.com', email_confirmed_at = now() where id = any($1::uuid[])`,
      [amsterdam.slice(0, 5).map((p) => p.id)],
    );
    // Two leave: one SMS-only participant, and one of those with a work address in Utrecht.
    for (const p of [amsterdam[10]!, amsterdam[25]!])
      assert.equal((await landelijk.delete(`/api/v1/participants/${p.id}`)).status, 204);

    // Actions in Amsterdam: two vermissingen (one found), an inbraak (arrest), a diefstal (nothing), a withdrawn one.
    vermissingId = await startAndClose(centralist, 'vermissing', DAM, 'gevonden', async (id) => {
      // Twelve recipients call 0800-0011 while it runs; two send a tip from the app.
      const numbers = (
        await t.system.database.query<{ msisdn: string }>(
          'select msisdn from deliveries where action_id = $1 order by msisdn limit 12',
          [id],
        )
      ).map((r) => r.msisdn);
      for (const caller of numbers) {
        const routed = await t.system.http.inject({
          method: 'POST',
          url: '/api/v1/call-routing',
          remoteAddress: '127.0.0.1',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${PLATFORM_TOKEN}` },
          payload: JSON.stringify({ caller }),
        });
        assert.equal(routed.statusCode, 200, routed.body);
      }
      await t.system.callRouting.log.flush();
      for (const text of ['Ik zag haar bij de Dam', 'Meisje met roze jas richting station']) {
        const form = new FormData();
        form.set('text', text);
        const tip = await fetch(`${t.url}/app/v1/actions/${id}/tips`, { method: 'POST', body: form });
        assert.ok(tip.status < 300, await tip.text());
      }
    });
    await startAndClose(centralist, 'vermissing', DAM, 'niet-gevonden');
    await startAndClose(centralist, 'inbraak', DAM, 'aangehouden');
    await startAndClose(centralist, 'diefstal', DAM, 'geen-resultaat');
    await startAndClose(centralist, 'overval', DAM, null);
    // And one in Utrecht (another police unit): it counts nationally, not in Amsterdam.
    await startAndClose(landelijk, 'overval', UTRECHT, 'aangehouden', undefined, 'RE03');
  });
  after(() => t?.stop());

  test('participants now per gemeente, by channel and per 1,000 inhabitants; small numbers show as "< 10"', async () => {
    const ams = await amsterdamUser.get('/api/v1/dashboard/gemeenten/GM0363/participants');
    assert.equal(ams.status, 200, JSON.stringify(ams.body));
    // 20 + 3 + 4 = 27 people with an Amsterdam registration, minus the 2 who left.
    assert.equal(ams.body.participants, 25);
    assert.equal(ams.body.sms, 22);
    assert.equal(ams.body.voice, '< 10');
    assert.equal(ams.body.email, '< 10');
    assert.equal(ams.body.perThousand, Math.round((25 * 10_000) / 931_298) / 10);

    const utr = await landelijk.get('/api/v1/dashboard/gemeenten/GM0344/participants');
    assert.equal(utr.body.participants, 15); // 12 + 4 from Amsterdam at work, minus the one who left
    const rdam = await landelijk.get('/api/v1/dashboard/gemeenten/GM0599/participants');
    assert.equal(rdam.body.participants, '< 10');
    assert.equal(rdam.body.perThousand, null, 'a rate would give a suppressed count away');
  });

  test('the sign-up trend counts joins and departures per day, with the actions as markers', async () => {
    const trend = await landelijk.get(
      `/api/v1/dashboard/gemeenten/GM0363/trend?from=${today}&to=${today}&interval=day`,
    );
    assert.equal(trend.status, 200, JSON.stringify(trend.body));
    assert.deepEqual(trend.body.buckets, [{ bucket: today, joined: 27, leaving: '< 10' }]);
    assert.equal(trend.body.actions.length, 4, 'four actions in Amsterdam (the withdrawn one is no marker)');
    const utr = await landelijk.get(
      `/api/v1/dashboard/gemeenten/GM0344/trend?from=${today}&to=${today}&interval=month`,
    );
    assert.equal(utr.body.interval, 'month');
    assert.deepEqual(utr.body.total, { joined: 16, leaving: '< 10' });
  });

  test('actions per month by type, success ratio by type, and per-action figures with suppression', async () => {
    const view = await amsterdamUser.get('/api/v1/dashboard/gemeenten/GM0363/actions');
    assert.equal(view.status, 200, JSON.stringify(view.body));
    const [gemeente, region, unit, national] = view.body.areas;
    assert.deepEqual(
      [gemeente.area, region.area, unit.area, national.area],
      [
        { kind: 'gemeente', code: 'GM0363' },
        { kind: 'safety-region', code: 'VR13' },
        { kind: 'police-unit', code: 'RE05' },
        { kind: 'national' },
      ],
    );
    const month = today.slice(0, 7);
    assert.deepEqual(gemeente.perMonth, [
      { month, type: 'diefstal', actions: 1 },
      { month, type: 'inbraak', actions: 1 },
      { month, type: 'vermissing', actions: 2 },
    ]);
    const all = gemeente.outcomes.find((o: { type: string | null }) => o.type === null);
    assert.equal(all.actions, 4);
    assert.equal(all.closed, 4);
    assert.equal(all.successes, 2);
    assert.equal(all.successRatio, 0.5);
    const byType = Object.fromEntries(
      gemeente.outcomes
        .filter((o: { type: string | null }) => o.type !== null)
        .map((o: { type: string; successRatio: number }) => [o.type, o.successRatio]),
    );
    assert.deepEqual(byType, { diefstal: 0, inbraak: 1, vermissing: 0.5 });
    const nationalAll = national.outcomes.find((o: { type: string | null }) => o.type === null);
    assert.deepEqual([nationalAll.actions, nationalAll.successes, nationalAll.successRatio], [5, 3, 0.6]);
    assert.ok(all.medianFirstMessageSeconds !== null && all.medianLastMessageSeconds >= all.medianFirstMessageSeconds);

    const vermissing = view.body.actions.find((a: { actionId: string }) => a.actionId === vermissingId);
    assert.equal(
      vermissing.recipients,
      24,
      'every remaining SMS number in the circle, once (19 + 2 second numbers + 3 commuters)',
    );
    assert.equal(vermissing.calls, 12);
    assert.equal(vermissing.tips, '< 10');
    assert.equal(view.body.actions.length, 5, 'the list shows the withdrawn one too');
  });

  test('a gemeente user sees their own detail and only aggregates of others', async () => {
    for (const view of ['participants', 'trend', 'actions', 'email', 'campaigns']) {
      const own = await amsterdamUser.get(`/api/v1/dashboard/gemeenten/GM0363/${view}`);
      assert.equal(own.status, 200, `${view}: ${JSON.stringify(own.body)}`);
      const other = await amsterdamUser.get(`/api/v1/dashboard/gemeenten/GM0344/${view}`);
      assert.equal(other.status, 403, view);
      assert.equal(other.body.code, 'dashboard.out-of-scope');
    }
    const benchmark = await amsterdamUser.get('/api/v1/dashboard/gemeenten/GM0344/benchmark');
    assert.equal(benchmark.status, 200);
    const map = await amsterdamUser.get('/api/v1/dashboard/map');
    assert.equal(map.status, 200);
    const rows = new Map(map.body.gemeenten.map((g: { code: string }) => [g.code, g]));
    assert.equal((rows.get('GM0344') as { participants: number }).participants, 15);
    assert.equal((rows.get('GM0599') as { participants: string }).participants, '< 10');
    assert.equal(map.body.gemeenten.length, 342);
  });

  test('a meldkamer user sees the gemeenten of their region; the benchmark ranks the gemeente', async () => {
    assert.equal((await centralist.get('/api/v1/dashboard/gemeenten/GM0363/participants')).status, 200);
    assert.equal((await centralist.get('/api/v1/dashboard/gemeenten/GM0344/participants')).status, 403);
    const benchmark = await centralist.get('/api/v1/dashboard/gemeenten/GM0344/benchmark');
    const groups = Object.fromEntries(benchmark.body.groups.map((g: { kind: string }) => [g.kind, g]));
    // Utrecht (15 of 374,238) ranks 1st, Amsterdam (25 of 931,298) 2nd; Rotterdam (suppressed) is not ranked.
    assert.equal(groups.national.rank, 1);
    assert.equal(groups.national.ranked, 341);
    const amsterdam = await centralist.get('/api/v1/dashboard/gemeenten/GM0363/benchmark');
    assert.equal(amsterdam.body.groups.find((g: { kind: string }) => g.kind === 'national').rank, 2);
    assert.equal(groups['size-class'].code, 'vanaf-250k');
  });

  test('a gemeente marks a recruitment campaign; it shows on its trend, and only its own', async () => {
    const created = await amsterdamUser.post('/api/v1/dashboard/gemeenten/GM0363/campaigns', {
      name: 'Buurtkrant najaar',
      startsOn: today,
      endsOn: today,
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(
      (
        await amsterdamUser.post('/api/v1/dashboard/gemeenten/GM0344/campaigns', {
          name: 'X',
          startsOn: today,
          endsOn: today,
        })
      ).status,
      403,
    );
    assert.equal(
      (
        await centralist.post('/api/v1/dashboard/gemeenten/GM0363/campaigns', {
          name: 'X',
          startsOn: today,
          endsOn: today,
        })
      ).status,
      403,
    );
    const backwards = await amsterdamUser.post('/api/v1/dashboard/gemeenten/GM0363/campaigns', {
      name: 'X',
      startsOn: '2026-02-02',
      endsOn: '2026-02-01',
    });
    assert.equal(backwards.status, 422);
    assert.equal(backwards.body.problem, 'order');
    const trend = await amsterdamUser.get(`/api/v1/dashboard/gemeenten/GM0363/trend?from=${today}&to=${today}`);
    assert.deepEqual(
      trend.body.campaigns.map((c: { name: string }) => c.name),
      ['Buurtkrant najaar'],
    );
    assert.equal(
      (await amsterdamUser.delete(`/api/v1/dashboard/gemeenten/GM0363/campaigns/${created.body.id}`)).status,
      204,
    );
    assert.equal((await amsterdamUser.get('/api/v1/dashboard/gemeenten/GM0363/campaigns')).body.items.length, 0);
  });

  test('the pages: a gemeente marks a campaign with the form (CSRF), the CSV is the table, others are refused', async () => {
    const portal = new PortalClient(t.url);
    assert.equal(await portal.logIn(await createStaffLogin(t, 'gemeente', 'GM0363'), t.clock.now()), 303);
    const start = await portal.get('/plein/dashboard');
    assert.equal(start.headers.get('location'), '/plein/dashboard/GM0363');
    const page = await portal.get('/plein/dashboard/GM0363');
    assert.equal(page.status, 200);
    assert.match(page.text, /<table data-table="deelnemers">/);
    const refused = await portal.request('POST', '/plein/dashboard/GM0363/campagnes', {
      form: { name: 'Zonder token', startsOn: today, endsOn: today },
    });
    assert.equal(refused.status, 403, 'no CSRF token, no campaign');
    const empty = await portal.postForm('/plein/dashboard/GM0363/campagnes', {
      name: '',
      startsOn: today,
      endsOn: today,
    });
    assert.equal(empty.status, 422);
    assert.match(empty.text, /Geef de campagne een naam/);
    const saved = await portal.postForm('/plein/dashboard/GM0363/campagnes', {
      name: 'Markt in de wijk',
      startsOn: today,
      endsOn: today,
    });
    assert.equal(saved.status, 303);
    assert.match((await portal.get('/plein/dashboard/GM0363')).text, /Markt in de wijk/);
    const csv = await portal.get('/plein/dashboard/GM0363/csv/deelnemers');
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.deepEqual(
      csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split(/\r?\n/)
        .slice(0, 3),
      ['Kenmerk;Aantal', 'Deelnemers;25', 'Sms;22'],
    );
    assert.equal((await portal.get('/plein/dashboard/GM0344')).status, 403);
    assert.equal((await portal.get('/plein/dashboard/GM0344/csv/deelnemers')).status, 403);
  });

  test('e-mail: confirmed addresses are counted (small numbers hidden)', async () => {
    const email = await landelijk.get('/api/v1/dashboard/gemeenten/GM0363/email');
    assert.equal(email.status, 200, JSON.stringify(email.body));
    assert.equal(email.body.confirmedSubscribers, '< 10');
    // No mail was sent here (test/dashboard-mail.test.ts counts real ones).
    assert.deepEqual(email.body.mail, {
      mailsReaching: 0,
      mailsReachingByKind: [],
      ownMails: 0,
      ownRecipients: 0,
      buurtonderzoekAnswers: 0,
    });
  });
});
