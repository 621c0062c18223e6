import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { confirmLogin, requestLoginCode } from '../../../app/self-service/log-in.js';
import { endSession } from '../../../app/self-service/sessions.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { SelfServiceHttpDeps } from './self-service-http-deps.js';
import { codeCheckMessage, refusalMessage } from '../forms/code-messages.js';
import { bodyOf, field, queryValue, readEmail, readPhone } from '../forms/form-values.js';
import { clearMySession, mySessionToken, setMySession } from './my-session-cookie.js';
import { codeForm } from '../forms/code-form.js';
import { notice, sendHtml, sitePage, SITE_PATHS } from '../site/site-page.js';
import { clientKey } from '../server/client-key.js';

/**
 * Logging in to "Mijn gegevens" with a code by SMS (a call for a landline) or e-mail. The page after "send me a
 * code" reads the same whether or not the number or address is registered.
 */
export function loginPages(deps: HttpDeps, self: SelfServiceHttpDeps): FastifyPluginAsync {
  const texts = deps.catalogue.selfService;
  const ss = self.selfService;
  const page = (
    reply: FastifyReply,
    title: string,
    main: ReturnType<typeof html>,
    status = 200,
    extraNotice: ReturnType<typeof html> | null = null,
  ) => sendHtml(reply, sitePage(deps.catalogue, { title, current: 'myData', main, notice: extraNotice }), status);

  return async (app) => {
    const loginForm = (
      reply: FastifyReply,
      value: string,
      error: string | null,
      status = 200,
      extraNotice: ReturnType<typeof html> | null = null,
    ) => {
      const t = texts.login;
      const errors: Record<string, string> = error === null ? {} : { doel: error };
      return page(
        reply,
        t.title,
        html`<h1>${t.title}</h1>${errorSummary(errors)}<p>${t.intro}</p>
<form method="post" action="/mijn-gegevens/inloggen" novalidate>
${csrfField(reply.generateCsrf())}
${textField({ name: 'doel', label: t.target, hint: t.targetHint, value, error, required: true, autocomplete: 'username', maxlength: 254 })}
<button type="submit">${t.send}</button>
</form>`,
        status,
        extraNotice,
      );
    };

    app.get('/mijn-gegevens/inloggen', async (request: FastifyRequest, reply) =>
      loginForm(
        reply,
        '',
        null,
        200,
        queryValue(request, 'uitgelogd') !== undefined
          ? notice(texts.login.loggedOut)
          : queryValue(request, 'verlopen') !== undefined
            ? notice(texts.login.expired)
            : null,
      ),
    );

    app.post('/mijn-gegevens/inloggen', { preHandler: app.csrfProtection }, async (request: FastifyRequest, reply) => {
      const value = field(bodyOf(request), 'doel', 254);
      const target = value.includes('@')
        ? (() => {
            const email = readEmail(value);
            return email === null ? null : ({ kind: 'email', email } as const);
          })()
        : readPhone(value, self.phoneCountries);
      if (target === null)
        return loginForm(
          reply,
          value,
          value === '' ? texts.errors.target : value.includes('@') ? texts.errors.email : texts.errors.phone,
          422,
        );
      const result = await requestLoginCode(ss, target, clientKey(request.ip));
      if (result.kind !== 'sent')
        return loginForm(reply, value, refusalMessage(texts, result), result.kind === 'limited' ? 429 : 422);
      return page(
        reply,
        texts.signUp.codeTitle,
        codeForm(texts, {
          title: texts.signUp.codeTitle,
          sent: target.kind === 'email' ? texts.signUp.codeSentEmail : texts.signUp.codeSentPhoneMaybe,
          minutes: ss.limits.codeValidityMinutes,
          action: '/mijn-gegevens/code',
          verificationId: result.verificationId,
          error: null,
          csrf: reply.generateCsrf(),
          carry: { doel: value },
          newCodeAction: '/mijn-gegevens/inloggen',
        }),
      );
    });

    app.post('/mijn-gegevens/code', { preHandler: app.csrfProtection }, async (request: FastifyRequest, reply) => {
      const verificationId = field(bodyOf(request), 'verificatie', 40);
      const code = field(bodyOf(request), 'code', 20);
      const wellFormed = /^[0-9a-f-]{36}$/.test(verificationId);
      const result = wellFormed
        ? await confirmLogin(ss, verificationId, code)
        : ({ kind: 'code', check: { kind: 'expired' } } as const);
      if (result.kind === 'logged-in') {
        setMySession(reply, deps.plein.cookieSecure, result.sessionToken, ss.sessionMinutes);
        return reply.code(303).header('location', SITE_PATHS.myData).send();
      }
      const value = field(bodyOf(request), 'doel', 254);
      return page(
        reply,
        texts.signUp.codeTitle,
        codeForm(texts, {
          title: texts.signUp.codeTitle,
          sent: value.includes('@') ? texts.signUp.codeSentEmail : texts.signUp.codeSentPhoneMaybe,
          minutes: ss.limits.codeValidityMinutes,
          action: '/mijn-gegevens/code',
          verificationId: wellFormed ? verificationId : '',
          error: code === '' ? texts.errors.code : codeCheckMessage(texts, result.check),
          csrf: reply.generateCsrf(),
          carry: { doel: value },
          newCodeAction: '/mijn-gegevens/inloggen',
        }),
        422,
      );
    });

    app.post('/mijn-gegevens/uitloggen', { preHandler: app.csrfProtection }, async (request, reply) => {
      const token = mySessionToken(request, deps.plein.cookieSecure);
      if (token !== null) await endSession(ss, token);
      clearMySession(reply, deps.plein.cookieSecure);
      return reply.code(303).header('location', '/mijn-gegevens/inloggen?uitgelogd=1').send();
    });
  };
}
