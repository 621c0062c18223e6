import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  accountOfActivation,
  activateAccount,
  confirmTotpEnrolment,
  passkeyRegistrationOptions,
  registerPasskey,
  startTotpEnrolment,
} from '../../../app/staff-auth/activate-account.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { sendProblem } from '../server/problem.js';
import { setSessionCookie } from './staff-session-cookie.js';
import { renderPortalPage } from './portal-page.js';
import { PASSKEY_SCRIPT, passkeyTexts, relyingPartyOf } from './relying-party.js';
import { totpQrCodeDataUrl } from './totp-qr-code.js';

const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const passwordForm = z.object({
  password: z.string().max(1024).default(''),
  confirmation: z.string().max(1024).default(''),
});
const codeForm = z.object({ code: z.string().max(20).default('') });
const passkeyBody = z.object({ label: z.string().trim().min(1).max(100).default('Passkey'), response: z.unknown() });

/** Activation (choose a password) and enrolment of the second factor (authenticator app or passkey). */
export function activationPages(deps: HttpDeps): FastifyPluginAsync {
  const plein = deps.plein;
  const t = deps.catalogue.plein;

  const passwordPage = (request: FastifyRequest, reply: FastifyReply, token: string, errors: Record<string, string>) =>
    renderPortalPage(request, reply, {
      title: t.activationPage.title,
      main: html`<div class="narrow"><h1>${t.activationPage.title}</h1>
${errorSummary(errors)}
<p>${t.activationPage.intro}</p>
<form method="post" action="/plein/activeren/${token}" novalidate>
${csrfField(reply.generateCsrf())}
${textField({ name: 'password', label: t.activationPage.newPassword, type: 'password', autocomplete: 'new-password', required: true, maxlength: 1024, error: errors.password ?? null })}
${textField({ name: 'confirmation', label: t.activationPage.repeatPassword, type: 'password', autocomplete: 'new-password', required: true, maxlength: 1024, error: errors.confirmation ?? null })}
<button type="submit">${t.activationPage.submit}</button>
</form></div>`,
    });

  const invalidLink = (request: FastifyRequest, reply: FastifyReply) =>
    reply
      .code(404)
      .type('text/html; charset=utf-8')
      .send(
        renderPortalPage(request, reply, {
          title: t.activationPage.invalidTitle,
          main: html`<div class="narrow"><h1>${t.activationPage.invalidHeading}</h1><p>${t.activation.invalid}</p></div>`,
        }),
      );

  const enrolmentPage = async (request: FastifyRequest, reply: FastifyReply, error?: string) => {
    const pending = request.staffSession!;
    const enrolment = await startTotpEnrolment(plein.auth, pending, 'Burgernet');
    if (!enrolment.ok) return reply.code(303).header('location', '/plein/inloggen').send();
    const { secret, uri } = enrolment.value;
    const e = t.enrolmentPage;
    const qrCode = await totpQrCodeDataUrl(uri);
    return reply.type('text/html; charset=utf-8').send(
      renderPortalPage(request, reply, {
        title: e.title,
        scripts: [PASSKEY_SCRIPT],
        head: passkeyTexts(deps.catalogue),
        main: html`<div class="narrow"><h1>${e.title}</h1>
<p>${e.intro}</p>
${error ? errorSummary({ code: error }) : null}
<section aria-labelledby="kop-passkey"><h2 id="kop-passkey">${e.passkeyHeading}</h2>
<p>${e.passkeyText}</p>
<button type="button" data-passkey="register" data-options="/plein/tweede-factor/passkey/opties" data-verify="/plein/tweede-factor/passkey">${e.passkeyButton}</button>
<p class="error-message" data-passkey-error hidden></p></section>
<section aria-labelledby="kop-app"><h2 id="kop-app">${e.appHeading}</h2>
<ol><li>${e.appStepAdd}</li>
<li>${e.appStepScan}<br><img class="totp-qr" src="${qrCode}" alt="${e.qrAlt}" width="180" height="180"></li>
<li>${e.appStepAlternative} <a href="${uri}">${e.appLink}</a>, ${e.appStepTyped} <code class="secret" data-totp-secret>${secret.replace(/(.{4})/g, '$1 ').trim()}</code></li>
<li>${e.appStepCode}</li></ol>
<form method="post" action="/plein/tweede-factor/code" novalidate>
${csrfField(reply.generateCsrf())}
${textField({ name: 'code', label: e.codeLabel, inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 20 })}
<button type="submit">${e.submit}</button>
</form></section></div>`,
      }),
    );
  };

  const inEnrolment = (request: FastifyRequest) => request.staffSession?.session.stage === 'enrolment';

  return async (app) => {
    app.get('/plein/activeren/:token', async (request, reply) => {
      const params = tokenParams.safeParse(request.params);
      if (!params.success || (await accountOfActivation(plein.auth, params.data.token)) === null)
        return invalidLink(request, reply);
      return reply.type('text/html; charset=utf-8').send(passwordPage(request, reply, params.data.token, {}));
    });

    app.post('/plein/activeren/:token', { preHandler: app.csrfProtection }, async (request, reply) => {
      const params = tokenParams.safeParse(request.params);
      if (!params.success) return invalidLink(request, reply);
      const form = passwordForm.safeParse(request.body ?? {});
      const { password, confirmation } = form.success ? form.data : { password: '', confirmation: '' };
      if (password !== confirmation) {
        return reply
          .code(422)
          .type('text/html; charset=utf-8')
          .send(passwordPage(request, reply, params.data.token, { confirmation: t.password.mismatch }));
      }
      const outcome = await activateAccount(plein.auth, params.data.token, password);
      if (!outcome.ok) {
        if (outcome.error.code === 'auth.weak-password') {
          return reply
            .code(422)
            .type('text/html; charset=utf-8')
            .send(passwordPage(request, reply, params.data.token, { password: t.password[outcome.error.problem] }));
        }
        return invalidLink(request, reply);
      }
      // A new activation ended the account's sessions: their live streams too.
      plein.streams.endStaff(outcome.value.session.staffId, 'session-ended');
      setSessionCookie(reply, plein.cookieSecure, outcome.value.token);
      return reply.code(303).header('location', '/plein/tweede-factor').send();
    });

    app.get('/plein/tweede-factor', async (request, reply) => {
      if (!inEnrolment(request))
        return reply
          .code(303)
          .header('location', request.staff !== null ? '/plein/account' : '/plein/inloggen')
          .send();
      return enrolmentPage(request, reply);
    });

    app.post('/plein/tweede-factor/code', { preHandler: app.csrfProtection }, async (request, reply) => {
      if (!inEnrolment(request)) return reply.code(303).header('location', '/plein/inloggen').send();
      const form = codeForm.safeParse(request.body ?? {});
      const outcome = await confirmTotpEnrolment(plein.auth, request.staffSession!, form.success ? form.data.code : '');
      if (!outcome.ok) return enrolmentPage(request, reply.code(422), t.login.invalidCode);
      setSessionCookie(reply, plein.cookieSecure, outcome.value.token);
      return reply.code(303).header('location', '/plein').send();
    });

    // Passkey registration: during enrolment, and for logged-in staff adding another passkey (Mijn account).
    app.post('/plein/tweede-factor/passkey/opties', { preHandler: app.csrfProtection }, async (request, reply) => {
      const pending = request.staffSession;
      const rp = relyingPartyOf(request, plein);
      if (pending === null || rp === null) return sendProblem(reply, deps.catalogue, { code: 'auth.session-invalid' });
      const outcome = await passkeyRegistrationOptions(plein.auth, pending, rp);
      if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
      return outcome.value;
    });

    app.post(
      '/plein/tweede-factor/passkey',
      { preHandler: app.csrfProtection, bodyLimit: 64 * 1024 },
      async (request, reply) => {
        const pending = request.staffSession;
        const rp = relyingPartyOf(request, plein);
        const body = passkeyBody.safeParse(request.body ?? {});
        if (pending === null || rp === null || !body.success)
          return sendProblem(reply, deps.catalogue, { code: 'auth.session-invalid' });
        const outcome = await registerPasskey(
          plein.auth,
          pending,
          { response: body.data.response, label: body.data.label },
          rp,
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        if (outcome.value !== null) setSessionCookie(reply, plein.cookieSecure, outcome.value.token);
        return { location: outcome.value !== null ? '/plein' : '/plein/account' };
      },
    );
  };
}
