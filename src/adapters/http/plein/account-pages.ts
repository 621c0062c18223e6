import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changePassword } from '../../../app/staff-auth/activate-account.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { auditDetails, auditEventLabel, formatDateTime } from './audit-format.js';
import { renderPortalPage } from './portal-page.js';
import { PASSKEY_SCRIPT, passkeyTexts } from './relying-party.js';
import { requireStaffPage } from './staff-page-guard.js';

const passwordForm = z.object({
  current: z.string().max(1024).default(''),
  password: z.string().max(1024).default(''),
  confirmation: z.string().max(1024).default(''),
});

/** Mijn account: who I am, my recent activity (from the audit log), my passkeys, my password. */
export function accountPages(deps: HttpDeps): FastifyPluginAsync {
  const plein = deps.plein;
  const t = deps.catalogue.plein;
  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: Record<string, string> = {},
    notice?: string,
  ) => {
    const staff = request.staff!;
    const [activity, passkeys] = await Promise.all([
      deps.store.auditSearch.search({
        actorId: staff.id,
        event: null,
        subjectType: null,
        subjectId: null,
        from: null,
        to: null,
        meldkamerCode: null,
        gemeenteCode: null,
        limit: 50,
        offset: 0,
      }),
      deps.store.staffAccounts.listPasskeys(staff.id),
    ]);
    const a = t.account;
    const c = t.auditColumns;
    const scope =
      staff.scope.kind === 'meldkamer'
        ? a.scopeMeldkamer(staff.scope.meldkamerCode)
        : staff.scope.kind === 'gemeente'
          ? a.scopeGemeente(staff.scope.gemeenteCode)
          : null;
    return renderPortalPage(request, reply, {
      title: a.title,
      current: '/plein/account',
      scripts: [PASSKEY_SCRIPT],
      head: passkeyTexts(deps.catalogue),
      notice: notice ? html`<div class="notice" role="status">${notice}</div>` : null,
      main: html`<h1>${a.title}</h1>
<p>${a.identity({ name: staff.name, role: t.roles[staff.role], scope })}</p>
<h2>${a.activityHeading}</h2>
<table class="compact"><caption class="visually-hidden">${a.activityCaption}</caption>
<thead><tr><th scope="col">${c.when}</th><th scope="col">${c.what}</th><th scope="col">${c.about}</th><th scope="col">${c.details}</th></tr></thead>
<tbody>${activity.items.map(
        (e) =>
          html`<tr><td>${formatDateTime(e.at)}</td><td>${auditEventLabel(t, e.event)}</td><td>${e.subjectType}${e.subjectId ? ` ${e.subjectId.slice(0, 8)}` : ''}</td><td>${auditDetails(e)}</td></tr>`,
      )}</tbody></table>
<h2>${a.passkeysHeading}</h2>
${passkeys.length === 0 ? html`<p>${a.noPasskeys}</p>` : html`<ul>${passkeys.map((p) => html`<li>${a.passkeyItem({ label: p.label, created: formatDateTime(p.createdAt), lastUsed: p.lastUsedAt ? formatDateTime(p.lastUsedAt) : null })}</li>`)}</ul>`}
<button type="button" class="secondary" data-passkey="register" data-options="/plein/tweede-factor/passkey/opties" data-verify="/plein/tweede-factor/passkey">${a.addPasskey}</button>
<p class="error-message" data-passkey-error hidden></p>
<h2>${a.passwordHeading}</h2>
<div class="narrow">${errorSummary(errors)}
<form method="post" action="/plein/account/wachtwoord" novalidate>
${csrfField(reply.generateCsrf())}
${textField({ name: 'current', label: a.currentPassword, type: 'password', autocomplete: 'current-password', required: true, maxlength: 1024, error: errors.current ?? null })}
${textField({ name: 'password', label: a.newPassword, type: 'password', autocomplete: 'new-password', required: true, maxlength: 1024, error: errors.password ?? null, hint: a.newPasswordHint })}
${textField({ name: 'confirmation', label: a.repeatPassword, type: 'password', autocomplete: 'new-password', required: true, maxlength: 1024, error: errors.confirmation ?? null })}
<button type="submit">${a.passwordSubmit}</button>
</form></div>`,
    });
  };

  return async (app) => {
    app.get('/plein/account', { preHandler: requireStaffPage }, async (request, reply) =>
      reply.type('text/html; charset=utf-8').send(await page(request, reply)),
    );

    app.post(
      '/plein/account/wachtwoord',
      { preHandler: [requireStaffPage, app.csrfProtection] },
      async (request, reply) => {
        const form = passwordForm.safeParse(request.body ?? {});
        const input = form.success ? form.data : { current: '', password: '', confirmation: '' };
        if (input.password !== input.confirmation) {
          return reply
            .code(422)
            .type('text/html; charset=utf-8')
            .send(await page(request, reply, { confirmation: t.password.mismatch }));
        }
        const outcome = await changePassword(plein.auth, request.staffSession!, input.current, input.password);
        if (!outcome.ok) {
          const errors: Record<string, string> =
            outcome.error.code === 'auth.weak-password'
              ? { password: t.password[outcome.error.problem] }
              : { current: t.login.invalidCredentials };
          return reply
            .code(422)
            .type('text/html; charset=utf-8')
            .send(await page(request, reply, errors));
        }
        return reply.type('text/html; charset=utf-8').send(await page(request, reply, {}, t.account.passwordChanged));
      },
    );
  };
}
