import { ringOfClicks } from '../../drawn-ring.js';
import { byId } from '../../elements.js';
import type { Layer, LatLng, Leaflet, LeafletMap } from '../../leaflet-global.js';

/** The area as the API takes it: a circle, or a GeoJSON polygon with the first click as its centre. */
export type ApiArea =
  | {
      readonly kind: 'circle';
      readonly centre: { readonly lat: number; readonly lon: number };
      readonly radiusMetres: number;
    }
  | {
      readonly kind: 'polygon';
      readonly centre?: { readonly lat: number; readonly lon: number };
      readonly polygon: { readonly type: 'Polygon'; readonly coordinates: number[][][] };
    };

type Shape = 'circle' | 'polygon';

export interface IncidentArea {
  /** The area drawn so far, or null while it is incomplete (no centre, or a polygon not yet closed). */
  current(): ApiArea | null;
  /** Puts the incident here (an address that was found) and redraws. */
  placeAt(centre: LatLng): void;
  /**
   * While an action runs, what is drawn is only a proposal (dashed, blue) beside the action's own areas: it changes
   * nothing until a confirmed step (widen, move) sends it.
   */
  setDraftMode(on: boolean): void;
}

const AREA_STYLE = { color: '#b3400d', weight: 2, fillOpacity: 0.15, className: 'incident-area' } as const;
const DRAFT_STYLE = {
  color: '#154273',
  weight: 2,
  dashArray: '6 4',
  fillOpacity: 0.05,
  className: 'incident-area draft-area',
} as const;

/**
 * The incident's area on the map: a click places the centre of a circle (its radius from the slider), or adds a
 * corner of a polygon that a double click closes; Enter on the focused map puts the centre in the middle.
 * `onChange` runs after every redraw.
 */
export function createIncidentArea(L: Leaflet, map: LeafletMap, root: HTMLElement, onChange: () => void): IncidentArea {
  let centre: LatLng | null = null;
  let shape: Shape = 'circle';
  let radius = 1000;
  let polygon: LatLng[] = [];
  let closed = false;
  let areaLayer: Layer | null = null;
  let markerLayer: Layer | null = null;
  let draftMode = false;
  const radiusInput = byId('straal', HTMLInputElement);

  function current(): ApiArea | null {
    if (shape === 'polygon') {
      if (!closed || polygon.length < 3) return null;
      const ring = ringOfClicks(polygon);
      if (ring.length < 4) return null; // fewer than three corners once repeats are dropped
      return {
        kind: 'polygon',
        ...(centre ? { centre: { lat: centre.lat, lon: centre.lng } } : {}),
        polygon: { type: 'Polygon', coordinates: [ring] },
      };
    }
    if (!centre) return null;
    return {
      kind: 'circle',
      centre: { lat: Number(centre.lat.toFixed(6)), lon: Number(centre.lng.toFixed(6)) },
      radiusMetres: radius,
    };
  }

  function draw(): void {
    areaLayer?.remove();
    markerLayer?.remove();
    areaLayer = null;
    const style = draftMode ? DRAFT_STYLE : AREA_STYLE;
    if (centre) markerLayer = L.circleMarker(centre, { radius: 6, color: style.color, fillOpacity: 1 }).addTo(map);
    if (shape === 'circle' && centre) areaLayer = L.circle(centre, { ...style, radius }).addTo(map);
    if (shape === 'polygon' && polygon.length > 0) {
      areaLayer = (
        closed ? L.polygon(polygon, style) : L.polyline(polygon, { color: style.color, weight: 2, dashArray: '4 4' })
      ).addTo(map);
    }
    root.dataset.area = current() ? 'ja' : 'nee';
    onChange();
  }

  map.on('click', (e) => {
    if (shape === 'polygon') {
      if (closed) {
        polygon = [];
        closed = false;
      }
      polygon.push(e.latlng);
      centre ??= e.latlng;
    } else {
      centre = e.latlng;
    }
    draw();
  });
  map.on('dblclick', () => {
    if (shape === 'polygon' && polygon.length >= 3) {
      closed = true;
      draw();
    }
  });
  byId('kaart').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      centre = map.getCenter();
      draw();
    }
  });
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="vorm"]')) {
    radio.addEventListener('change', () => {
      shape = radio.value === 'polygon' ? 'polygon' : 'circle';
      polygon = [];
      closed = false;
      draw();
    });
  }
  radiusInput.addEventListener('input', () => {
    radius = Number(radiusInput.value);
    byId('straal-waarde').textContent = String(radius);
    draw();
  });

  return {
    current,
    placeAt(at) {
      centre = at;
      map.setView(at, 13);
      draw();
    },
    setDraftMode(on) {
      draftMode = on;
      draw();
    },
  };
}
