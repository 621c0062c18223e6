import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { hashApiToken, newApiToken } from '../src/adapters/auth/api-token.js';
import { ROUTE_PERMISSIONS } from '../src/adapters/http/server/route-permissions.js';
import type { Action } from '../src/domain/action/action.js';
import { mayViewAction } from '../src/domain/action/action-visibility.js';
import { mayManageCampaignsOf, mayViewGemeenteDetail } from '../src/domain/dashboard/dashboard-access.js';
import type { Mail } from '../src/domain/mail/mail.js';
import {
  mayChangeTemplate,
  mayMailIn,
  mayManageMail,
  mayReadAnswers,
  mayUseTemplate,
} from '../src/domain/mail/mail-access.js';
import type { TemplateOwner } from '../src/domain/mail/mail-template.js';
import { nl } from '../src/domain/messages/nl.js';
import { may, mayManageAccount } from '../src/domain/staff/permissions.js';
import {
  mayManageMeldkamer,
  mayManageParticipantsIn,
  mayRunActionsFor,
  mayViewParticipantsIn,
  scopeOf,
  type GemeenteScope,
  type Staff,
  type StaffRole,
} from '../src/domain/staff/staff.js';
import { exampleRequest, inSafeOrder, type ApiObjects } from './support/api-examples.js';
import { createApiObjects } from './support/api-objects.js';
import { probe } from './support/http-probe.js';
import { readOperations, type Operation } from './support/openapi-operations.js';
import { changedTables, settledRows, storedRows } from './support/stored-rows.js';
import { startTestSystem, type TestSystem } from './support/test-system.js';
import { apiTokenLifetime } from '../src/domain/staff/api-token-lifetime.js';

/** MATRIX_VERBOSE=1 npm test -- api-role-matrix lists every refusal and every allowed request that got a 4xx. */
const VERBOSE = process.env.MATRIX_VERBOSE !== undefined;

/** Every role, in the scope that owns the objects and in another: meldkamer RE05 and RE01, Amsterdam and Utrecht. */
const ACTORS: readonly (readonly [StaffRole, string | null])[] = [
  ['centralist', 'RE05'],
  ['centralist', 'RE01'],
  ['meldkamer-beheer', 'RE05'],
  ['meldkamer-beheer', 'RE01'],
  ['gemeente', 'GM0363'],
  ['gemeente', 'GM0344'],
  ['gemeente-beheer', 'GM0363'],
  ['gemeente-beheer', 'GM0344'],
  ['landelijk-beheer', null],
];

/**
 * Where the objects are: the Vondelpark, in Amsterdam and well inside the region of meldkamer RE05 (an action
 * there reaches no other meldkamer), and a participant's address near the Dam, outside the actions' 300 m.
 */
const PLACE = {
  postcode: '1012 AB',
  centre: { lat: 52.358, lon: 4.868 },
  gemeenteCode: 'GM0363',
  meldkamerCode: 'RE05',
};
const AMSTERDAM: GemeenteScope = { code: PLACE.gemeenteCode, meldkamerCode: PLACE.meldkamerCode };
/**
 * A mail's audience: a whole gemeente, which is refused outside the sender's scope (an area or postcodes reaching
 * beyond it are cut to the scope instead, mail-audience.ts: nothing to refuse).
 */
const AUDIENCE = { audience: { kind: 'gemeente', gemeenteCode: PLACE.gemeenteCode } };

interface Actor {
  readonly staff: Staff;
  readonly token: string;
  readonly label: string;
}

/** The objects as stored, for the domain's rules. */
interface Stored {
  readonly actions: ReadonlyMap<string, Action>;
  readonly mail: Mail;
  readonly templateOwner: TemplateOwner;
  readonly account: { readonly role: StaffRole; readonly meldkamerCode: string | null; readonly gemeenteCode: null };
  readonly importerId: string;
}

/** Whether a staff member may reach what the operation names; null: it names nothing (own data, a filtered list). */
type ScopeRule = ((staff: Staff) => boolean) | null;

/**
 * The scope rule of an operation, by the kind of object its path (or body) names, from the rules the use cases
 * apply: staff.ts, action-visibility.ts, mail-access.ts, dashboard-access.ts, permissions.ts; two that live in
 * the app layer are restated (national settings; an import belongs to whoever started it).
 */
