import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';
import { listPublicActions, type PublicAction } from '../../../app/public/public-actions.js';
import type { BurgernetAppHttpDeps } from './burgernet-app-http-deps.js';
import { sendBundleFile, serviceWorkerFiles, type BrowserBundles } from '../server/browser-bundles.js';
import { html, jsonBlock } from '../html/html.js';
import { renderPage } from '../html/page-layout.js';
import { phoneRuleFooter, phoneRuleSection } from '../html/phone-rule.js';
import type { HttpDeps } from '../server/http-deps.js';
import { titleOf } from './burgernet-app-schemas.js';
import { APP_ICONS, createIconRenderer, type AppIconName } from './burgernet-app-icons.js';
import { burgernetAppManifest } from './burgernet-app-manifest.js';
import { allowMapTiles } from '../server/map-tile-policy.js';
import { appHead, appScriptData, APP_STYLES, formatTime } from './burgernet-app-page-parts.js';

const GEMEENTE_BOUNDARIES = fileURLToPath(new URL('../../../../data/nl/gemeente_2025.geojson', import.meta.url));

/**
 * The Burgernetapp, a Progressive Web App under /app/: the page, its manifest, icons and service worker
 * (scope /app/), and the gemeente boundaries its maps draw on. The page lists every active action; its
 * script narrows that to the ones near the phone, on the phone.
 */
export function burgernetAppPages(
  deps: HttpDeps & { readonly app: BurgernetAppHttpDeps },
  bundles: BrowserBundles,
): FastifyPluginAsync {
  const icon = createIconRenderer();
  const serviceWorker = serviceWorkerFiles(bundles);
  const texts = deps.catalogue.app;
  return async (app) => {
    allowMapTiles(app, deps.app.mapTileUrl);

    app.get('/app', async (_request, reply) => reply.redirect('/app/', 301));

    app.get('/app/', async (_request, reply) => {
      const listedAt = deps.clock.now();
      const active = (await listPublicActions(deps, deps.app.recentHours)).filter((a) => a.view.status === 'actief');
      const main = html`<h1>${texts.home.title}</h1>
<p>${texts.home.intro}</p>
<noscript><p class="warning">${texts.home.noscript}</p></noscript>
<div class="app-controls" id="app-bediening" hidden>
<button type="button" id="locatie-knop">${texts.home.locationButton}</button>
<button type="button" class="secondary" id="meldingen-knop">${texts.home.notificationsButton}</button>
<p id="app-status" class="app-status" role="status" aria-live="polite"></p>
</div>
<div id="app-verbinding" role="status" aria-live="polite"></div>
<section id="dichtbij" aria-labelledby="dichtbij-kop" hidden>
<h2 id="dichtbij-kop">${texts.home.nearHeading}</h2>
<div id="dichtbij-lijst" class="action-list"></div>
<p id="dichtbij-geen" class="empty" hidden>${texts.home.nearNone}</p>
</section>
<section id="recent" aria-labelledby="recent-kop" hidden>
<h2 id="recent-kop">${texts.home.recentHeading}</h2>
<div id="recent-lijst" class="action-list"></div>
<p id="recent-geen" class="empty" hidden>${texts.home.recentNone}</p>
</section>
<section id="gemeld" aria-labelledby="gemeld-kop" hidden>
<h2 id="gemeld-kop">${texts.home.notifiedHeading}</h2>
<div id="gemeld-lijst" class="action-list"></div>
</section>
<section id="alle" aria-labelledby="alle-kop">
<h2 id="alle-kop">${texts.home.allHeading}</h2>
<div id="alle-lijst" class="action-list">${active.length === 0 ? html`<p class="empty">${texts.home.allNone}</p>` : active.map((a) => staticCard(deps, a))}</div>
</section>
${phoneRuleSection(texts.phoneRule)}
<section class="privacy" aria-labelledby="privacy-kop">
<h2 id="privacy-kop">${texts.home.privacyHeading}</h2>
<p>${texts.home.privacyText}</p>
</section>
${jsonBlock('app-gegevens', { ...appScriptData(deps.catalogue, deps.app), listedAt: listedAt.toISOString() })}`;
      return reply.type('text/html; charset=utf-8').send(
        renderPage({
          chrome: deps.catalogue.page,
          title: texts.home.title,
          section: 'app',
          main,
          footer: phoneRuleFooter(texts.phoneRule),
          styles: APP_STYLES,
          head: appHead('/static/app/app.js'),
        }),
      );
    });

    app.get('/app/manifest.webmanifest', async (_request, reply) =>
      reply
        .type('application/manifest+json; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(JSON.stringify(burgernetAppManifest(deps.catalogue))),
    );

    // The worker is served from /app/ so that its scope is the app; always revalidated, so that an update reaches phones.
    app.get('/app/sw.js', async (request, reply) => sendBundleFile(request, reply, serviceWorker.script, 'no-cache'));
    app.get('/app/sw.js.map', async (request, reply) =>
      sendBundleFile(request, reply, serviceWorker.sourceMap, 'no-cache'),
    );

    app.get<{ Params: { name: string } }>('/app/icons/:name', async (request, reply) => {
      const name = request.params.name;
      if (!Object.hasOwn(APP_ICONS, name)) return reply.callNotFound();
      const iconName = name as AppIconName;
      return reply
        .type(APP_ICONS[iconName].size === null ? 'image/svg+xml' : 'image/png')
        .header('cache-control', 'public, max-age=86400')
        .send(await icon(iconName));
    });

    app.get('/app/gemeenten.geojson', async (_request, reply) =>
      reply
        .type('application/geo+json')
        .header('cache-control', 'public, max-age=86400')
        .send(await readFile(GEMEENTE_BOUNDARIES)),
    );
  };
}

/** A plain card for the list without script: the title, status, time and text, linking to the action's page. */
function staticCard(deps: HttpDeps, item: PublicAction) {
  const { view } = item;
  return html`<article class="action-card" data-actie="${view.id}">
<h3><a href="/acties/${view.id}">${titleOf(view, deps.catalogue)}</a></h3>
<p class="meta"><span class="status status-${view.status}">${deps.catalogue.app.status[view.status]}</span> · <time datetime="${view.startedAt.toISOString()}">${formatTime(view.startedAt)}</time> · ${deps.catalogue.app.action.meldkamer(item.meldkamer.name)}</p>
${view.text === null ? null : html`<p>${view.text}</p>`}
</article>`;
}
