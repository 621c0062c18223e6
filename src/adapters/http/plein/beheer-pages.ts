import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actionTypeSettings, saveActionTypeSetting } from '../../../app/actions/action-type-settings.js';
import { setRoutingTarget } from '../../../app/meldkamers/set-routing-target.js';
import {
  changeAccountRole,
  createAccount,
  listAccounts,
  resetAccount,
  revokeAccount,
} from '../../../app/staff-auth/manage-accounts.js';
import { listApiTokens, type ListedApiToken } from '../../../app/staff-auth/list-api-tokens.js';
import { searchAuditLog } from '../../../app/staff-auth/search-audit-log.js';
import { API_TOKEN_WARNING_DAYS } from '../../../domain/staff/api-token-lifetime.js';
import { ACTION_TYPES, type ActionType } from '../../../domain/action/action-type.js';
import type { PleinTexts } from '../../../domain/messages/plein-texts.js';
import { may, rolesGrantableBy } from '../../../domain/staff/permissions.js';
import { mayManageMeldkamer, STAFF_ROLES, type StaffRole } from '../../../domain/staff/staff.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html, type SafeHtml } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { auditCsv } from './audit-csv.js';
import { auditActor, auditDetails, auditEventLabel, auditNames, auditSubject, formatDateTime } from './audit-format.js';
import { renderPortalPage } from './portal-page.js';
import { requireStaffPage, requireStaffRole } from './staff-page-guard.js';

const BEHEER_ROLES = ['meldkamer-beheer', 'gemeente-beheer', 'landelijk-beheer'] as const;
const idParams = z.object({ id: z.uuid() });
const createForm = (t: PleinTexts['beheer']) =>
  z.object({
    name: z.string().trim().min(1, t.nameMissing).max(200),
    email: z.string().trim().toLowerCase().pipe(z.email(t.emailInvalid).max(254)),
    role: z.enum(STAFF_ROLES as [StaffRole, ...StaffRole[]], t.roleMissing),
    scope: z.string().trim().toUpperCase().max(6).default(''),
  });
const typeForm = z.object({ template: z.string().max(1000).default(''), requiresApproval: z.string().optional() });
const routingForm = (t: PleinTexts['beheer']) =>
  z.object({
    target: z
      .string()
      .trim()
      .regex(/^(sips?:[^\s@<>"]+@[^\s<>"]+|\+[1-9][0-9]{6,14})$/, t.routingInvalid),
  });
const auditQuery = z.object({
  event: z
    .string()
    .regex(/^[a-z-]+(\.[a-z-]+)?$/)
    .optional()
    .catch(undefined),
  van: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  tot: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  formaat: z.enum(['csv']).optional().catch(undefined),
});

/** The API tokens with their expiry, and a warning line when some end within two weeks or already ended. */
function tokenSection(texts: PleinTexts, tokens: readonly ListedApiToken[]): SafeHtml {
  const t = texts.beheer.tokens;
  const expiring = tokens.filter((k) => k.state === 'expiring-soon').length;
  const expired = tokens.filter((k) => k.state === 'expired').length;
  return html`<h2 id="toegangssleutels">${t.heading}</h2>
<p>${t.intro}</p>
${
  expiring + expired > 0
    ? html`<div class="warning" role="status" data-test="token-warning"><p>${t.warning({ expiring, expired, days: API_TOKEN_WARNING_DAYS })}</p></div>`
    : null
}
${
  tokens.length === 0
    ? html`<p>${t.none}</p>`
    : html`<table class="compact"><caption class="visually-hidden">${t.caption}</caption><thead><tr><th scope="col">${t.columns.name}</th><th scope="col">${t.columns.role}</th><th scope="col">${t.columns.createdAt}</th><th scope="col">${t.columns.expiresAt}</th><th scope="col">${t.columns.status}</th></tr></thead>
<tbody>${tokens.map(
        (k) =>
          html`<tr data-state="${k.state}"><td>${k.staff.name}</td><td>${texts.roles[k.staff.role]}</td><td>${formatDateTime(k.createdAt)}</td><td>${formatDateTime(k.expiresAt)}</td><td>${t.states[k.state]}</td></tr>`,
      )}</tbody></table>`
}`;
}

