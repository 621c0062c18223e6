// A small, still map of an action's area: drawn over the bundled gemeente boundaries (no tile server needed),
// or over tiles when the server has one configured. A picture, not a widget: no dragging or zooming, and the
// container says what it shows (role="img").
import type { MapOptions } from '../leaflet-global.js';
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
  if (map.tileUrl) {
    L.tileLayer(map.tileUrl, { maxZoom: 18 }).addTo(leaflet);
  } else {
    const geojson = await loadBoundaries(map.boundariesUrl);
    if (geojson !== null) {
      L.geoJSON(geojson, {
        interactive: false,
        style: { color: '#767676', weight: 1, fillColor: '#f2f4f7', fillOpacity: 1 },
      }).addTo(leaflet);
    }
  }
  shape.addTo(leaflet);
  const credit = document.createElement('p');
  credit.className = 'map-credit';
  credit.textContent = map.tileUrl ? map.tileAttribution : map.boundariesAttribution;
  element.after(credit);
}
