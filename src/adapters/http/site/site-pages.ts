import type { FastifyPluginAsync } from 'fastify';
import { listPublicActions } from '../../../app/public/public-actions.js';
import type { InfoSection } from '../../../domain/messages/site-info-nl.js';
import { html, type SafeHtml } from '../html/html.js';
import { FOOTER_PATHS } from '../html/page-layout.js';
import { phoneRuleSection } from '../html/phone-rule.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { SelfServiceHttpDeps } from '../self-service/self-service-http-deps.js';
import { sendHtml, SITE_PATHS, sitePage } from './site-page.js';

/** The Burgernetapp (a web app with its own scope, burgernet-app-pages.ts). */
const APP_PATH = '/app/';
/** How many live actions the home page names (all of them are on /actuele-acties). */
const HOME_ACTIONS = 3;

/** An information page: its heading and introduction, then each block with its own heading. */
function infoPage(page: {
  readonly title: string;
  readonly intro: string;
  readonly sections: readonly InfoSection[];
}): SafeHtml {
  return html`<h1>${page.title}</h1><p class="lead">${page.intro}</p>
${page.sections.map(
  (section, i) => html`<section aria-labelledby="blok-${i}"><h2 id="blok-${i}">${section.heading}</h2>
${section.paragraphs.map((p) => html`<p>${p}</p>`)}${section.items === undefined ? null : html`<ul>${section.items.map((item) => html`<li>${item}</li>`)}</ul>`}</section>`,
)}`;
}

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
    // The home page: what Burgernet is, how to join, the app, what is going on now, and which number to call.
    app.get('/', async (_request, reply) => {
      const home = info.home;
      const now = (await listPublicActions({ store: deps.store, clock: deps.clock }, self.recentHours))
        .filter((a) => a.view.status === 'actief')
        .slice(0, HOME_ACTIONS);
      return sendHtml(
        reply,
        sitePage(deps.catalogue, {
          title: home.title,
          current: 'home',
          main: html`<h1>${home.title}</h1><p class="lead">${home.intro}</p>
<div class="home-blocks">
<section class="home-block" aria-labelledby="wat-kop"><h2 id="wat-kop">${home.whatHeading}</h2>${home.paragraphs.map((p) => html`<p>${p}</p>`)}
<p><a href="${SITE_PATHS.howItWorks}">${texts.info.howItWorks.title}</a></p></section>
<section class="home-block" aria-labelledby="aanmelden-kop"><h2 id="aanmelden-kop">${home.joinHeading}</h2><ol>${home.joinSteps.map((step) => html`<li>${step}</li>`)}</ol>
<p><a class="button" href="${SITE_PATHS.signUp}">${home.cta}</a></p></section>
<section class="home-block" aria-labelledby="app-kop"><h2 id="app-kop">${home.appHeading}</h2><p>${home.appText}</p>
<p><a class="button secondary" href="${APP_PATH}">${home.appOpen}</a> <a href="${SITE_PATHS.app}#installeren">${home.appInstall}</a></p></section>
<section class="home-block" aria-labelledby="nu-kop"><h2 id="nu-kop">${home.actionsHeading}</h2>
${
  now.length === 0
    ? html`<p>${home.actionsNone}</p>`
    : html`<ul class="home-actions">${now.map(
        (a) =>
          html`<li><a href="/acties/${a.view.id}">${deps.catalogue.actionTypes[a.view.type]} — ${a.meldkamer.name}</a> <span class="status status-${a.view.status}">${info.actions.status[a.view.status] ?? ''}</span></li>`,
      )}</ul>`
}
<p><a href="${SITE_PATHS.actions}">${home.actionsAll}</a></p></section>
</div>
${phoneRuleSection(texts.phoneRule)}`,
        }),
      );
    });

    // "De app": what it does, a link to it, and how to put it on the home screen (it is a web app, not in a store).
    app.get(SITE_PATHS.app, async (_request, reply) => {
      const page = info.app;
      const steps = (id: string, part: { heading: string; steps: readonly string[] }) =>
        html`<h3 id="${id}">${part.heading}</h3><ol>${part.steps.map((step) => html`<li>${step}</li>`)}</ol>`;
      return sendHtml(
        reply,
        sitePage(deps.catalogue, {
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

    app.get(SITE_PATHS.howItWorks, async (_request, reply) => {
      const page = info.howItWorks;
      return sendHtml(
        reply,
        sitePage(deps.catalogue, {
          title: page.title,
          current: 'howItWorks',
          main: html`<h1>${page.title}</h1>${page.paragraphs.map((p) => html`<p>${p}</p>`)}`,
        }),
      );
    });

    // The pages every footer links to (page-layout.ts): contact, the accessibility statement, privacy.
    const myDataLink = (label: string) => html`<p><a href="${SITE_PATHS.myData}">${label}</a></p>`;
    app.get(FOOTER_PATHS.contact, async (_request, reply) => {
      const page = info.contact;
      return sendHtml(
        reply,
        sitePage(deps.catalogue, {
          title: page.title,
          current: null,
          main: html`${infoPage(page)}${phoneRuleSection(texts.phoneRule)}${myDataLink(page.myData)}`,
        }),
      );
    });
    app.get(FOOTER_PATHS.accessibility, async (_request, reply) =>
      sendHtml(
        reply,
        sitePage(deps.catalogue, {
          title: info.accessibility.title,
          current: null,
          main: infoPage(info.accessibility),
        }),
      ),
    );
    app.get(FOOTER_PATHS.privacy, async (_request, reply) =>
      sendHtml(
        reply,
        sitePage(deps.catalogue, {
          title: info.privacy.title,
          current: 'privacy',
          main: html`${infoPage(info.privacy)}${myDataLink(info.privacy.myData)}`,
        }),
      ),
    );

    app.get(SITE_PATHS.actions, async (_request, reply) => {
      const actions = await listPublicActions({ store: deps.store, clock: deps.clock }, self.recentHours);
      const list = actions.filter((a) => a.view.status !== 'ingetrokken');
      return sendHtml(
        reply,
        sitePage(deps.catalogue, {
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
<p class="hint"><span class="status status-${a.view.status}">${info.actions.status[a.view.status] ?? ''}</span> · ${info.actions.started} ${DATE_TIME.format(a.view.startedAt)}</p></li>`,
      )}</ul>`
}`,
        }),
      );
    });
  };
}