/** Beheer: accounts, API tokens, action types (templates, second approval), meldkamers' routing, the audit log. */
export function beheerPages(deps: HttpDeps): FastifyPluginAsync {
  const auth = deps.plein.auth;
  const guard = [requireStaffPage, requireStaffRole(...BEHEER_ROLES)];
  const t = deps.catalogue.plein;
  const b = t.beheer;
  const createFormOf = createForm(b);
  const routingFormOf = routingForm(b);

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: SafeHtml; errors?: Record<string, string> } = {},
  ) => {
    const staff = request.staff!;
    const accounts = await listAccounts(auth, staff, true);
    const tokens = await listApiTokens(auth, staff);
    const types = staff.scope.kind === 'landelijk' ? await actionTypeSettings(deps) : [];
    const meldkamers = (await deps.store.meldkamers.list()).filter((m) => mayManageMeldkamer(staff, m.code));
    const csrf = reply.generateCsrf();
    const grantable = rolesGrantableBy(staff.role);
    return renderPortalPage(request, reply, {
      title: b.title,
      current: '/plein/beheer',
      notice: extra.notice ?? null,
      main: html`<h1>${b.title}</h1>
<p><a href="/plein/beheer/audit">${b.auditLink}</a></p>
<h2>${b.staffHeading}</h2>
<table class="compact"><caption class="visually-hidden">${b.staffCaption}</caption><thead><tr><th scope="col">${b.columns.name}</th><th scope="col">${b.columns.email}</th><th scope="col">${b.columns.role}</th><th scope="col">${b.columns.scope}</th><th scope="col">${b.columns.secondFactor}</th><th scope="col">${b.columns.status}</th><th scope="col">${b.columns.actions}</th></tr></thead>
<tbody>${(accounts.ok ? accounts.value : []).map((a) => {
        const scope =
          a.staff.scope.kind === 'meldkamer'
            ? a.staff.scope.meldkamerCode
            : a.staff.scope.kind === 'gemeente'
              ? a.staff.scope.gemeenteCode
              : b.scopeNational;
        const self = a.staff.id === staff.id;
        return html`<tr><td>${a.staff.name}</td><td>${a.email ?? '–'}</td><td>${t.roles[a.staff.role]}</td><td>${scope}</td><td>${[a.totpSecret ? b.factorApp : null, a.passkeys > 0 ? b.factorPasskeys(a.passkeys) : null].filter(Boolean).join(', ') || b.factorNone}</td><td>${a.active ? b.accountActive : b.accountRevoked}</td>
<td>${
          a.active && !self
            ? html`<form method="post" action="/plein/beheer/medewerkers/${a.staff.id}/activeren" class="inline-form">${csrfField(csrf)}<button type="submit" class="secondary small">${b.newActivationLink}</button></form>
<form method="post" action="/plein/beheer/medewerkers/${a.staff.id}/intrekken" class="inline-form">${csrfField(csrf)}<button type="submit" class="danger small">${b.revoke}<span class="visually-hidden"> ${a.staff.name}</span></button></form>`
            : null
        }</td></tr>`;
      })}</tbody></table>
${tokenSection(t, tokens.ok ? tokens.value : [])}
<h3>${b.addHeading}</h3>
<div class="narrow">${errorSummary(extra.errors ?? {})}
<form method="post" action="/plein/beheer/medewerkers" novalidate>${csrfField(csrf)}
${textField({ name: 'name', label: b.name, required: true, maxlength: 200, error: extra.errors?.name ?? null })}
${textField({ name: 'email', label: b.email, type: 'email', required: true, maxlength: 254, error: extra.errors?.email ?? null })}
<div class="field"><label for="veld-role">${b.role}</label><select id="veld-role" name="role">${grantable.map((r) => html`<option value="${r}">${t.roles[r]}</option>`)}</select></div>
${textField({ name: 'scope', label: b.scope, hint: staff.scope.kind === 'landelijk' ? b.scopeHintNational : b.scopeHintOwn, maxlength: 6, error: extra.errors?.scope ?? null, required: false })}
<button type="submit">${b.add}</button></form></div>
${
  meldkamers.length > 0
    ? html`<h2>${b.routingHeading}</h2>
<table class="compact"><thead><tr><th scope="col">${b.routingColumns.meldkamer}</th><th scope="col">${b.routingColumns.target}</th><th scope="col">${b.routingColumns.change}</th></tr></thead><tbody>${meldkamers.map(
        (m) =>
          html`<tr><td>${m.code} ${m.name}</td><td>${m.phoneRoutingTarget}</td><td><form method="post" action="/plein/beheer/meldkamers/${m.code}" class="row">${csrfField(csrf)}<label class="visually-hidden" for="doel-${m.code}">${b.routingLabel(m.code)}</label><input id="doel-${m.code}" name="target" value="${m.phoneRoutingTarget}" maxlength="200"><button type="submit" class="secondary small">${b.save}</button></form></td></tr>`,
      )}</tbody></table>`
    : null
}
${
  types.length > 0
    ? html`<h2>${b.typesHeading}</h2>${types.map(
        (
          type,
        ) => html`<form method="post" action="/plein/beheer/actietypen/${type.type}" class="card">${csrfField(csrf)}<h3>${type.label}</h3>
<div class="field"><label for="sjabloon-${type.type}">${b.template}</label><textarea id="sjabloon-${type.type}" name="template" rows="2" maxlength="1000">${type.template}</textarea></div>
<label class="check"><input type="checkbox" name="requiresApproval" value="ja"${type.requiresApproval ? html` checked` : null}> ${b.requiresApproval}</label>
<button type="submit" class="secondary small">${b.save}<span class="visually-hidden"> ${type.label}</span></button></form>`,
      )}`
    : null
}`,
    });
  };
  const send = async (request: FastifyRequest, reply: FastifyReply, extra: Parameters<typeof page>[2] = {}) =>
    reply.type('text/html; charset=utf-8').send(await page(request, reply, extra));
  // Only that the link went to the account's own address: beheer never sees it (it could activate the account).
  const linkNotice = (email: string, sent: boolean) =>
    sent
      ? html`<div class="notice" role="status"><p>${b.activationLinkSent(email)}</p></div>`
      : html`<div class="error-summary" role="alert"><p>${b.activationLinkNotSent(email)}</p></div>`;

  return async (app) => {
    app.get('/plein/beheer', { preHandler: guard }, (request, reply) => send(request, reply));

    app.post('/plein/beheer/medewerkers', { preHandler: [...guard, app.csrfProtection] }, async (request, reply) => {
      const form = createFormOf.safeParse(request.body ?? {});
      if (!form.success) {
        const errors = Object.fromEntries(form.error.issues.map((i) => [String(i.path[0]), i.message]));
        return send(request, reply.code(422), { errors });
      }
      const staff = request.staff!;
      const { scope, ...rest } = form.data;
      const own =
        staff.scope.kind === 'meldkamer'
          ? staff.scope.meldkamerCode
          : staff.scope.kind === 'gemeente'
            ? staff.scope.gemeenteCode
            : '';
      const code = scope || own;
      const outcome = await createAccount(auth, staff, {
        ...rest,
        meldkamerCode:
          /^RE\d{2}$/.test(code) && deps.referenceData.meldkamers.some((m) => m.code === code) ? code : null,
        gemeenteCode: /^GM\d{4}$/.test(code) && deps.referenceData.gemeenten.some((g) => g.code === code) ? code : null,
      });
      if (!outcome.ok) {
        const message: Record<string, string> =
          outcome.error.code === 'staff.email-taken'
            ? { email: deps.catalogue.problems['staff.email-taken']! }
            : outcome.error.code === 'auth.forbidden'
              ? { role: b.roleForbidden }
              : { scope: deps.catalogue.problems['staff.invalid-scope']! };
        return send(request, reply.code(422), { errors: message });
      }
      return send(request, reply.code(201), { notice: linkNotice(outcome.value.email, outcome.value.activationSent) });
    });

    app.post(
      '/plein/beheer/medewerkers/:id/intrekken',
      { preHandler: [...guard, app.csrfProtection] },
      async (request, reply) => {
        const params = idParams.safeParse(request.params);
        const outcome = params.success ? await revokeAccount(auth, request.staff, params.data.id) : null;
        if (params.success && outcome?.ok) deps.plein.streams.endStaff(params.data.id, 'session-ended');
        return reply.code(303).header('location', '/plein/beheer').send();
      },
    );

    app.post(
      '/plein/beheer/medewerkers/:id/activeren',
      { preHandler: [...guard, app.csrfProtection] },
      async (request, reply) => {
        const params = idParams.safeParse(request.params);
        const outcome = params.success ? await resetAccount(auth, request.staff!, params.data.id) : null;
        if (outcome === null || !outcome.ok) return reply.code(303).header('location', '/plein/beheer').send();
        deps.plein.streams.endStaff(outcome.value.id, 'session-ended');
        return send(request, reply, { notice: linkNotice(outcome.value.email, outcome.value.activationSent) });
      },
    );

    app.post(
      '/plein/beheer/medewerkers/:id/rol',
      { preHandler: [...guard, app.csrfProtection] },
      async (request, reply) => {
        const params = idParams.safeParse(request.params);
        const body = z
          .object({
            role: z.enum(STAFF_ROLES as [StaffRole, ...StaffRole[]]),
            scope: z.string().trim().toUpperCase().max(6).default(''),
          })
          .safeParse(request.body ?? {});
        if (params.success && body.success) {
          const code = body.data.scope;
          const outcome = await changeAccountRole(auth, request.staff!, params.data.id, {
            role: body.data.role,
            meldkamerCode: code.startsWith('RE') ? code : null,
            gemeenteCode: code.startsWith('GM') ? code : null,
          });
          // Streams opened under the old rights end; the browser reconnects under the new ones.
          if (outcome.ok) deps.plein.streams.endStaff(params.data.id, 'rights-changed');
        }
        return reply.code(303).header('location', '/plein/beheer').send();
      },
    );

    app.post(
      '/plein/beheer/actietypen/:type',
      { preHandler: [...guard, app.csrfProtection] },
      async (request, reply) => {
        const type = z
          .enum(ACTION_TYPES as [ActionType, ...ActionType[]])
          .safeParse((request.params as { type?: unknown }).type);
        const form = typeForm.safeParse(request.body ?? {});
        if (type.success && form.success)
          await saveActionTypeSetting(deps, request.staff!, {
            type: type.data,
            template: form.data.template,
            requiresApproval: form.data.requiresApproval === 'ja',
          });
        return reply.code(303).header('location', '/plein/beheer').send();
      },
    );

    app.post(
      '/plein/beheer/meldkamers/:code',
      { preHandler: [...guard, app.csrfProtection] },
      async (request, reply) => {
        const code = z
          .string()
          .regex(/^RE\d{2}$/)
          .safeParse((request.params as { code?: unknown }).code);
        const form = routingFormOf.safeParse(request.body ?? {});
        if (!code.success || !form.success)
          return send(request, reply.code(422), {
            errors: { target: form.success ? b.unknownMeldkamer : form.error.issues[0]!.message },
          });
        await setRoutingTarget(deps, request.staff, code.data, form.data.target);
        return reply.code(303).header('location', '/plein/beheer').send();
      },
    );

    app.get('/plein/beheer/audit', { preHandler: guard }, async (request, reply) => {
      const staff = request.staff!;
      if (!may(staff, 'audit.view')) return reply.code(303).header('location', '/plein/beheer').send();
      const q = auditQuery.parse(request.query ?? {});
      const day = (d: string, end: boolean) => new Date(`${d}T${end ? '23:59:59' : '00:00:00'}+01:00`);
      const csv = q.formaat === 'csv';
      const outcome = await searchAuditLog(
        auth,
        staff,
        {
          actorId: null,
          event: q.event ?? null,
          subjectType: null,
          subjectId: null,
          from: q.van ? day(q.van, false) : null,
          to: q.tot ? day(q.tot, true) : null,
          limit: csv ? 10_000 : 200,
          offset: 0,
        },
        csv,
      );
      const items = outcome.ok ? outcome.value.items : [];
      if (csv)
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="auditlog.csv"')
          .send(auditCsv(items));
      const l = t.auditLog;
      const c = t.auditColumns;
      // Colleagues an entry names by id (a reset, a change of role, a take-over): their names, not their ids.
      const accounts = await deps.store.staffAccounts.list({
        meldkamerCode: null,
        gemeenteCode: null,
        includeRevoked: true,
      });
      const colleagues = accounts.map((a) => a.staff);
      const words = { catalogue: deps.catalogue, names: auditNames(items, colleagues), viewerId: staff.id };
      const query = new URLSearchParams({
        ...(q.event ? { event: q.event } : {}),
        ...(q.van ? { van: q.van } : {}),
        ...(q.tot ? { tot: q.tot } : {}),
        formaat: 'csv',
      });
      return reply.type('text/html; charset=utf-8').send(
        renderPortalPage(request, reply, {
          title: l.title,
          current: '/plein/beheer',
          main: html`<h1>${l.title}</h1>
<form method="get" action="/plein/beheer/audit" class="filters">
<div class="field"><label for="audit-event">${l.event}</label><input id="audit-event" name="event" value="${q.event ?? ''}" placeholder="${l.eventPlaceholder}" maxlength="60"></div>
<div class="field"><label for="audit-van">${l.from}</label><input id="audit-van" name="van" type="date" value="${q.van ?? ''}"></div>
<div class="field"><label for="audit-tot">${l.to}</label><input id="audit-tot" name="tot" type="date" value="${q.tot ?? ''}"></div>
<button type="submit">${l.search}</button></form>
<p>${l.count(outcome.ok ? outcome.value.total : 0)} <a href="/plein/beheer/audit?${query.toString()}">${l.export}</a></p>
<div class="table-scroll utrecht-table-container" tabindex="0" role="region" aria-label="${l.caption}"><table class="compact"><caption class="visually-hidden">${l.caption}</caption><thead><tr><th scope="col">${c.when}</th><th scope="col">${c.who}</th><th scope="col">${c.what}</th><th scope="col">${c.subject}</th><th scope="col">${c.details}</th></tr></thead>
<tbody>${items.map((e) => html`<tr data-event="${e.event}"><td>${formatDateTime(e.at)}</td><td>${auditActor(e, words)}</td><td>${auditEventLabel(t, e.event)}</td><td>${auditSubject(e, words)}</td><td>${auditDetails(e, words)}</td></tr>`)}</tbody></table></div>`,
        }),
      );
    });
  };
}
