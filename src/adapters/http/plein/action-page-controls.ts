import type { Action } from '../../../domain/action/action.js';
import { boundingRadiusMetres } from '../../../domain/area/area.js';
import type { ActionTypeSettingView } from '../../../app/actions/action-type-settings.js';
import { may } from '../../../domain/staff/permissions.js';
import { mayRunActionsFor, type Staff } from '../../../domain/staff/staff.js';
import { fromArea } from '../actions/area-schema.js';
import { html, jsonBlock, type SafeHtml } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { areaShapeFields, consoleScriptTexts, liveActionControls, stepDialog } from './live-action-controls.js';

/** Metres per degree of latitude: enough to frame an area on the map. */
const METRES_PER_DEGREE = 111_320;

/**
 * Whether this staff member may run this action's steps now: the same conditions as the API's (the route's
 * `actions.run`, the action's meldkamer, a live action), so the page never offers what the API refuses.
 */
export function mayControl(staff: Staff, action: Action): boolean {
  return action.status === 'actief' && may(staff, 'actions.run') && mayRunActionsFor(staff, action.meldkamerCode);
}

/** The styles and scripts the action page loads when it shows the controls. */
export const CONTROL_ASSETS = {
  styles: ['/static/vendor/leaflet/leaflet.css', '/static/plein/console.css'],
  scripts: ['/static/vendor/leaflet/leaflet.js', '/static/plein/action-page.js'],
} as const;

/** The area and twice its reach round it, as the map opens (south, west, north, east). */
function extentOf(action: Action) {
  const { lat, lon } = action.area.centre;
  const metres = Math.max(500, boundingRadiusMetres(action.area) * 2);
  const dLat = metres / METRES_PER_DEGREE;
  const dLon = metres / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  return { south: lat - dLat, west: lon - dLon, north: lat + dLat, east: lon + dLon };
}

/**
 * The steps on a live action on its own page (/plein/acties/{id}): a map with its areas to draw a new one on,
 * what was sent, and the console's controls, driven by the console's own modules (src/web/plein/action-page/).
 * An ended action says why it has none; a concept, or another meldkamer's action (the page says it is theirs),
 * gets nothing.
 */
export function actionPageControls(
  deps: HttpDeps,
  staff: Staff,
  action: Action,
  types: readonly ActionTypeSettingView[],
): SafeHtml | null {
  const t = deps.catalogue;
  const h = t.plein.history;
  const c = t.plein.console;
  if (action.status === 'afgesloten' || action.status === 'ingetrokken') {
    return html`<section id="bediening" aria-labelledby="kop-bediening"><h2 id="kop-bediening">${h.controlsHeading}</h2>
<p class="notice" id="bediening-reden">${h.controlsEnded(t.plein.actionStatuses[action.status])}</p></section>`;
  }
  if (!mayControl(staff, action)) return null;
  const map = deps.plein.map;
  const radius = action.area.kind === 'circle' ? Math.min(20_000, Math.max(100, action.area.radiusMetres)) : 1000;
  const texts = consoleScriptTexts(t);
  return html`<section id="bediening" class="action-controls" aria-labelledby="kop-bediening" data-tile-url="${map.tileUrl ?? ''}" data-attribution="${map.attribution}" data-types="${JSON.stringify(types)}">
<h2 id="kop-bediening">${h.controlsHeading}</h2>
<p>${h.controlsIntro}</p>
<p id="stap-melding" class="notice" role="status" tabindex="-1" hidden></p>
<div class="console-map-area"><div class="console-map" id="kaart" role="application" aria-label="${c.mapLabel}" aria-describedby="kaart-toetsen" tabindex="0" data-extent="${JSON.stringify(extentOf(action))}"></div>
<p class="console-hint" id="kaart-toetsen">${c.mapKeys}</p></div>
<div class="console-panel">
<h3 id="kop-verzonden">${c.sentHeading}</h3><div id="verzonden" class="sent-summary"></div>
${liveActionControls(t, areaShapeFields(t, radius))}
</div>
${stepDialog(t)}
</section>
${jsonBlock('texts-console', { ...texts, live: { ...texts.live, ended: h.controlsEndedScript } })}
${jsonBlock('actie-bediening-gegevens', { id: action.id, number: action.number, type: action.type, status: action.status, startedAt: action.startedAt?.toISOString() ?? null, area: fromArea(action.area) })}`;
}
