import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { SelfServiceHttpDeps } from '../self-service/self-service-http-deps.js';
import { signUpPages } from '../self-service/sign-up-pages.js';
import { emailLinkPages } from '../self-service/email-link-pages.js';
import { loginPages } from '../self-service/login-pages.js';
import { myDataPages } from '../self-service/my-data-pages.js';
import { relatiebeheerPages } from '../participants/relatiebeheer-pages.js';
import { sendHtml, sitePage } from './site-page.js';
import { sitePages } from './site-pages.js';

/** The public site, sign-up, "Mijn gegevens", the e-mail links and relatiebeheer in Burgernetplein (registered in the web scope). */
export function selfServicePages(deps: HttpDeps, self: SelfServiceHttpDeps): FastifyPluginAsync {
  const texts = deps.catalogue.selfService;
  return async (app) => {
    // A form whose CSRF token expired or is missing gets a Dutch page that says so, not a problem document.
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (
        error.statusCode !== 403 ||
        !String(error.code ?? '').startsWith('FST_CSRF') ||
        request.url.startsWith('/plein/')
      )
        throw error;
      const back = request.url.startsWith('/aanmelden')
        ? '/aanmelden'
        : request.url.startsWith('/mijn-gegevens')
          ? '/mijn-gegevens'
          : '/';
      const title = texts.errors.csrfTitle;
      return sendHtml(
        reply,
        sitePage(deps.catalogue, {
          title,
          current: null,
          main: html`<h1>${title}</h1><p>${texts.errors.csrf}</p><p><a href="${back}">${texts.errors.csrfRetry}</a></p>`,
        }),
        403,
      );
    });
    await app.register(sitePages(deps, self));
    await app.register(signUpPages(deps, self));
    await app.register(loginPages(deps, self));
    await app.register(myDataPages(deps, self));
    await app.register(emailLinkPages(deps, self));
    await app.register(relatiebeheerPages(deps, self));
  };
}
