import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changePassword } from '../../../app/staff-auth/change-password.js';
import { reauthenticate } from '../../../app/staff-auth/reauthenticate.js';
import { isRecentlyAuthenticated } from '../../../domain/staff/staff-session.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { auditDetails, auditEventLabel, auditNames, auditSubject, formatDateTime } from './audit-format.js';
import { renderPortalPage } from './portal-page.js';
import { PASSKEY_SCRIPT, passkeyTexts } from './relying-party.js';
import { requireStaffPage } from './staff-page-guard.js';
import { loginErrorText } from './login-pages.js';
import { loginOriginOf } from './login-origin.js';
import { setSessionCookie } from './staff-session-cookie.js';
import { problemStatus } from '../server/problem.js';

const reauthForm = z.object({
  'reauth-password': z.string().max(1024).optional(),
  'reauth-code': z.string().max(20).optional(),
});
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
    const words = { catalogue: deps.catalogue, names: auditNames(activity.items, [staff]), viewerId: staff.id };
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
<div class="table-scroll utrecht-table-container" tabindex="0" role="region" aria-label="${a.activityCaption}"><table class="compact"><caption class="visually-hidden">${a.activityCaption}</caption>
<thead><tr><th scope="col">${c.when}</th><th scope="col">${c.what}</th><th scope="col">${c.about}</th><th scope="col">${c.details}</th></tr></thead>
<tbody>${activity.items.map(
        (e) =>
          html`<tr data-event="${e.event}"><td>${formatDateTime(e.at)}</td><td>${auditEventLabel(t, e.event)}</td><td>${auditSubject(e, words)}</td><td>${auditDetails(e, words)}</td></tr>`,
      )}</tbody></table></div>
<h2 id="passkeys">${a.passkeysHeading}</h2>
${passkeys.length === 0 ? html`<p>${a.noPasskeys}</p>` : html`<ul>${passkeys.map((p) => html`<li>${a.passkeyItem({ label: p.label, created: formatDateTime(p.createdAt), lastUsed: p.lastUsedAt ? formatDateTime(p.lastUsedAt) : null })}</li>`)}</ul>`}
${addPasskey(request, reply, errors)}
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

  // Adding a passkey: only shortly after a proof of who one is (enforced by the use case too).
  const addPasskey = (request: FastifyRequest, reply: FastifyReply, errors: Record<string, string>) => {
    const a = t.account;
    const { session, account } = request.staffSession!;
    if (isRecentlyAuthenticated(session, deps.clock.now()))
      return html`<div><button type="button" class="secondary" data-passkey="register" data-options="/plein/tweede-factor/passkey/opties" data-verify="/plein/tweede-factor/passkey">${a.addPasskey}</button>
<p class="error-message" data-passkey-error hidden></p></div>`;
    if (account.passwordHash === null && account.totpSecret === null) return html`<p>${a.reauthLogInAgain}</p>`;
    const csrf = reply.generateCsrf();
    return html`<p>${a.reauthIntro}</p>
${
  account.passwordHash === null
    ? null
    : html`<form method="post" action="/plein/account/bevestigen" class="narrow" novalidate>${csrfField(csrf)}
${textField({ name: 'reauth-password', label: a.currentPassword, type: 'password', autocomplete: 'current-password', required: true, maxlength: 1024, error: errors['reauth-password'] ?? null })}
<button type="submit" class="secondary">${a.reauthPasswordSubmit}</button></form>`
}
${
  account.totpSecret === null
    ? null
    : html`<form method="post" action="/plein/account/bevestigen" class="narrow" novalidate>${csrfField(csrf)}
${textField({ name: 'reauth-code', label: a.reauthCode, inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 20, error: errors['reauth-code'] ?? null })}
<button type="submit" class="secondary">${a.reauthCodeSubmit}</button></form>`
}`;
  };

  return async (app) => {
    app.get('/plein/account', { preHandler: requireStaffPage }, async (request, reply) => {
      const notice =
        (request.query as { bevestigd?: unknown }).bevestigd !== undefined ? t.account.reauthDone : undefined;
      return reply.type('text/html; charset=utf-8').send(await page(request, reply, {}, notice));
    });

    app.post(
      '/plein/account/bevestigen',
      { preHandler: [requireStaffPage, app.csrfProtection] },
      async (request, reply) => {
        const form = reauthForm.safeParse(request.body ?? {});
        const input = form.success ? form.data : {};
        const proof =
          input['reauth-code'] !== undefined
            ? { kind: 'totp' as const, code: input['reauth-code'] }
            : { kind: 'password' as const, password: input['reauth-password'] ?? '' };
        const outcome = await reauthenticate(
          plein.auth,
          request.staffSession!,
          proof,
          loginOriginOf(request, plein.cookieSecure),
        );
        if (!outcome.ok) {
          const error = outcome.error;
          if (error.code === 'auth.throttled') reply.header('retry-after', String(error.retryAfterSeconds));
          return reply
            .code(error.code === 'auth.throttled' ? problemStatus(error) : 422)
            .type('text/html; charset=utf-8')
            .send(
              await page(request, reply, {
                [proof.kind === 'totp' ? 'reauth-code' : 'reauth-password']: loginErrorText(deps, error),
              }),
            );
        }
        setSessionCookie(reply, plein.cookieSecure, outcome.value.token);
        return reply.code(303).header('location', '/plein/account?bevestigd=1#passkeys').send();
      },
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
        const outcome = await changePassword(
          plein.auth,
          request.staffSession!,
          { current: input.current, next: input.password },
          loginOriginOf(request, plein.cookieSecure),
        );
        if (!outcome.ok) {
          const error = outcome.error;
          if (error.code === 'auth.throttled') reply.header('retry-after', String(error.retryAfterSeconds));
          const errors: Record<string, string> =
            error.code === 'auth.weak-password'
              ? { password: t.password[error.problem] }
              : { current: loginErrorText(deps, error) };
          return reply
            .code(error.code === 'auth.throttled' ? problemStatus(error) : 422)
            .type('text/html; charset=utf-8')
            .send(await page(request, reply, errors));
        }
        // This session goes on under a new id; every other session of the account has ended, with its live streams.
        setSessionCookie(reply, plein.cookieSecure, outcome.value.token);
        plein.streams.endStaff(request.staff!.id, 'session-ended');
        return reply.type('text/html; charset=utf-8').send(await page(request, reply, {}, t.account.passwordChanged));
      },
    );
  };
}
