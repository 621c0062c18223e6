import type { FastifyPluginAsync } from 'fastify';
import { listPublicActions } from '../../../app/public/public-actions.js';
import { html } from '../html/html.js';
import { phoneRuleSection } from '../html/phone-rule.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { SelfServiceHttpDeps } from '../self-service/self-service-http-deps.js';
import { sendHtml, SITE_PATHS, sitePage, type SiteSection } from './site-page.js';

/** The Burgernetapp (a web app with its own scope, burgernet-app-pages.ts). */
const APP_PATH = '/app/';

const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** The public site's information pages and the current public actions (each links to its page /acties/{id}). */
export function sitePages(deps: HttpDeps, self: SelfServiceHttpDeps): FastifyPluginAsync {
  const texts = deps.catalogue.selfService;
  const info = texts.info;
  return async (app) => {
    app.get('/', async (_request, reply) =>
      sendHtml(
        reply,
        sitePage(texts, {
          title: info.home.title,
          current: 'home',
          main: html`<h1>${info.home.title}</h1><p class="lead">${info.home.intro}</p>${info.home.paragraphs.map((p) => html`<p>${p}</p>`)}
<p><a class="button" href="${SITE_PATHS.signUp}">${info.home.cta}</a></p>
<section aria-labelledby="app-kop"><h2 id="app-kop">${info.home.appHeading}</h2><p>${info.home.appText}</p>
<p><a class="button secondary" href="${APP_PATH}">${info.home.appOpen}</a> <a href="${SITE_PATHS.app}#installeren">${info.home.appInstall}</a></p></section>`,
        }),
      ),
    );

    // "De app": what it does, a link to it, and how to put it on the home screen (it is a web app, not in a store).
    app.get(SITE_PATHS.app, async (_request, reply) => {
      const page = info.app;
      const steps = (id: string, part: { heading: string; steps: readonly string[] }) =>
        html`<h3 id="${id}">${part.heading}</h3><ol>${part.steps.map((step) => html`<li>${step}</li>`)}</ol>`;
      return sendHtml(
        reply,
        sitePage(texts, {
          title: page.title,
          current: 'app',
          main: html`<h1>${page.title}</h1>${page.paragraphs.map((p) => html`<p>${p}</p>`)}
<p><a class="button" href="${APP_PATH}">${page.open}</a></p>
<section id="installeren" aria-labelledby="installeren-kop"><h2 id="installeren-kop">${page.installHeading}</h2><p>${page.installIntro}</p>
${steps('android-kop', page.android)}
${steps('iphone-kop', page.iphone)}
${page.afterInstall.map((p) => html`<p>${p}</p>`)}</section>
${phoneRuleSection(texts.phoneRule)}`,
        }),
      );
    });

    const textPage =
      (section: Extract<SiteSection, 'howItWorks' | 'privacy'>) =>
      async (_request: unknown, reply: Parameters<typeof sendHtml>[0]) => {
        const page = info[section];
        return sendHtml(
          reply,
          sitePage(texts, {
            title: page.title,
            current: section,
            main: html`<h1>${page.title}</h1>${page.paragraphs.map((p) => html`<p>${p}</p>`)}`,
          }),
        );
      };
    app.get(SITE_PATHS.howItWorks, textPage('howItWorks'));
    app.get(SITE_PATHS.privacy, textPage('privacy'));

    app.get(SITE_PATHS.actions, async (_request, reply) => {
      const actions = await listPublicActions({ store: deps.store, clock: deps.clock }, self.recentHours);
      const list = actions.filter((a) => a.view.status !== 'ingetrokken');
      return sendHtml(
        reply,
        sitePage(texts, {
          title: info.actions.title,
          current: 'actions',
          main: html`<h1>${info.actions.title}</h1><p>${info.actions.intro}</p>
${
  list.length === 0
    ? html`<p>${info.actions.none}</p>`
    : html`<ul class="action-list">${list.map(
        (
          a,
        ) => html`<li><h2><a href="/acties/${a.view.id}">${deps.catalogue.actionTypes[a.view.type]} — ${a.meldkamer.name}</a></h2>
<p>${a.view.text ?? ''}</p>
<p class="hint">${info.actions.status[a.view.status] ?? a.view.status} · ${info.actions.started} ${DATE_TIME.format(a.view.startedAt)}</p></li>`,
      )}</ul>`
}`,
        }),
      );
    });
  };
}
