import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { viewPublicAction, type PublicAction } from '../../../app/public/public-actions.js';
import { boundingRadiusMetres } from '../../../domain/area/area.js';
import { fromArea } from './area-schema.js';
import type { BurgernetAppHttpDeps } from '../burgernet-app/burgernet-app-http-deps.js';
import { html, jsonBlock, type SafeHtml } from '../html/html.js';
import { renderPage } from '../html/page-layout.js';
import { phoneRuleFooter, phoneRuleSection } from '../html/phone-rule.js';
import type { HttpDeps } from '../server/http-deps.js';
import { callOf, publicPhotoPath, titleOf } from '../burgernet-app/burgernet-app-schemas.js';
import { allowMapTiles } from '../server/map-tile-policy.js';
import { appHead, appScriptData, APP_STYLES, formatTime } from '../burgernet-app/burgernet-app-page-parts.js';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where this site is reached, for share links and previews: the request's own origin. */
function originOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/**
 * The public page of an action (/acties/{id}): what a share link and a notification open. Only the public
 * view; closed actions show how they ended. Works without script; the script adds the map, native sharing
 * and the tip form.
 */
export function actionPages(deps: HttpDeps & { readonly app: BurgernetAppHttpDeps }): FastifyPluginAsync {
  const texts = deps.catalogue.app.action;
  return async (app) => {
    allowMapTiles(app, deps.app.mapTileUrl);

    app.get<{ Params: { id: string } }>('/acties/:id', async (request, reply) => {
      const outcome = ID.test(request.params.id) ? await viewPublicAction(deps, request.params.id.toLowerCase()) : null;
      if (outcome === null || !outcome.ok) {
        const main = html`<h1>${texts.notFoundTitle}</h1><p>${texts.notFound}</p><p><a href="/app/">${texts.backToApp}</a></p>`;
        return reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send(
            renderPage({
              chrome: deps.catalogue.page,
              title: texts.notFoundTitle,
              section: 'app',
              main,
              footer: phoneRuleFooter(deps.catalogue.app.phoneRule),
              styles: APP_STYLES,
            }),
          );
      }
      const item = outcome.value;
      const title = titleOf(item.view, deps.catalogue);
      const origin = originOf(request);
      const head = html`${appHead('/static/app/action-page.js')}
<meta property="og:type" content="article">
<meta property="og:title" content="Burgernet: ${title}">
<meta property="og:description" content="${item.view.text ?? item.view.closingText ?? title}">
<meta property="og:url" content="${origin}/acties/${item.view.id}">
${item.photo === null ? null : html`<meta property="og:image" content="${origin}${publicPhotoPath(item.view.id, item.photo.image.key)}">`}`;
      return reply.type('text/html; charset=utf-8').send(
        renderPage({
          chrome: deps.catalogue.page,
          title,
          section: 'app',
          main: actionMain(deps, item, title, origin),
          footer: phoneRuleFooter(deps.catalogue.app.phoneRule),
          styles: APP_STYLES,
          head,
        }),
      );
    });
  };
}

