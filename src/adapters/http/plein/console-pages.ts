import { searchActions } from '../../../app/actions/view-action.js';
import { approvalRequests } from '../../../app/actions/approval-requests.js';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { actionTypeSettings } from '../../../app/actions/action-type-settings.js';
import { mayRunActionsFor, mayViewActionsOf } from '../../../domain/staff/staff.js';
import { ACTION_RESULTS } from '../../../domain/action/action-result.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { PleinTexts } from '../../../domain/messages/plein-texts.js';
import { html, jsonBlock } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { sendProblem } from '../server/problem.js';
import { refuseTooManyStreams } from '../server/staff-event-streams.js';
import { allowMapTiles } from '../server/map-tile-policy.js';
import { gemeenteBoundariesJson } from './map-boundaries.js';
import { placeSearchForm, placeSearchRoutes } from './place-search-routes.js';
import { renderPortalPage } from './portal-page.js';
import { requireStaffPage, requireStaffRole } from './staff-page-guard.js';

const actionParams = z.object({ id: z.uuid() });
const CONSOLE_ROLES = ['centralist', 'meldkamer-beheer', 'landelijk-beheer'] as const;
/** The console's keyboard shortcuts (src/web/plein/console/keyboard-shortcuts.ts listens for these keys), in the order the hint lists them. */
const SHORTCUTS = [
  ['g', 'address'],
  ['r', 'radius'],
  ['p', 'polygon'],
  ['t', 'type'],
  ['b', 'message'],
  ['s', 'start'],
  ['v', 'update'],
  ['a', 'close'],
  ['h', 'history'],
] as const satisfies readonly (readonly [string, keyof PleinTexts['console']['shortcuts']])[];

/** What the console's script (src/web/plein/console/) reads from the page: its own texts, two of the page's, and the spoken alert with {message} and {description} to fill in. */
function consoleScriptTexts(t: Catalogue) {
  return {
    ...t.plein.consoleScript,
    reachEmpty: t.plein.console.reachEmpty,
    noTips: t.plein.console.noTips,
    voicePreview: t.voice.alert({ message: '{message}', description: '{description}' }),
  };
}

