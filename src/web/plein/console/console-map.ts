import type { Leaflet, LeafletMap } from '../../leaflet-global.js';
import type { ConsoleTexts } from './console-texts.js';

/**
 * The console's map: the gemeente boundaries as the base layer (works without internet), with the tiles of a
 * configured tile server on top when the page names one (data-tile-url).
 */
export function createConsoleMap(
  L: Leaflet,
  root: HTMLElement,
  texts: Pick<ConsoleTexts, 'mapAttribution'>,
): LeafletMap {
  const map = L.map('kaart', { zoomControl: true, doubleClickZoom: false }).setView([52.2, 5.3], 8);
  const tileUrl = root.dataset.tileUrl;
  if (tileUrl) L.tileLayer(tileUrl, { attribution: root.dataset.attribution ?? '', maxZoom: 19 }).addTo(map);
  fetch('/plein/kaart/gemeenten.geojson', { credentials: 'same-origin' })
    .then((r) => r.json())
    .then((geo: unknown) => {
      L.geoJSON(geo, {
        style: { color: '#154273', weight: 1, fillColor: '#dfe7f1', fillOpacity: tileUrl ? 0.05 : 0.6 },
      })
        .bindTooltip((layer) => layer.feature.properties.name, { sticky: true })
        .addTo(map)
        .bringToBack();
    })
    // The boundaries are the background only: without them the map still takes clicks and addresses.
    .catch(() => undefined);
  map.attributionControl.addAttribution(texts.mapAttribution);
  return map;
}
