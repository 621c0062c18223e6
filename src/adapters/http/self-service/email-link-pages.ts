import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { checkEmailLink, confirmEmail, unsubscribeEmail } from '../../../app/self-service/email-opt-in.js';
import { csrfField } from '../html/form-fields.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { SelfServiceHttpDeps } from './self-service-http-deps.js';
import { bodyOf, field, queryValue } from '../forms/form-values.js';
import { sendHtml, sitePage } from '../site/site-page.js';

const tokenOf = (request: FastifyRequest): string => {
  const fromQuery = queryValue(request, 't') ?? '';
  return (fromQuery || field(bodyOf(request), 't', 600)).slice(0, 600);
};

/**
 * The links in e-mails. Opening one only shows a button (mail scanners open links too); the button acts.
 * Unsubscribing needs no login and no CSRF token: the signed link is the authority, and mail programs post to it
 * directly (RFC 8058 one-click, List-Unsubscribe-Post).
 */
export function emailLinkPages(deps: HttpDeps, self: SelfServiceHttpDeps): FastifyPluginAsync {
  const texts = deps.catalogue.selfService;
  const t = texts.email;
  const ss = self.selfService;
  const page = (reply: FastifyReply, title: string, main: ReturnType<typeof html>, status = 200) =>
    sendHtml(reply, sitePage(deps.catalogue, { title, current: null, main }), status);
  const bad = (reply: FastifyReply, title: string) =>
    page(reply, title, html`<h1>${title}</h1><p>${t.badLink}</p>`, 404);

  return async (app) => {
    app.get('/e-mail/bevestigen', async (request: FastifyRequest, reply) => {
      const token = tokenOf(request);
      if ((await checkEmailLink(ss, 'email-confirm', token)) === null) return bad(reply, t.confirmTitle);
      return page(
        reply,
        t.confirmTitle,
        html`<h1>${t.confirmTitle}</h1><p>${t.confirmText}</p>
<form method="post" action="/e-mail/bevestigen">${csrfField(reply.generateCsrf())}<input type="hidden" name="t" value="${token}"><button type="submit">${t.confirmButton}</button></form>`,
      );
    });

    app.post('/e-mail/bevestigen', { preHandler: app.csrfProtection }, async (request: FastifyRequest, reply) => {
      if (!(await confirmEmail(ss, tokenOf(request)))) return bad(reply, t.confirmTitle);
      return page(
        reply,
        t.confirmTitle,
        html`<h1>${t.confirmTitle}</h1><div class="notice" role="status"><p>${t.confirmedText}</p></div>`,
      );
    });

    app.get('/e-mail/afmelden', async (request: FastifyRequest, reply) => {
      const token = tokenOf(request);
      if ((await checkEmailLink(ss, 'email-unsubscribe', token)) === null) return bad(reply, t.unsubscribeTitle);
      return page(
        reply,
        t.unsubscribeTitle,
        html`<h1>${t.unsubscribeTitle}</h1><p>${t.unsubscribeText}</p>
<form method="post" action="/e-mail/afmelden"><input type="hidden" name="t" value="${token}"><button type="submit">${t.unsubscribeButton}</button></form>`,
      );
    });

    app.post('/e-mail/afmelden', async (request: FastifyRequest, reply) => {
      if (!(await unsubscribeEmail(ss, tokenOf(request)))) return bad(reply, t.unsubscribeTitle);
      return page(
        reply,
        t.unsubscribeTitle,
        html`<h1>${t.unsubscribeTitle}</h1><div class="notice" role="status"><p>${t.unsubscribedText}</p></div>`,
      );
    });
  };
}
