import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AuthError } from '../../../domain/staff/errors.js';
import {
  logInWithPasskey,
  logInWithPassword,
  logInWithTotp,
  passkeyChallenge,
  type CompletedLogin,
} from '../../../app/staff-auth/log-in.js';
import { logOut } from '../../../app/staff-auth/staff-sessions.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { problemStatus, sendProblem } from '../server/problem.js';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from './staff-session-cookie.js';
import { setDeviceCookie } from './known-device-cookie.js';
import { loginOriginOf } from './login-origin.js';
import { renderPortalPage } from './portal-page.js';
import { PASSKEY_SCRIPT, passkeyTexts, relyingPartyOf } from './relying-party.js';
import { safeReturnPath } from './staff-page-guard.js';

const passwordForm = z.object({
  email: z.string().trim().max(254).default(''),
  password: z.string().max(1024).default(''),
});
const codeForm = z.object({ code: z.string().max(20).default('') });

/** The Dutch sentence for a refused login step. */
export function loginErrorText(deps: HttpDeps, error: AuthError): string {
  const t = deps.catalogue.plein.login;
  switch (error.code) {
    case 'auth.throttled':
      return t.throttled({ seconds: error.retryAfterSeconds, reason: error.reason });
    case 'auth.no-second-factor':
      return t.noSecondFactor;
    case 'auth.invalid-code':
      return t.invalidCode;
    case 'auth.passkey-invalid':
      return t.passkeyInvalid;
    case 'auth.session-invalid':
      return t.sessionInvalid;
    default:
      return t.invalidCredentials;
  }
}

export interface LoginPageOptions {
  readonly email?: string;
  /** A refused password (shown at the e-mail field). */
  readonly error?: string;
  /** A single sign-on that did not work. */
  readonly alert?: string;
  readonly notice?: string;
}

/** The login page: e-mail and password, and a button per organisation with single sign-on. */
export function renderLoginPage(
  deps: HttpDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  opts: LoginPageOptions,
): string {
  const t = deps.catalogue.plein.loginPage;
  const providers = deps.plein.sso.providers;
  return renderPortalPage(request, reply, {
    title: t.title,
    current: '/plein/inloggen',
    notice: opts.notice ? html`<div class="notice" role="status">${opts.notice}</div>` : null,
    main: html`<div class="narrow"><h1>${t.heading}</h1>
${opts.error ? errorSummary({ email: opts.error }) : null}
${opts.alert ? html`<div class="error-summary" role="alert" tabindex="-1" id="foutmeldingen"><p>${opts.alert}</p></div>` : null}
<form method="post" action="/plein/inloggen" novalidate>
${csrfField(reply.generateCsrf())}
${textField({ name: 'email', label: t.email, type: 'email', autocomplete: 'username', value: opts.email ?? '', required: true, maxlength: 254 })}
${textField({ name: 'password', label: t.password, type: 'password', autocomplete: 'current-password', required: true, maxlength: 1024 })}
<button type="submit">${t.submit}</button>
</form>
<p>${t.afterPassword}</p>
${
  providers.length === 0
    ? null
    : html`<section aria-labelledby="kop-sso"><h2 id="kop-sso">${t.ssoHeading}</h2><p>${t.ssoIntro}</p>
<ul class="sso-providers">${providers.map((p) => html`<li><a class="button secondary" href="/plein/inloggen/sso/${p.id}">${t.ssoButton(p.name)}</a></li>`)}</ul></section>`
}</div>`,
  });
}

