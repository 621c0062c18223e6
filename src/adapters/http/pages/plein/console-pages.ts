import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { actionTypeSettings } from '../../../../app/actions/action-type-settings.js';
import { mayViewActionsOf } from '../../../../domain/staff/staff.js';
import { ACTION_RESULTS } from '../../../../domain/action/action-result.js';
import { html } from '../../html/html.js';
import type { HttpDeps } from '../../http-deps.js';
import { PROBLEM_CONTENT_TYPE, problem } from '../../problem.js';
import { gemeenteBoundariesJson } from './map-boundaries.js';
import { renderPortalPage } from './portal-page.js';
import { requireStaffPage, requireStaffRole } from './staff-page-guard.js';

const addressBody = z.object({ postcode: z.string().trim().toUpperCase().transform((p) => p.replace(/\s+/g, '')).pipe(z.string().regex(/^[1-9][0-9]{3}[A-Z]{2}$/)), houseNumber: z.coerce.number().int().min(1).max(99_999) });
const actionParams = z.object({ id: z.uuid() });
const CONSOLE_ROLES = ['centralist', 'meldkamer-beheer', 'landelijk-beheer'] as const;

/** The meldkamer console: map, area, reach, message, start, live progress, tips; all in one screen. */
export function consolePages(deps: HttpDeps): FastifyPluginAsync {
  const guard = [requireStaffPage, requireStaffRole(...CONSOLE_ROLES)];
  return async (app) => {
    app.get('/plein/console', { preHandler: guard }, async (request, reply) => {
      const staff = request.staff!;
      const types = await actionTypeSettings(deps);
      const map = deps.plein.map;
      const meldkamers = staff.scope.kind === 'meldkamer' ? [] : deps.referenceData.meldkamers;
      return reply.type('text/html; charset=utf-8').send(
        renderPortalPage(request, reply, {
          title: 'Console',
          current: '/plein/console',
          styles: ['/static/vendor/leaflet/leaflet.css', '/static/plein/console.css'],
          scripts: ['/static/vendor/leaflet/leaflet.js', '/static/plein/console-chart.js', '/static/plein/console.js'],
          main: html`<div class="console" id="console" data-tile-url="${map.tileUrl ?? ''}" data-attribution="${map.attribution}" data-types="${JSON.stringify(types)}">
<h1 class="visually-hidden">Meldkamerconsole</h1>
<div class="console-map" id="kaart" role="application" aria-label="Kaart: klik om de plaats van het incident te kiezen" tabindex="0"></div>
<div class="console-panel">
<p class="console-hint" id="sneltoetsen-hint">Sneltoetsen: <kbd>g</kbd> adres, <kbd>r</kbd> straal, <kbd>p</kbd> polygoon, <kbd>t</kbd> type, <kbd>b</kbd> bericht, <kbd>s</kbd> starten, <kbd>v</kbd> vervolgbericht, <kbd>a</kbd> afsluiten, <kbd>h</kbd> geschiedenis.</p>
<section id="stap-gebied" aria-labelledby="kop-gebied"><h2 id="kop-gebied">1. Gebied</h2>
<form id="adres-form" class="row" novalidate>
<div class="field"><label for="adres-postcode">Postcode</label><input id="adres-postcode" name="postcode" autocomplete="off" maxlength="7" size="7"></div>
<div class="field"><label for="adres-huisnummer">Huisnr.</label><input id="adres-huisnummer" name="houseNumber" inputmode="numeric" maxlength="5" size="5"></div>
<button type="submit" class="secondary">Zoek adres</button>
</form>
<p class="error-message" id="adres-fout" role="alert" hidden></p>
<fieldset class="row"><legend>Vorm</legend>
<label><input type="radio" name="vorm" value="circle" checked> Cirkel</label>
<label><input type="radio" name="vorm" value="polygon"> Polygoon (klik de hoeken, dubbelklik om te sluiten)</label>
</fieldset>
<div class="field"><label for="straal">Straal: <output id="straal-waarde" for="straal">1000</output> m</label>
<input type="range" id="straal" min="100" max="20000" step="100" value="1000"></div>
${meldkamers.length > 0 ? html`<div class="field"><label for="meldkamer">Meldkamer</label><select id="meldkamer">${meldkamers.map((m) => html`<option value="${m.code}">${m.code} ${m.name}</option>`)}</select></div>` : null}
<div id="bereik" class="reach" aria-live="polite"><p>Klik op de kaart of zoek een adres.</p></div>
</section>
<section id="stap-bericht" aria-labelledby="kop-bericht"><h2 id="kop-bericht">2. Bericht</h2>
<div class="field"><label for="type">Type</label><select id="type">${types.map((t) => html`<option value="${t.type}">${t.label}${t.requiresApproval ? ' (tweede centralist)' : ''}</option>`)}</select></div>
<label class="check"><input type="checkbox" id="vermist-kind"> Vermist kind (gaat voor)</label>
<div class="field"><label for="bericht">Bericht</label><textarea id="bericht" rows="4" maxlength="1000" aria-describedby="teller"></textarea>
<p class="hint" id="teller" aria-live="polite">0 tekens</p></div>
<div class="field"><label for="omschrijving">Omschrijving <span class="optional">(niet verplicht)</span></label><textarea id="omschrijving" rows="2" maxlength="1000"></textarea></div>
<div class="field" id="instructies-veld" hidden><label for="instructies">Instructies (noodsituatie)</label><textarea id="instructies" rows="2" maxlength="1000"></textarea></div>
<details id="voorbeeld" open><summary>Voorbeeld per kanaal</summary><div id="voorbeeld-inhoud"><p>Nog geen bericht.</p></div></details>
<button type="button" id="start-knop">Starten…</button>
<p class="error-message" id="start-fout" role="alert" hidden></p>
</section>
<section id="stap-lopend" aria-labelledby="kop-lopend" hidden><h2 id="kop-lopend">Actie <span id="actie-nummer"></span> <span class="status" id="actie-status"></span></h2>
<div id="voortgang" aria-live="polite"></div>
<canvas id="voortgang-grafiek" width="380" height="140" role="img" aria-label="Verzonden en afgeleverd in de tijd"></canvas>
<details><summary>Vervolgbericht</summary><div class="field"><label for="vervolg">Tekst</label><textarea id="vervolg" rows="2" maxlength="1000"></textarea></div><button type="button" id="vervolg-knop" class="secondary">Vervolgbericht sturen</button></details>
<details><summary>Gebied verruimen</summary><p>Pas het gebied op de kaart aan; alleen nieuwe ontvangers krijgen het bericht.</p><button type="button" id="verruim-knop" class="secondary">Verruimen</button></details>
<details id="foto-blok"><summary>Foto</summary><form id="foto-form"><div class="field"><label for="foto">Foto bij de actie</label><input type="file" id="foto" accept="image/*"></div><button type="submit" class="secondary">Foto plaatsen</button></form></details>
<details><summary>Afsluiten</summary><div class="field"><label for="resultaat">Resultaat</label><select id="resultaat">${ACTION_RESULTS.map((r) => html`<option value="${r}">${deps.catalogue.results[r]}</option>`)}</select></div>
<div class="field"><label for="afloop">Afloopbericht <span class="optional">(leeg: standaardtekst)</span></label><textarea id="afloop" rows="2" maxlength="1000"></textarea></div>
<button type="button" id="afsluit-knop">Afsluiten</button></details>
<details><summary>Intrekken</summary><p>Alleen voor een actie die per vergissing is gestart.</p><button type="button" id="intrek-knop" class="danger">Intrekken</button></details>
<p class="error-message" id="lopend-fout" role="alert" hidden></p>
<h3>Tips</h3><ul id="tips" class="tips" aria-live="polite"><li class="muted">Nog geen tips.</li></ul>
<p><button type="button" id="nieuw-knop" class="secondary">Nieuwe actie</button></p>
</section>
</div>
<dialog id="bevestig" aria-labelledby="bevestig-kop"><h2 id="bevestig-kop">Actie starten?</h2><div id="bevestig-inhoud"></div>
<p><button type="button" id="bevestig-ja">Ja, nu versturen</button> <button type="button" id="bevestig-nee" class="secondary">Terug</button></p></dialog>
</div>`,
        }),
      );
    });

    app.get('/plein/kaart/gemeenten.geojson', { preHandler: requireStaffPage }, async (_request, reply) =>
      reply.type('application/geo+json').header('cache-control', 'private, max-age=86400').send(await gemeenteBoundariesJson()),
    );

    // Address search for the console (the geocoder port: PC4 centroids or PDOK); JSON in and out.
    app.post('/plein/console/adres', { preHandler: [...guard, app.csrfProtection] }, async (request, reply) => {
      const body = addressBody.safeParse(request.body ?? {});
      if (!body.success) return reply.code(400).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'request.invalid', 400, { detail: 'Vul een postcode (1234 AB) en huisnummer in.' }));
      const outcome = await deps.geocoder.geocode({ postcode: body.data.postcode, houseNumber: body.data.houseNumber, houseNumberAddition: null });
      if (outcome.kind === 'not-found') return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'participant.address-not-found', 404));
      if (outcome.kind === 'unavailable') return reply.code(503).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'participant.geocoder-unavailable', 503));
      const r = outcome.result;
      return { lat: r.location.lat, lon: r.location.lon, street: r.street, city: r.city, gemeenteCode: r.gemeenteCode };
    });

    // Calls routed via 0800-0011 for an action, live (server-sent events), beside the app's tips.
    app.get('/plein/console/acties/:id/oproepen', { preHandler: guard }, async (request, reply) => {
      const params = actionParams.safeParse(request.params);
      const subscribe = deps.plein.callRouted;
      if (!params.success || subscribe === undefined) return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'request.not-found', 404));
      const action = await deps.store.actions.findAction(params.data.id);
      if (action === null || !mayViewActionsOf(request.staff!, action.meldkamerCode)) return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'action.not-found', 404));
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' });
      res.write(': verbonden\n\n');
      const unsubscribe = subscribe.subscribe((event) => {
        if (event.actionId !== action.id) return;
        res.write(`event: call\ndata: ${JSON.stringify({ at: event.at.toISOString(), reason: event.reason, transport: event.transport })}\n\n`);
      });
      const keepAlive = setInterval(() => res.write(': nog verbonden\n\n'), 20_000);
      request.raw.on('close', () => {
        clearInterval(keepAlive);
        unsubscribe();
        res.end();
      });
    });
  };
}