function actionMain(
  deps: HttpDeps & { readonly app: BurgernetAppHttpDeps },
  item: PublicAction,
  title: string,
  origin: string,
): SafeHtml {
  const { view, meldkamer, photo } = item;
  const texts = deps.catalogue.app.action;
  const shareUrl = `${origin}/acties/${view.id}`;
  const shareText = `${texts.shareText(title)} ${shareUrl}`;
  const call = callOf(view, meldkamer.publicPhone, { fallbackPhone: deps.app.fallbackPhone });
  const detailsRemoved = view.status === 'afgesloten' && view.type === 'vermissing';
  return html`<article class="action-detail" aria-labelledby="actie-titel">
<p class="status status-${view.status}">${deps.catalogue.app.status[view.status]}</p>
<h1 id="actie-titel">${title}</h1>
<p class="meta"><time datetime="${view.startedAt.toISOString()}">${formatTime(view.startedAt)}</time>${
    view.endedAt === null
      ? null
      : html` – <time datetime="${view.endedAt.toISOString()}">${formatTime(view.endedAt)}</time>`
  } · ${texts.meldkamer(meldkamer.name)} · ${view.number}</p>
${view.status === 'ingetrokken' ? html`<p class="warning">${texts.withdrawn}</p>${view.closingText ? html`<p>${view.closingText}</p>` : null}` : null}
${
  view.status === 'afgesloten'
    ? html`<section class="result" aria-labelledby="afloop-kop"><h2 id="afloop-kop">${texts.resultHeading}</h2>
<p><strong>${view.result === null ? null : deps.catalogue.results[view.result]}</strong></p>${view.closingText ? html`<p>${view.closingText}</p>` : null}</section>`
    : null
}
${view.text === null ? null : html`<p class="action-text">${view.text}</p>`}
${view.description === null ? null : html`<h2>${texts.descriptionHeading}</h2><p>${view.description}</p>`}
${view.instructions === null ? null : html`<h2>${texts.instructionsHeading}</h2><p class="instructions">${view.instructions}</p>`}
${photo === null ? null : html`<img class="action-photo" src="${publicPhotoPath(view.id, photo.image.key)}" alt="${texts.photoAlt}" width="${photo.image.width}" height="${photo.image.height}">`}
${detailsRemoved ? html`<p class="notice">${texts.detailsRemoved}</p>` : null}
${
  call === null
    ? null
    : html`<div class="call"><a class="button call-button${call.kind === '112' ? ' danger' : ''}" href="${call.href}">${call.kind === '112' ? texts.call112 : texts.callMeldkamer}</a>
<p class="hint">${callHint(deps, call, meldkamer)}</p></div>`
}
<div class="share">
<button type="button" class="secondary" id="delen-knop" hidden>${texts.share}</button>
<a class="button secondary" id="whatsapp-link" href="https://wa.me/?text=${encodeURIComponent(shareText)}" rel="noopener">${texts.shareWhatsApp}</a>
<p id="delen-status" class="app-status" role="status" aria-live="polite"></p>
</div>
${
  view.area === null
    ? null
    : html`<section aria-labelledby="gebied-kop"><h2 id="gebied-kop">${texts.mapHeading}</h2>
<div class="area-map area-map-large" id="actie-kaart" role="img" aria-label="${deps.catalogue.app.script.mapLabel}"></div>
<p class="hint">${texts.mapHint} ${radiusText(view.area)}</p></section>`
}
${view.acceptsTips ? tipForm(deps, view.id) : null}
${call === null ? null : phoneRuleSection(deps.catalogue.app.phoneRule)}
<p><a href="/app/">${texts.backToApp}</a></p>
</article>
${jsonBlock('app-gegevens', appScriptData(deps.catalogue, deps.app))}
${jsonBlock('actie-gegevens', { id: view.id, title, status: view.status, area: view.area === null ? null : fromArea(view.area), shareUrl, shareText, shareTitle: texts.shareTitle(title) })}`;
}

/** Whom the button calls, in words: 112, the meldkamer's own number, or (without one) the police's national number. */
function callHint(
  deps: HttpDeps & { readonly app: BurgernetAppHttpDeps },
  call: NonNullable<ReturnType<typeof callOf>>,
  meldkamer: PublicAction['meldkamer'],
): string {
  const texts = deps.catalogue.app.action;
  if (call.kind === '112') return texts.call112Hint;
  return meldkamer.publicPhone === null
    ? texts.callPoliceHint(call.display)
    : texts.callMeldkamerHint(meldkamer.name, call.display);
}

function radiusText(area: NonNullable<PublicAction['view']['area']>): string {
  const km = boundingRadiusMetres(area) / 1000;
  return `(${area.kind === 'circle' ? 'straal' : 'tot'} ${km.toLocaleString('nl-NL', { maximumFractionDigits: 1 })} km)`;
}

/** Labelled fields with their hints tied to them; the script sends the form and shows errors next to the fields. */
function tipForm(deps: HttpDeps, actionId: string): SafeHtml {
  const t = deps.catalogue.app.action;
  return html`<section class="tip" aria-labelledby="tip-kop">
<h2 id="tip-kop">${t.tipHeading}</h2>
<p>${t.tipIntro}</p>
<noscript><p class="warning">${t.tipNeedsScript}</p></noscript>
<form id="tip-formulier" method="post" action="/app/v1/actions/${actionId}/tips" enctype="multipart/form-data" novalidate hidden>
<div id="tip-fouten"></div>
<div class="field" id="veld-groep-text">
<label for="veld-text">${t.tipText}</label>
<p class="hint" id="veld-text-hint">${t.tipTextHint}</p>
<p class="error-message" id="veld-text-fout" hidden></p>
<textarea id="veld-text" name="text" rows="4" maxlength="500" required aria-describedby="veld-text-hint"></textarea>
</div>
<div class="field" id="veld-groep-photo">
<label for="veld-photo">${t.tipPhoto} <span class="optional">(niet verplicht)</span></label>
<p class="hint" id="veld-photo-hint">${t.tipPhotoHint}</p>
<p class="error-message" id="veld-photo-fout" hidden></p>
<input id="veld-photo" name="photo" type="file" accept="image/*" aria-describedby="veld-photo-hint">
</div>
<div class="field" id="veld-groep-phone">
<label for="veld-phone">${t.tipPhone} <span class="optional">(niet verplicht)</span></label>
<p class="hint" id="veld-phone-hint">${t.tipPhoneHint}</p>
<p class="error-message" id="veld-phone-fout" hidden></p>
<input id="veld-phone" name="phone" type="tel" autocomplete="tel" inputmode="tel" maxlength="30" aria-describedby="veld-phone-hint">
</div>
<button type="submit" id="tip-verstuur">${t.tipSubmit}</button>
<p id="tip-status" class="app-status" role="status" aria-live="polite"></p>
</form>
</section>`;
}