/** The meldkamer console: map, area, reach, message, start, live progress, tips; all in one screen. */
export function consolePages(deps: HttpDeps): FastifyPluginAsync {
  const guard = [requireStaffPage, requireStaffRole(...CONSOLE_ROLES)];
  const c = deps.catalogue.plein.console;
  return async (app) => {
    // The base map's tiles come from their own server (PDOK by default).
    allowMapTiles(app, deps.plein.map.tileUrl);
    app.get('/plein/console', { preHandler: guard }, async (request, reply) => {
      const staff = request.staff!;
      const types = await actionTypeSettings(deps);
      // The meldkamer's live actions are server state: any of them can be opened again, after a reload or on
      // another machine, by any centralist of the meldkamer.
      const running = await searchActions(deps, staff, {
        meldkamerCode: null,
        status: 'actief',
        type: null,
        text: null,
        from: null,
        to: null,
        limit: 50,
        offset: 0,
      });
      const live = running.ok ? running.value.items : [];
      // Other meldkamers' actions that reach into the region are listed too, read-only (opened on their page).
      const ownAction = (meldkamerCode: string) => mayRunActionsFor(staff, meldkamerCode);
      const requests = await approvalRequests(deps, staff);
      const map = deps.plein.map;
      // The console opens on the meldkamer's own police unit; national staff on the country.
      const openingExtent =
        (staff.scope.kind === 'meldkamer' ? map.regionExtents.get(staff.scope.meldkamerCode) : undefined) ??
        map.countryExtent;
      const meldkamers = staff.scope.kind === 'meldkamer' ? [] : deps.referenceData.meldkamers;
      return reply.type('text/html; charset=utf-8').send(
        renderPortalPage(request, reply, {
          title: c.title,
          current: '/plein/console',
          styles: ['/static/vendor/leaflet/leaflet.css', '/static/plein/console.css'],
          scripts: ['/static/vendor/leaflet/leaflet.js', '/static/plein/console.js'],
          main: html`<div class="console" id="console" data-tile-url="${map.tileUrl ?? ''}" data-attribution="${map.attribution}" data-types="${JSON.stringify(types)}">
<h1 class="visually-hidden">${c.heading}</h1>
<div class="console-map-area"><div class="console-map" id="kaart" role="application" aria-label="${c.mapLabel}" aria-describedby="kaart-toetsen" tabindex="0" data-extent="${JSON.stringify(openingExtent)}"></div>
<p class="console-hint" id="kaart-toetsen">${c.mapKeys}</p></div>
<div class="console-panel">
<section id="lopende-acties" aria-labelledby="kop-lopende"><h2 id="kop-lopende">${c.runningActions} (${live.length})</h2>
${live.length === 0 ? html`<p class="muted">${c.noRunningActions}</p>` : html`<ul class="running-actions">${live.map((a) => (ownAction(a.meldkamerCode) ? html`<li><button type="button" class="secondary" data-actie="${a.id}">${a.number} · ${deps.catalogue.actionTypes[a.type]} · ${a.message.slice(0, 60)}${a.message.length > 60 ? '…' : ''}</button></li>` : html`<li><a href="/plein/acties/${a.id}" data-andere-meldkamer="${a.meldkamerCode}">${a.number} · ${deps.catalogue.actionTypes[a.type]} · ${a.message.slice(0, 60)}${a.message.length > 60 ? '…' : ''} (${c.readOnlyAction(a.meldkamerCode)})</a></li>`))}</ul>`}
</section>
${
  requests.length === 0
    ? null
    : html`<section id="goedkeuringsverzoeken" aria-labelledby="kop-verzoeken"><h2 id="kop-verzoeken">${c.approvalRequests} (${requests.length})</h2>
<ul class="running-actions">${requests.map((a) => html`<li><a href="/plein/acties/${a.id}" data-verzoek="${a.id}">${c.approvalRequest({ number: a.number, meldkamer: a.meldkamerCode })}</a></li>`)}</ul>
</section>`
}
<p class="console-hint" id="sneltoetsen-hint">${c.shortcutsLabel} ${SHORTCUTS.map(([key, name], i) => html`${i === 0 ? '' : ', '}<kbd>${key}</kbd> ${c.shortcuts[name]}`)}.</p>
<section id="stap-gebied" aria-labelledby="kop-gebied"><h2 id="kop-gebied">${c.areaHeading}</h2>
${placeSearchForm(c.placeSearch)}
<fieldset class="row"><legend>${c.shape}</legend>
<label><input type="radio" name="vorm" value="circle" checked> ${c.circle}</label>
<label><input type="radio" name="vorm" value="polygon"> ${c.polygonShape}</label>
</fieldset>
<div class="field"><label for="straal">${c.radiusLabel(html`<output id="straal-waarde" for="straal">1000</output>`)}</label>
<input type="range" id="straal" min="100" max="20000" step="100" value="1000"></div>
${meldkamers.length > 0 ? html`<div class="field"><label for="meldkamer">${c.meldkamer}</label><select id="meldkamer">${meldkamers.map((m) => html`<option value="${m.code}">${m.code} ${m.name}</option>`)}</select></div>` : null}
<div id="bereik" class="reach" aria-live="polite"><p>${c.reachEmpty}</p></div>
</section>
<section id="stap-bericht" aria-labelledby="kop-bericht"><h2 id="kop-bericht">${c.messageHeading}</h2>
<div class="field"><label for="type">${c.type}</label><select id="type">${types.map((t) => html`<option value="${t.type}">${t.label}${t.requiresApproval ? ` ${c.needsApproval}` : ''}</option>`)}</select></div>
<label class="check"><input type="checkbox" id="vermist-kind"> ${c.missingChild}</label>
<div class="field"><label for="bericht">${c.message}</label><textarea id="bericht" rows="4" maxlength="1000" aria-describedby="teller"></textarea>
<p class="hint" id="teller" aria-live="polite">${c.characters(0)}</p></div>
<div class="field"><label for="omschrijving">${c.description} <span class="optional">${c.optional}</span></label><textarea id="omschrijving" rows="2" maxlength="1000"></textarea></div>
<div class="field" id="instructies-veld" hidden><label for="instructies">${c.instructions}</label><textarea id="instructies" rows="2" maxlength="1000"></textarea></div>
<details id="voorbeeld" open><summary>${c.preview}</summary><div id="voorbeeld-inhoud"><p>${c.previewEmpty}</p></div></details>
<button type="button" id="start-knop">${c.start}</button>
<p class="error-message" id="start-fout" role="alert" hidden></p>
</section>
<section id="stap-lopend" aria-labelledby="kop-lopend" hidden><h2 id="kop-lopend">${c.runningHeading} <span id="actie-nummer"></span> <span class="status" id="actie-status"></span></h2>
<p id="stap-melding" class="notice" role="status" tabindex="-1" hidden></p>
<h3 id="kop-verzonden">${c.sentHeading}</h3><div id="verzonden" class="sent-summary"></div>
<div id="voortgang" aria-live="polite"></div>
<canvas id="voortgang-grafiek" width="380" height="150" role="img" aria-label="${c.progressChart}"></canvas>
<details><summary>${c.update}</summary><div class="field"><label for="vervolg">${c.updateText}</label><textarea id="vervolg" rows="2" maxlength="1000" aria-describedby="vervolg-teller"></textarea><p class="hint" id="vervolg-teller" aria-live="polite"></p></div><button type="button" id="vervolg-knop" class="secondary">${c.updateSend}</button></details>
<p id="gebied-concept" class="notice" role="status" hidden></p>
<details id="gebied-aanpassen"><summary>${c.widen}</summary><p>${c.widenText}</p><p class="row"><button type="button" id="verruim-knop" class="secondary">${c.widenButton}</button> <button type="button" id="verplaats-knop" class="secondary">${c.moveButton}</button></p></details>
<details id="foto-blok"><summary>${c.photo}</summary><form id="foto-form"><div class="field"><label for="foto">${c.photoLabel}</label><input type="file" id="foto" accept="image/*"></div><button type="submit" class="secondary">${c.photoSubmit}</button></form></details>
<details><summary>${c.close}</summary><div class="field"><label for="resultaat">${c.result}</label><select id="resultaat" required><option value="">${c.chooseResult}</option>${ACTION_RESULTS.map((r) => html`<option value="${r}">${deps.catalogue.results[r]}</option>`)}</select></div>
<div class="field"><label for="afloop">${c.closingText} <span class="optional">${c.closingTextHint}</span></label><textarea id="afloop" rows="2" maxlength="1000"></textarea></div>
<button type="button" id="afsluit-knop">${c.close}</button></details>
<details><summary>${c.withdraw}</summary><p>${c.withdrawText}</p><button type="button" id="intrek-knop" class="danger">${c.withdraw}</button></details>
<p class="error-message" id="lopend-fout" role="alert" hidden></p>
<h3>${c.tips}</h3><ul id="tips" class="tips" aria-live="polite"><li class="muted">${c.noTips}</li></ul>
<h3>${c.timelineHeading}</h3><ol id="tijdlijn" class="timeline"></ol>
<p><button type="button" id="nieuw-knop" class="secondary">${c.newAction}</button></p>
</section>
</div>
<dialog id="bevestig" aria-labelledby="bevestig-kop"><h2 id="bevestig-kop">${c.confirmHeading}</h2><div id="bevestig-inhoud"></div>
<p><button type="button" id="bevestig-ja">${c.confirmYes}</button> <button type="button" id="bevestig-nee" class="secondary">${c.confirmNo}</button></p></dialog>
<dialog id="bevestig-stap" aria-labelledby="bevestig-stap-kop"><h2 id="bevestig-stap-kop"></h2><div id="bevestig-stap-inhoud"></div>
<p><button type="button" id="bevestig-stap-ja"></button> <button type="button" id="bevestig-stap-nee" class="secondary">${c.confirmNo}</button></p></dialog>
</div>
${jsonBlock('texts-console', consoleScriptTexts(deps.catalogue))}`,
        }),
      );
    });

    app.get('/plein/kaart/gemeenten.geojson', { preHandler: requireStaffPage }, async (_request, reply) =>
      reply
        .type('application/geo+json')
        .header('cache-control', 'private, max-age=86400')
        .send(await gemeenteBoundariesJson()),
    );

    // The search field: addresses, places and postcodes (the PlaceSearch port: the bundled gazetteer or PDOK).
    await app.register(placeSearchRoutes(deps, guard));

    // Calls routed via 0800-0011 for an action, live (server-sent events), beside the app's tips.
    app.get('/plein/console/acties/:id/oproepen', { preHandler: guard }, async (request, reply) => {
      const params = actionParams.safeParse(request.params);
      const subscribe = deps.plein.callRouted;
      if (!params.success || subscribe === undefined)
        return sendProblem(reply, deps.catalogue, { code: 'request.not-found' });
      const action = await deps.store.actions.findAction(params.data.id);
      if (action === null || !mayViewActionsOf(request.staff!, action.meldkamerCode))
        return sendProblem(reply, deps.catalogue, { code: 'action.not-found' });
      const stream = deps.plein.streams.open(request, reply);
      if (stream === null) return refuseTooManyStreams(reply, deps);
      stream.comment('verbonden');
      const unsubscribe = subscribe.subscribe((event) => {
        if (event.actionId !== action.id) return;
        stream.event(
          'call',
          JSON.stringify({ at: event.at.toISOString(), reason: event.reason, transport: event.transport }),
        );
      });
      const keepAlive = setInterval(() => stream.comment('nog verbonden'), 20_000);
      // Ends when the browser leaves, or with the session (logout, revocation, timeouts).
      stream.signal.addEventListener('abort', () => {
        clearInterval(keepAlive);
        unsubscribe();
      });
    });
  };
}