export function loginPages(deps: HttpDeps): FastifyPluginAsync {
  const plein = deps.plein;

  const passwordPage = (request: FastifyRequest, reply: FastifyReply, opts: LoginPageOptions) =>
    renderLoginPage(deps, request, reply, opts);

  const secondStepPage = (request: FastifyRequest, reply: FastifyReply, error?: string) => {
    const t = deps.catalogue.plein.secondStepPage;
    const pending = request.staffSession!;
    const hasTotp = pending.account.totpSecret !== null;
    const hasPasskey = pending.account.passkeys > 0;
    return renderPortalPage(request, reply, {
      title: t.title,
      scripts: hasPasskey ? [PASSKEY_SCRIPT] : [],
      head: hasPasskey ? passkeyTexts(deps.catalogue) : undefined,
      main: html`<div class="narrow"><h1>${t.title}</h1>
${error ? errorSummary({ code: error }) : null}
${
  hasPasskey
    ? html`<section aria-labelledby="kop-passkey"><h2 id="kop-passkey">${t.passkeyHeading}</h2>
<p>${t.passkeyText}</p>
<button type="button" data-passkey="login" data-options="/plein/inloggen/passkey/opties" data-verify="/plein/inloggen/passkey">${t.passkeyButton}</button>
<p class="error-message" data-passkey-error hidden></p></section>`
    : null
}
${
  hasTotp
    ? html`<section aria-labelledby="kop-code"><h2 id="kop-code">${t.codeHeading}</h2>
<form method="post" action="/plein/inloggen/code" novalidate>
${csrfField(reply.generateCsrf())}
${textField({ name: 'code', label: t.codeLabel, hint: t.codeHint, inputmode: 'numeric', autocomplete: 'one-time-code', required: true, maxlength: 20 })}
<button type="submit">${t.codeSubmit}</button>
</form></section>`
    : null
}
<p><a href="/plein/inloggen">${t.restart}</a></p></div>`,
    });
  };

  const originOf = (request: FastifyRequest) => loginOriginOf(request, plein.cookieSecure);

  const finish = (request: FastifyRequest, reply: FastifyReply, login: CompletedLogin) => {
    setSessionCookie(reply, plein.cookieSecure, login.token);
    setDeviceCookie(reply, plein.cookieSecure, login.deviceTokens);
    const back = safeReturnPath(request.cookies.burgernet_return);
    if (back !== null) reply.clearCookie('burgernet_return', { path: '/plein' });
    return back ?? '/plein';
  };

  return async (app) => {
    app.get('/plein/inloggen', async (request, reply) => {
      if (request.staff !== null) return reply.code(303).header('location', '/plein').send();
      const query = request.query as Record<string, unknown>;
      const notice =
        query.uitgelogd !== undefined
          ? deps.catalogue.plein.login.loggedOut
          : query.verlopen !== undefined
            ? deps.catalogue.plein.login.sessionEnded
            : undefined;
      return reply
        .type('text/html; charset=utf-8')
        .send(passwordPage(request, reply, { ...(notice ? { notice } : {}) }));
    });

    app.post('/plein/inloggen', { preHandler: app.csrfProtection }, async (request, reply) => {
      const form = passwordForm.safeParse(request.body ?? {});
      const input = form.success ? form.data : { email: '', password: '' };
      const outcome = await logInWithPassword(plein.auth, input, originOf(request));
      if (!outcome.ok) {
        if (outcome.error.code === 'auth.throttled')
          reply.header('retry-after', String(outcome.error.retryAfterSeconds));
        return reply
          .code(problemStatus(outcome.error))
          .type('text/html; charset=utf-8')
          .send(passwordPage(request, reply, { email: input.email, error: loginErrorText(deps, outcome.error) }));
      }
      setSessionCookie(reply, plein.cookieSecure, outcome.value.token);
      return reply.code(303).header('location', '/plein/inloggen/tweede-stap').send();
    });

    app.get('/plein/inloggen/tweede-stap', async (request, reply) => {
      if (request.staff !== null) return reply.code(303).header('location', '/plein').send();
      if (request.staffSession?.session.stage !== 'second-factor')
        return reply.code(303).header('location', '/plein/inloggen').send();
      return reply.type('text/html; charset=utf-8').send(secondStepPage(request, reply));
    });

    app.post('/plein/inloggen/code', { preHandler: app.csrfProtection }, async (request, reply) => {
      const pending = request.staffSession;
      if (pending === null || pending.session.stage !== 'second-factor')
        return reply.code(303).header('location', '/plein/inloggen').send();
      const form = codeForm.safeParse(request.body ?? {});
      const outcome = await logInWithTotp(plein.auth, pending, form.success ? form.data.code : '', originOf(request));
      if (!outcome.ok) {
        if (outcome.error.code === 'auth.throttled')
          reply.header('retry-after', String(outcome.error.retryAfterSeconds));
        return reply
          .code(problemStatus(outcome.error))
          .type('text/html; charset=utf-8')
          .send(secondStepPage(request, reply, loginErrorText(deps, outcome.error)));
      }
      return reply
        .code(303)
        .header('location', finish(request, reply, outcome.value))
        .send();
    });

    // Passkeys: the page's script fetches options, lets the browser sign, and posts the assertion (JSON).
    app.post('/plein/inloggen/passkey/opties', { preHandler: app.csrfProtection }, async (request, reply) => {
      const pending = request.staffSession;
      const rp = relyingPartyOf(request, plein);
      if (pending === null || rp === null) return sendProblem(reply, deps.catalogue, { code: 'auth.session-invalid' });
      const outcome = await passkeyChallenge(plein.auth, pending, rp);
      if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
      return outcome.value;
    });

    app.post(
      '/plein/inloggen/passkey',
      { preHandler: app.csrfProtection, bodyLimit: 32 * 1024 },
      async (request, reply) => {
        const pending = request.staffSession;
        const rp = relyingPartyOf(request, plein);
        if (pending === null || rp === null)
          return sendProblem(reply, deps.catalogue, { code: 'auth.session-invalid' });
        const outcome = await logInWithPasskey(plein.auth, pending, request.body, rp, originOf(request));
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return { location: finish(request, reply, outcome.value) };
      },
    );

    app.post('/plein/uitloggen', { preHandler: app.csrfProtection }, async (request, reply) => {
      const token = readSessionCookie(request, plein.cookieSecure);
      if (token !== null) await logOut(plein.auth, token);
      // The live streams of this session (console, import) end now, not at their next check.
      if (request.staffSession !== null) plein.streams.endSession(request.staffSession.session.idHash);
      clearSessionCookie(reply, plein.cookieSecure);
      return reply.code(303).header('location', '/plein/inloggen?uitgelogd=1').send();
    });
  };
}
