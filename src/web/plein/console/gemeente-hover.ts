import type { LatLng, Leaflet, LeafletMap } from '../../leaflet-global.js';

type Ring = readonly (readonly [number, number])[];
/** The bundled gemeente boundaries as /plein/kaart/gemeenten.geojson serves them. */
export interface BoundaryCollection {
  readonly features: readonly {
    readonly properties: { readonly name: string };
    readonly geometry:
      | { readonly type: 'Polygon'; readonly coordinates: readonly Ring[] }
      | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly Ring[])[] };
  }[];
}

interface Gemeente {
  readonly name: string;
  /** Outer ring first, then holes; [lon, lat] as in GeoJSON. */
  readonly polygons: readonly (readonly Ring[])[];
  readonly box: { readonly south: number; readonly west: number; readonly north: number; readonly east: number };
}

/**
 * The gemeente's name beside the mouse pointer. The boundary layer itself stays non-interactive (its paths take
 * no events and no focus: the map is one Tab stop), so the map finds the gemeente under the pointer itself.
 */
export function showGemeenteOnHover(L: Leaflet, map: LeafletMap, boundaries: BoundaryCollection): void {
  const gemeenten = boundaries.features.map((f): Gemeente => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    const outer = polygons.flatMap((p) => p[0] ?? []);
    return {
      name: f.properties.name,
      polygons,
      box: {
        south: Math.min(...outer.map(([, lat]) => lat)),
        north: Math.max(...outer.map(([, lat]) => lat)),
        west: Math.min(...outer.map(([lon]) => lon)),
        east: Math.max(...outer.map(([lon]) => lon)),
      },
    };
  });
  const tooltip = L.tooltip({ direction: 'top', offset: [0, -8], className: 'gemeente-tooltip' });
  map.on('mousemove', (e) => {
    const gemeente = gemeenteAt(gemeenten, e.latlng);
    if (gemeente === undefined) {
      tooltip.remove();
      return;
    }
    tooltip.setLatLng(e.latlng).setContent(gemeente.name);
    if (!map.hasLayer(tooltip)) tooltip.addTo(map);
  });
  map.on('mouseout', () => tooltip.remove());
}

function gemeenteAt(gemeenten: readonly Gemeente[], at: LatLng): Gemeente | undefined {
  return gemeenten.find(
    ({ box, polygons }) =>
      at.lat >= box.south &&
      at.lat <= box.north &&
      at.lng >= box.west &&
      at.lng <= box.east &&
      polygons.some(([outer = [], ...holes]) => inRing(at, outer) && !holes.some((hole) => inRing(at, hole))),
  );
}

function inRing(at: LatLng, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > at.lat !== yj > at.lat && at.lng < ((xj - xi) * (at.lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
