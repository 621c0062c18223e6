// A small, still map of an action's area over the base map's tiles (PDOK's by default), or over the bundled gemeente
// boundaries when there are no tiles or they fail to load. A picture, not a widget: no dragging or zooming, and
// the container says what it shows (role="img"); the credit line under it names the map's sources.
import type { LeafletMap, MapOptions } from '../leaflet-global.js';
import type { AppMapSettings, PublicArea } from './app-page-data.js';

let boundaries: Promise<unknown> | null = null;

/** The boundaries, fetched once per page however many maps it draws; null when they could not be had. */
function loadBoundaries(url: string): Promise<unknown> {
  boundaries ??= fetch(url)
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  return boundaries;
}

const STILL: MapOptions = {
  attributionControl: false,
  zoomControl: false,
  dragging: false,
  keyboard: false,
  scrollWheelZoom: false,
  doubleClickZoom: false,
  touchZoom: false,
  boxZoom: false,
  tap: false,
  preferCanvas: true,
};

/** Draws `area` into `element`. */
export async function drawAreaMap(element: HTMLElement, area: PublicArea | null, map: AppMapSettings): Promise<void> {
  const L = globalThis.L;
  if (L === undefined || area === null) return;
  const style = { color: '#b3400d', weight: 3, fillColor: '#b3400d', fillOpacity: 0.2, interactive: false };
  const shape =
    area.kind === 'circle'
      ? L.circle([area.centre.lat, area.centre.lon], { ...style, radius: area.radiusMetres })
      : L.polygon(
          area.polygon.coordinates.map((ring) => ring.map(([lon, lat]): [number, number] => [lat, lon])),
          style,
        );
  // The view first (a circle's bounds need no map), then the layers.
  const bounds =
    area.kind === 'circle'
      ? L.latLng(area.centre.lat, area.centre.lon).toBounds(area.radiusMetres * 2)
      : shape.getBounds();
  const leaflet = L.map(element, STILL).fitBounds(bounds, { padding: [12, 12], maxZoom: 13 });
  shape.addTo(leaflet);
  const credit = document.createElement('p');
  credit.className = 'map-credit';
  element.after(credit);
  const showBoundaries = async () => {
    credit.textContent = [map.tileUrl ? map.tileAttribution : null, map.boundariesAttribution]
      .filter(Boolean)
      .join(' · ');
    await drawBoundaries(leaflet, map.boundariesUrl);
  };
  if (map.tileUrl) {
    credit.textContent = map.tileAttribution;
    // Only when no tile has loaded: one failing beside loaded ones is just outside the map's coverage.
    let loaded = false;
    let failed = false;
    L.tileLayer(map.tileUrl, { maxZoom: 18 })
      .on('tileload', () => (loaded = true))
      .on('tileerror', () => {
        if (loaded || failed) return;
        failed = true;
        void showBoundaries();
      })
      .addTo(leaflet);
  } else {
    await showBoundaries();
  }
}

/** The gemeenten, filled, under the area: the map without tiles is still a map. */
async function drawBoundaries(leaflet: LeafletMap, url: string): Promise<void> {
  const L = globalThis.L;
  const geojson = await loadBoundaries(url);
  if (L === undefined || geojson === null) return;
  L.geoJSON(geojson, {
    interactive: false,
    style: { color: '#767676', weight: 1, fillColor: '#f2f4f7', fillOpacity: 1 },
  })
    .addTo(leaflet)
    .bringToBack();
}
