import { ringOfClicks } from '../drawn-ring.js';
import { byId } from '../elements.js';
import type { BoundsLayer, LatLng, Leaflet } from '../leaflet-global.js';
import type { ComposeTexts } from './audience-count.js';

const MIN_RADIUS_M = 100;
const MAX_RADIUS_M = 50_000;

/**
 * The map (only with JavaScript; a radius around an address is the way without one): a click is the centre of a
 * circle of the circle radius field's size, or a corner of a polygon that a double click closes. The area goes
 * into `areaField` as JSON, and `onChange` recounts.
 */
export function setUpComposeMap(
  L: Leaflet,
  form: HTMLFormElement,
  texts: ComposeTexts,
  areaField: HTMLInputElement,
  onChange: () => void,
): void {
  const mapElement = byId('kaart');
  mapElement.hidden = false;
  byId('kaart-keuzes').hidden = false;
  const map = L.map(mapElement, { doubleClickZoom: false }).setView([52.2, 5.3], 8);
  fetch('/plein/kaart/gemeenten.geojson', { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : null))
    .then((geo: unknown) => {
      if (geo)
        L.geoJSON(geo, { style: { color: '#154273', weight: 1, fillColor: '#dfe7f1', fillOpacity: 0.6 } })
          .addTo(map)
          .bringToBack();
    })
    // The boundaries are the background only: the map still takes clicks without them.
    .catch(() => undefined);
  map.attributionControl.addAttribution(texts.mapAttribution);

  const radiusInput = byId('veld-cirkelstraal', HTMLInputElement);
  let layer: BoundsLayer | null = null;
  let points: LatLng[] = [];
  let centre: LatLng | null = null;
  const shape = () => form.querySelector<HTMLInputElement>('input[name="vorm"]:checked')?.value ?? 'circle';
  const store = (area: unknown) => {
    areaField.value = area ? JSON.stringify(area) : '';
    onChange();
  };
  const draw = (at: LatLng) => {
    layer?.remove();
    if (shape() === 'circle') {
      const radius = Math.min(MAX_RADIUS_M, Math.max(MIN_RADIUS_M, Number(radiusInput.value) || 1000));
      layer = L.circle(at, { radius, color: '#154273' }).addTo(map);
      store({
        kind: 'circle',
        centre: { lat: Number(at.lat.toFixed(6)), lon: Number(at.lng.toFixed(6)) },
        radiusMetres: radius,
      });
    }
  };

  map.on('click', (e) => {
    if (shape() === 'circle') {
      centre = e.latlng;
      draw(centre);
    } else {
      points.push(e.latlng);
      layer?.remove();
      layer = L.polyline(points, { color: '#154273' }).addTo(map);
    }
  });
  map.on('dblclick', () => {
    const ring = ringOfClicks(points);
    if (shape() !== 'polygon' || ring.length < 4) return; // fewer than three corners once repeats are dropped
    layer?.remove();
    layer = L.polygon(points, { color: '#154273' }).addTo(map);
    store({ kind: 'polygon', polygon: { type: 'Polygon', coordinates: [ring] } });
    points = [];
  });
  radiusInput.addEventListener('input', () => {
    if (centre) draw(centre);
  });
  for (const r of form.querySelectorAll('input[name="vorm"]')) {
    r.addEventListener('change', () => {
      points = [];
      layer?.remove();
      store(null);
    });
  }
  // Leaflet measures its container once: again when the area fields become visible.
  for (const r of form.querySelectorAll('input[name="ontvangers"]'))
    r.addEventListener('change', () => setTimeout(() => map.invalidateSize(), 0));
}
