import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { BurgernetAppHttpDeps } from './burgernet-app-http-deps.js';
import { html, type SafeHtml } from '../html/html.js';

const AMSTERDAM_TIME = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

export function formatTime(at: Date): string {
  return AMSTERDAM_TIME.format(at);
}

/** What the app's scripts read from the page: their texts (from the catalogue) and how to draw maps. */
export function appScriptData(catalogue: Catalogue, app: Pick<BurgernetAppHttpDeps, 'mapTileUrl' | 'mapAttribution'>) {
  return {
    texts: {
      ...catalogue.app.script,
      status: catalogue.app.status,
      callMeldkamer: catalogue.app.action.callMeldkamer,
      call112: catalogue.app.action.call112,
      photoAlt: catalogue.app.action.photoAlt,
      allNone: catalogue.app.home.allNone,
      nearNone: catalogue.app.home.nearNone,
    },
    map: {
      boundariesUrl: '/app/gemeenten.geojson',
      boundariesAttribution: '© CBS / PDOK, CC BY 4.0',
      tileUrl: app.mapTileUrl,
      tileAttribution: app.mapAttribution,
    },
  };
}

/** The head of every app page: installable (manifest, icons, theme colour), with the map library and the app's scripts. */
export function appHead(module: string): SafeHtml {
  return html`<link rel="manifest" href="/app/manifest.webmanifest">
<meta name="theme-color" content="#154273">
<link rel="icon" href="/app/icons/icon.svg" type="image/svg+xml">
<link rel="apple-touch-icon" href="/app/icons/icon-192.png">
<script src="/static/vendor/leaflet/leaflet.js" defer></script>
<script type="module" src="${module}"></script>`;
}

export const APP_STYLES = ['/static/vendor/leaflet/leaflet.css', '/static/app/app.css'];