function scopeRuleOf(op: Operation, objects: ApiObjects, stored: Stored): ScopeRule {
  const { path } = op;
  const reads = op.method === 'GET';
  const action = stored.actions.get(objects.active)!;
  const runs = (s: Staff) => mayRunActionsFor(s, action.meldkamerCode);
  if (path.startsWith('/api/v1/actions/{id}')) return reads ? (s) => mayViewAction(s, action) : runs;
  // The body names the meldkamer (a new action) or the action (a reach estimate for widening it).
  if ((path === '/api/v1/actions' && op.method === 'POST') || path === '/api/v1/reach-estimates') return runs;
  if (/^\/api\/v1\/(relatiebeheer\/)?participants/.test(path)) {
    if (path.includes('{id}') && reads) return (s) => mayViewParticipantsIn(s, AMSTERDAM);
    // A change, or a new participant whose registration (in the body) lies in Amsterdam.
    return reads ? null : (s) => mayManageParticipantsIn(s, AMSTERDAM);
  }
  if (path.startsWith('/api/v1/mails/{id}/answers')) return (s) => mayReadAnswers(s, stored.mail);
  if (path.startsWith('/api/v1/mails/{id}')) return (s) => mayManageMail(s, stored.mail);
  // The audience (in the body) is the gemeente Amsterdam (AUDIENCE): outside the scope it is refused.
  if ((path === '/api/v1/mails' && op.method === 'POST') || path === '/api/v1/audience-counts')
    return (s) => mayMailIn(s, AMSTERDAM);
  if (path.startsWith('/api/v1/mail-templates/{id}')) return (s) => mayChangeTemplate(s, stored.templateOwner);
  if (path.startsWith('/api/v1/staff/{id}') || (path === '/api/v1/staff' && op.method === 'POST'))
    return (s) => mayManageAccount(s, stored.account);
  if (path.startsWith('/api/v1/relatiebeheer/imports/{id}')) return (s) => s.id === stored.importerId;
  if (path.startsWith('/api/v1/dashboard/gemeenten/{code}/campaigns') && !reads)
    return (s) => mayManageCampaignsOf(s, AMSTERDAM.code);
  // The benchmark is an aggregate everyone with the dashboard sees (dashboard-access.ts).
  if (path === '/api/v1/dashboard/gemeenten/{code}/benchmark') return null;
  if (path.startsWith('/api/v1/dashboard/gemeenten/{code}')) return (s) => mayViewGemeenteDetail(s, AMSTERDAM);
  if (path.startsWith('/api/v1/meldkamers/{code}')) return (s) => mayManageMeldkamer(s, AMSTERDAM.meldkamerCode);
  // Templates and approval rules of action types are national (action-type-settings.ts).
  if (path.startsWith('/api/v1/action-types/{type}')) return (s) => s.scope.kind === 'landelijk';
  // A new kind of object in a path needs its rule here before the matrix can judge it.
  assert.equal(op.pathParams.length, 0, `no scope rule for ${op.method} ${op.path}`);
  return null;
}

/**
 * Each object's id (and a participant's name), with who may see it in the operation's answer: nobody else finds
 * it there. A gemeente's dashboard lists the actions in it to whoever sees its detail (dashboard-access.ts).
 */
function visibility(op: Operation, objects: ApiObjects, stored: Stored): [string, (s: Staff) => boolean][] {
  const dashboard = op.path.startsWith('/api/v1/dashboard/gemeenten/{code}');
  const seesAction = (s: Staff, action: Action) =>
    mayViewAction(s, action) || (dashboard && mayViewGemeenteDetail(s, AMSTERDAM));
  const action = stored.actions.get(objects.active)!;
  const concept = stored.actions.get(objects.concept)!;
  const participant = (s: Staff) => mayViewParticipantsIn(s, AMSTERDAM);
  return [
    [objects.active, (s) => seesAction(s, action)],
    [objects.tip, (s) => seesAction(s, action)],
    [objects.concept, (s) => seesAction(s, concept)],
    [objects.participant, participant],
    [objects.registration, participant],
    ['Gijs Voorbeeld', participant],
    [objects.mail, (s) => mayManageMail(s, stored.mail) || mayReadAnswers(s, stored.mail)],
    [objects.template, (s) => mayUseTemplate(s, stored.templateOwner)],
    [objects.staff, (s) => mayManageAccount(s, stored.account)],
    [objects.campaign, (s) => mayViewGemeenteDetail(s, AMSTERDAM)],
    [objects.importJob, (s) => s.id === stored.importerId],
  ];
}

/** Answers that list what the staff member's own scope did, which may name any object they tried to reach. */
const OWN_ACTIVITY = new Set(['/api/v1/audit-log', '/api/v1/me/activity']);

type Expected = 'refused by role' | 'refused by scope' | 'allowed';

