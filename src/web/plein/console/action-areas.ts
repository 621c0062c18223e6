import type { BoundsLayer, Leaflet, LeafletMap } from '../../leaflet-global.js';
import type { ApiArea } from './incident-area.js';

const CURRENT = {
  color: '#b3400d',
  weight: 3,
  fillOpacity: 0.1,
  className: 'action-area',
  interactive: false,
} as const;
const EARLIER = {
  color: '#595959',
  weight: 2,
  dashArray: '6 4',
  fillOpacity: 0,
  className: 'earlier-area',
  interactive: false,
} as const;

export interface ActionAreas {
  /** Draws the live action's areas: the last one as the current area, the ones before it as earlier areas. */
  show(areas: readonly ApiArea[]): void;
  clear(): void;
}

function layerOf(L: Leaflet, area: ApiArea, style: typeof CURRENT | typeof EARLIER): BoundsLayer {
  if (area.kind === 'circle')
    return L.circle([area.centre.lat, area.centre.lon], { ...style, radius: area.radiusMetres });
  const rings = area.polygon.coordinates.map((ring) =>
    ring.map(([lon, lat]): [number, number] => [lat ?? 0, lon ?? 0]),
  );
  return L.polygon(rings, style);
}

/**
 * The areas a live action's alert went to, drawn apart from what the centralist is drawing now: a stray click
 * changes the drawing, never these. An area that was moved away from stays on the map, grey and dashed.
 */
export function createActionAreas(L: Leaflet, map: LeafletMap): ActionAreas {
  let layers: BoundsLayer[] = [];
  const clear = () => {
    for (const layer of layers) layer.remove();
    layers = [];
  };
  return {
    show(areas) {
      clear();
      const current = areas[areas.length - 1];
      if (current === undefined) return;
      for (const earlier of areas.slice(0, -1)) layers.push(layerOf(L, earlier, EARLIER).addTo(map));
      layers.push(layerOf(L, current, CURRENT).addTo(map));
    },
    clear,
  };
}
