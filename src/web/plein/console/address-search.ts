import { byId } from '../../elements.js';
import type { Leaflet } from '../../leaflet-global.js';
import { showError, type ConsoleApi } from './console-api.js';
import type { IncidentArea } from './incident-area.js';

/** The address form: a postcode and house number, geocoded by the server, become the incident's centre. */
export function setUpAddressSearch(L: Leaflet, api: ConsoleApi, area: IncidentArea): void {
  const error = byId('adres-fout');
  byId('adres-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    showError(error, null);
    try {
      const found = await api<{ lat: number; lon: number }>('POST', '/plein/console/adres', {
        postcode: byId('adres-postcode', HTMLInputElement).value,
        houseNumber: byId('adres-huisnummer', HTMLInputElement).value,
      });
      area.placeAt(L.latLng(found.lat, found.lon));
    } catch (failure) {
      showError(error, failure);
    }
  });
}