describe('the role × object matrix: every operation, every role, in the owning scope and in another', () => {
  let t: TestSystem;
  let actors: Actor[];
  let operations: Operation[];
  let objects: ApiObjects;
  let stored: Stored;

  const actor = async (role: StaffRole, code: string | null): Promise<Actor> => {
    const id = randomUUID();
    const token = newApiToken();
    const meldkamerCode = code?.startsWith('RE') ? code : null;
    const gemeenteCode = code?.startsWith('GM') ? code : null;
    const label = `${role} ${code ?? 'landelijk'}`;
    await t.system.store.staff.createStaff({ id, name: label, role, meldkamerCode, gemeenteCode });
    await t.system.store.staff.addToken(id, hashApiToken(token), 'matrix', apiTokenLifetime(t.clock.now(), 365)!);
    return { staff: { id, name: label, role, scope: scopeOf(role, meldkamerCode, gemeenteCode)! }, token, label };
  };

  before(async () => {
    t = await startTestSystem();
    actors = [];
    for (const [role, code] of ACTORS) actors.push(await actor(role, code));
    const client = (label: string) => {
      const a = actors.find((x) => x.label === label)!;
      return { api: t.api(a.token), a };
    };
    const police = client('centralist RE05');
    const policeBeheer = client('meldkamer-beheer RE05');
    const gemeenteBeheer = client('gemeente-beheer GM0363');
    objects = await createApiObjects(
      t,
      {
        police: police.api,
        policeBeheer: policeBeheer.api,
        gemeenteBeheer: gemeenteBeheer.api,
        gemeenteBeheerToken: gemeenteBeheer.a.token,
      },
      PLACE,
    );
    const mails = t.system.mail.http.mail.store.mails;
    const actionOf = async (id: string) => [id, (await t.system.store.actions.findAction(id))!] as const;
    stored = {
      actions: new Map([await actionOf(objects.active), await actionOf(objects.concept)]),
      mail: (await mails.findMail(objects.mail))!,
      templateOwner: (await mails.findTemplate(objects.template))!.owner,
      account: { role: 'centralist', meldkamerCode: PLACE.meldkamerCode, gemeenteCode: null },
      importerId: gemeenteBeheer.a.staff.id,
    };
    operations = inSafeOrder(await readOperations(t.url)).filter((op) => !op.anonymous);
  });
  after(() => t.stop());

  test('without the permission 403; with it, another scope is refused (403 or 404) and the own scope is not', async (context) => {
    const wrong: string[] = [];
    const counts = { requests: 0, 'refused by role': 0, 'refused by scope': 0, allowed: 0 };
    let state = await storedRows(t);
    for (const op of operations) {
      const permission = ROUTE_PERMISSIONS[`${op.method} ${op.route}`];
      const rule = scopeRuleOf(op, objects, stored);
      const visible = visibility(op, objects, stored);
      const expected = (a: Actor): Expected => {
        const byRole = permission === 'any-staff' || (permission !== undefined && may(a.staff, permission));
        if (!byRole) return 'refused by role';
        return rule === null || rule(a.staff) ? 'allowed' : 'refused by scope';
      };
      // Refusals first, so that they meet the objects before the owners change or delete them.
      const order: Expected[] = ['refused by scope', 'refused by role', 'allowed'];
      const sorted = [...actors].sort((a, b) => order.indexOf(expected(a)) - order.indexOf(expected(b)));
      for (const a of sorted) {
        const expectation = expected(a);
        const request = exampleRequest(op, objects, { authorization: `Bearer ${a.token}` }, AUDIENCE);
        const outcome = await probe(t.url + request.url, request.init, 5_000);
        counts.requests++;
        counts[expectation]++;
        const what = `${a.label} ${op.method} ${op.path}: ${outcome.status} ${outcome.text.slice(0, 160)}`;
        if (VERBOSE && (outcome.status >= 400 || expectation !== 'allowed'))
          context.diagnostic(`${expectation}: ${what}`);
        switch (expectation) {
          case 'refused by role':
            if (outcome.status !== 403 || !outcome.text.includes(nl.problemDetails.roleRefused))
              wrong.push(`${what} (its role lacks ${String(permission)})`);
            break;
          case 'refused by scope':
            if (outcome.status !== 403 && outcome.status !== 404) wrong.push(`${what} (another scope: 403 or 404)`);
            break;
          case 'allowed':
            if (outcome.status === 403 || outcome.status === 0 || outcome.status >= 500)
              wrong.push(`${what} (its own scope: not refused)`);
            break;
        }
        if (outcome.status >= 200 && outcome.status < 300 && !OWN_ACTIVITY.has(op.path)) {
          for (const [needle, sees] of visible)
            if (!sees(a.staff) && outcome.text.includes(needle)) wrong.push(`${what} (shows ${needle})`);
        }
        if (expectation === 'allowed' && op.method !== 'GET') {
          state = await settledRows(t);
        } else {
          const now = await storedRows(t);
          if (now !== state) wrong.push(`${what} (stored ${changedTables(state, now)})`);
          state = now;
        }
      }
    }
    context.diagnostic(
      `role matrix: ${operations.length} operations × ${actors.length} staff = ${counts.requests} requests; ` +
        `refused by role ${counts['refused by role']}, refused by scope ${counts['refused by scope']}, allowed ${counts.allowed}`,
    );
    assert.deepEqual(wrong, []);
  });
});
