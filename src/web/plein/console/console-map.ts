import type { GeoJsonLayer, Leaflet, LeafletMap } from '../../leaflet-global.js';
import type { ConsoleTexts } from './console-texts.js';
import { showGemeenteOnHover, type BoundaryCollection } from './gemeente-hover.js';

/** South, west, north, east in degrees: what the page says the map opens on (data-extent). */
interface Extent {
  readonly south: number;
  readonly west: number;
  readonly north: number;
  readonly east: number;
}

/** The Netherlands, for a page that names no extent. */
const COUNTRY: Extent = { south: 50.75, west: 3.36, north: 53.56, east: 7.23 };

/** Over tiles: thin lines only, the streets and names stay readable. */
const BOUNDARY_LINES = { color: '#154273', weight: 1, opacity: 0.5, fill: false, interactive: false } as const;
/** Without tiles (none configured, or they fail to load): the gemeenten filled, so the map is not blank. */
const BOUNDARY_AREAS = {
  color: '#154273',
  weight: 1,
  opacity: 1,
  fill: true,
  fillColor: '#dfe7f1',
  fillOpacity: 0.6,
  interactive: false,
} as const;

/**
 * The console's map: the base map tiles of the configured server (data-tile-url, PDOK by default) with the bundled
 * gemeente boundaries over them; the boundaries alone, filled, when there are no tiles or they fail to load. It
 * opens on the meldkamer's police unit (data-extent). The map is one Tab stop: its own keys (arrows, + and −, Enter)
 * work on the focused container, and nothing inside it takes the focus.
 */
export function createConsoleMap(
  L: Leaflet,
  root: HTMLElement,
  element: HTMLElement,
  texts: Pick<ConsoleTexts, 'mapAttribution'>,
): LeafletMap {
  const map = L.map(element, { zoomControl: true, doubleClickZoom: false });
  const extent = readExtent(element.dataset.extent) ?? COUNTRY;
  map.fitBounds(
    [
      [extent.south, extent.west],
      [extent.north, extent.east],
    ],
    { padding: [8, 8] },
  );
  map.attributionControl.setPrefix('Leaflet');
  map.attributionControl.addAttribution(texts.mapAttribution);

  const tileUrl = root.dataset.tileUrl;
  let boundaries: GeoJsonLayer | null = null;
  let filled = !tileUrl;
  if (tileUrl) {
    // Tiles that fail while none has loaded: the server is out of reach. A failing tile beside loaded ones is only
    // outside the map's coverage (sea, abroad), and the lines stay lines.
    let loaded = 0;
    L.tileLayer(tileUrl, { attribution: root.dataset.attribution ?? '', maxZoom: 19 })
      .on('tileerror', () => {
        if (loaded > 0 || filled) return;
        filled = true;
        boundaries?.setStyle(BOUNDARY_AREAS);
      })
      .on('tileload', () => {
        loaded += 1;
        if (!filled) return;
        filled = false;
        boundaries?.setStyle(BOUNDARY_LINES);
      })
      .addTo(map);
  }
  fetch('/plein/kaart/gemeenten.geojson', { credentials: 'same-origin' })
    .then((r) => r.json())
    // Our own server's GeoJSON (map-boundaries.ts): trusted to have this shape.
    .then((geo: BoundaryCollection) => {
      boundaries = L.geoJSON(geo, { interactive: false, style: filled ? BOUNDARY_AREAS : BOUNDARY_LINES }).addTo(map);
      showGemeenteOnHover(L, map, geo);
    })
    // The boundaries are the background only: without them the map still takes clicks and addresses.
    .catch(() => undefined);

  // The + and − buttons are for the mouse; the keyboard zooms with + and − on the map itself.
  for (const button of element.querySelectorAll<HTMLElement>('.leaflet-control-zoom a')) button.tabIndex = -1;
  return map;
}

function readExtent(text: string | undefined): Extent | null {
  if (!text) return null;
  // Written by our own page (console-pages.ts): trusted to have this shape.
  const extent = JSON.parse(text) as Extent | null;
  return extent !== null && [extent.south, extent.west, extent.north, extent.east].every(Number.isFinite)
    ? extent
    : null;
}
