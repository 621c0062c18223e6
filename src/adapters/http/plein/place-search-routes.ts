import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PlaceSuggestion } from '../../../app/ports/place-search.js';
import type { PlaceSearchTexts } from '../../../domain/messages/plein-texts.js';
import { html, jsonBlock, type SafeHtml } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { sendProblem } from '../server/problem.js';

type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

/** How many candidates the console offers to pick from. */
const SUGGESTIONS = 8;
const searchBody = z.object({ q: z.string().trim().min(2).max(100) });
/** Both searches' ids: a short prefix and a key ("pc4-1071", "wpl-3295", "adr-5d1c0e7a…"). */
const pickBody = z.object({ id: z.string().regex(/^[a-z0-9]{2,5}-[a-z0-9]{1,64}$/i) });

/**
 * The console's place search (the PlaceSearch port: the bundled gazetteer, or PDOK's Locatieserver), JSON in and
 * out: `zoeken` gives the candidates for what was typed, `kiezen` the centre of the one picked. Each candidate and
 * result says in words what it is, so the console can show what was found, not only move the map.
 */
export function placeSearchRoutes(deps: HttpDeps, guard: readonly Guard[]): FastifyPluginAsync {
  const texts = deps.catalogue.plein.console.placeSearch;
  return async (app) => {
    const preHandler = [...guard, app.csrfProtection];

    app.post('/plein/console/plaatsen/zoeken', { preHandler }, async (request, reply) => {
      const body = searchBody.safeParse(request.body ?? {});
      if (!body.success) return sendProblem(reply, deps.catalogue, { code: 'request.invalid', reason: 'address' });
      const outcome = await deps.plein.placeSearch.suggest(body.data.q, SUGGESTIONS);
      if (outcome.kind === 'unavailable')
        return sendProblem(reply, deps.catalogue, { code: 'place.search-unavailable', reason: outcome.reason });
      if (outcome.suggestions.length === 0) return sendProblem(reply, deps.catalogue, { code: 'place.not-found' });
      return {
        suggestions: outcome.suggestions.map((s) => ({ id: s.id, kind: s.kind, label: describePlace(texts, s) })),
      };
    });

    app.post('/plein/console/plaatsen/kiezen', { preHandler }, async (request, reply) => {
      const body = pickBody.safeParse(request.body ?? {});
      if (!body.success) return sendProblem(reply, deps.catalogue, { code: 'place.not-found' });
      const outcome = await deps.plein.placeSearch.lookup(body.data.id);
      if (outcome.kind === 'unavailable')
        return sendProblem(reply, deps.catalogue, { code: 'place.search-unavailable', reason: outcome.reason });
      if (outcome.kind === 'not-found') return sendProblem(reply, deps.catalogue, { code: 'place.not-found' });
      const { place } = outcome;
      return {
        id: place.id,
        kind: place.kind,
        label: describePlace(texts, place),
        lat: place.centre.lat,
        lon: place.centre.lon,
        extent: place.extent,
      };
    });
  };
}

/** What a place is, in words: "adres Oudegracht 150, 3511AZ Utrecht", "centrum van postcodegebied 1071, Amsterdam". */
export function describePlace(texts: PlaceSearchTexts, place: PlaceSuggestion): string {
  const d = texts.describe;
  switch (place.kind) {
    case 'address':
      return d.address(place.name);
    case 'postcode':
      return d.postcode(place.name);
    case 'postcode-area':
      return d.postcodeArea({ pc4: place.name, city: place.city });
    case 'street':
      return d.street(place.name);
    case 'woonplaats':
      return d.woonplaats(place.name);
    case 'gemeente':
      return d.gemeente(place.name);
  }
}

/**
 * The search field, its candidates (buttons, filled by src/web/plein/console/place-search.ts) and what was found,
 * said in a live region.
 */
export function placeSearchForm(texts: PlaceSearchTexts): SafeHtml {
  return html`<form id="plaats-form" class="place-search" role="search" novalidate>
<div class="field"><label for="plaats-zoek">${texts.label}</label>
<div class="row"><input id="plaats-zoek" name="q" type="search" autocomplete="off" minlength="2" maxlength="100" aria-describedby="plaats-hint"> <button type="submit" class="secondary">${texts.submit}</button></div>
<p class="hint" id="plaats-hint">${texts.hint}</p></div>
<p id="plaats-status" class="place-status" role="status"></p>
<ul id="plaats-keuzes" class="place-choices" aria-label="${texts.script.suggestions}" hidden></ul>
<p class="error-message" id="plaats-fout" role="alert" hidden></p>
${jsonBlock('texts-place-search', texts.script)}
</form>`;
}
