import { searchActions } from '../../../app/actions/view-action.js';
import { approvalRequests } from '../../../app/actions/approval-requests.js';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { actionTypeSettings } from '../../../app/actions/action-type-settings.js';
import { may } from '../../../domain/staff/permissions.js';
import { mayRunActionsFor, mayViewActionsOf, type Staff } from '../../../domain/staff/staff.js';
import type { PleinTexts } from '../../../domain/messages/plein-texts.js';
import { html, jsonBlock } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { sendProblem } from '../server/problem.js';
import { refuseTooManyStreams } from '../server/staff-event-streams.js';
import { allowMapTiles } from '../server/map-tile-policy.js';
import { areaShapeFields, consoleScriptTexts, liveActionControls, stepDialog } from './live-action-controls.js';
import { gemeenteBoundariesJson } from './map-boundaries.js';
import { placeSearchForm, placeSearchRoutes } from './place-search-routes.js';
import { renderPortalPage } from './portal-page.js';
import { requireStaffPage, requireStaffRole } from './staff-page-guard.js';

const actionParams = z.object({ id: z.uuid() });
/** How often an open console asks for new approval requests. */
const APPROVAL_POLL_SECONDS = 4;
/** Who is asked to approve for a region: staff of a meldkamer who approve (approval-requests.ts). */
const asksApproval = (staff: Staff) => staff.scope.kind === 'meldkamer' && may(staff, 'actions.approve');
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
<section id="goedkeuringsverzoeken" aria-labelledby="kop-verzoeken"${requests.length === 0 ? html` hidden` : null}${asksApproval(staff) ? html` data-ververs-seconden="${APPROVAL_POLL_SECONDS}"` : null}><h2 id="kop-verzoeken">${c.approvalRequests} (${requests.length})</h2>
<ul class="running-actions">${requests.map((a) => html`<li><a href="/plein/acties/${a.id}" data-verzoek="${a.id}">${c.approvalRequest({ number: a.number, meldkamer: a.meldkamerCode })}</a></li>`)}</ul>
</section>
<p id="verzoeken-melding" class="visually-hidden" role="status" aria-live="polite"></p>
<p class="console-hint" id="sneltoetsen-hint">${c.shortcutsLabel} ${SHORTCUTS.map(([key, name], i) => html`${i === 0 ? '' : ', '}<kbd>${key}</kbd> ${c.shortcuts[name]}`)}.</p>
<section id="stap-gebied" aria-labelledby="kop-gebied"><h2 id="kop-gebied">${c.areaHeading}</h2>
${placeSearchForm(c.placeSearch)}
${areaShapeFields(deps.catalogue, 1000)}
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
${liveActionControls(deps.catalogue)}
<h3>${c.tips}</h3><ul id="tips" class="tips" aria-live="polite"><li class="muted">${c.noTips}</li></ul>
<h3>${c.timelineHeading}</h3><ol id="tijdlijn" class="timeline"></ol>
<p><button type="button" id="nieuw-knop" class="secondary">${c.newAction}</button></p>
</section>
</div>
<dialog id="bevestig" aria-labelledby="bevestig-kop"><h2 id="bevestig-kop">${c.confirmHeading}</h2><div id="bevestig-inhoud"></div>
<p><button type="button" id="bevestig-ja">${c.confirmYes}</button> <button type="button" id="bevestig-nee" class="secondary">${c.confirmNo}</button></p></dialog>
${stepDialog(deps.catalogue)}
</div>
${jsonBlock('texts-console', consoleScriptTexts(deps.catalogue))}`,
        }),
      );
    });

    // The requests again, for the open console (src/web/plein/console/approval-requests.ts): a request made after
    // the page loaded shows without a reload. Asking is not activity: an open console alone never keeps a session.
    app.get(
      '/plein/console/goedkeuringsverzoeken',
      { preHandler: guard, config: { sessionActivity: false } },
      async (request, reply) => {
        const requests = await approvalRequests(deps, request.staff!);
        return reply.header('cache-control', 'no-store').send({
          heading: `${c.approvalRequests} (${requests.length})`,
          requests: requests.map((a) => {
            const words = { number: a.number, meldkamer: a.meldkamerCode };
            return { id: a.id, label: c.approvalRequest(words), arrived: c.approvalRequestArrived(words) };
          }),
        });
      },
    );

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
