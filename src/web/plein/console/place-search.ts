import { byId, el } from '../../elements.js';
import type { Leaflet, LeafletMap } from '../../leaflet-global.js';
import { readPageData } from '../../page-data.js';
import { fillTemplate } from '../../text-template.js';
import { showError, type ConsoleApi } from './console-api.js';
import type { IncidentArea } from './incident-area.js';

/** What the page gives the script (the catalogue's console.placeSearch.script). */
interface PlaceSearchTexts {
  readonly searching: string;
  readonly choose: string;
  readonly found: string;
  readonly suggestions: string;
}

interface Suggestion {
  readonly id: string;
  readonly kind: string;
  /** What it is, in words: "woonplaats Utrecht (midden)". */
  readonly label: string;
}

interface FoundPlace extends Suggestion {
  readonly lat: number;
  readonly lon: number;
  readonly extent: {
    readonly south: number;
    readonly west: number;
    readonly north: number;
    readonly east: number;
  } | null;
}

/** How close to show a place whose extent the search does not know, by its kind. */
const ZOOM: Readonly<Record<string, number>> = {
  address: 17,
  postcode: 17,
  'postcode-area': 15,
  street: 16,
  woonplaats: 13,
  gemeente: 12,
};

/**
 * The search field: an address, a place or a postcode. One candidate is placed at once; several are offered as
 * buttons to pick from (arrow keys move between them). What was found is said in words in the status line
 * ("1071 AA 1 → centrum van postcodegebied 1071, Amsterdam"), so an approximate centre never passes for an exact one.
 */
export function setUpPlaceSearch(L: Leaflet, api: ConsoleApi, map: LeafletMap, area: IncidentArea): void {
  const texts = readPageData<PlaceSearchTexts>('texts-place-search');
  const input = byId('plaats-zoek', HTMLInputElement);
  const status = byId('plaats-status');
  const choices = byId('plaats-keuzes', HTMLUListElement);
  const error = byId('plaats-fout');
  let typed = '';

  const clearChoices = () => {
    choices.hidden = true;
    choices.replaceChildren();
  };
  const fail = (failure: unknown) => {
    status.textContent = '';
    showError(error, failure);
  };

  async function pick(id: string): Promise<void> {
    const place = await api<FoundPlace>('POST', '/plein/console/plaatsen/kiezen', { id });
    clearChoices();
    const centre = L.latLng(place.lat, place.lon);
    area.placeAt(centre);
    if (place.extent) {
      const { south, west, north, east } = place.extent;
      map.fitBounds(
        [
          [south, west],
          [north, east],
        ],
        { maxZoom: 15 },
      );
    } else {
      map.setView(centre, ZOOM[place.kind] ?? 13);
    }
    status.textContent = fillTemplate(texts.found, { query: typed, place: place.label });
  }

  function offer(suggestions: readonly Suggestion[]): void {
    status.textContent = fillTemplate(texts.choose, { n: suggestions.length });
    choices.replaceChildren(
      ...suggestions.map((s) =>
        el('li', {}, el('button', { type: 'button', class: 'secondary', 'data-plaats': s.id }, s.label)),
      ),
    );
    choices.hidden = false;
    choices.querySelector('button')?.focus();
  }

  byId('plaats-form').addEventListener('submit', (e) => {
    e.preventDefault();
    showError(error, null);
    clearChoices();
    typed = input.value.trim();
    status.textContent = texts.searching;
    api<{ suggestions: readonly Suggestion[] }>('POST', '/plein/console/plaatsen/zoeken', { q: typed })
      .then(async ({ suggestions }) => {
        const [only] = suggestions;
        if (suggestions.length === 1 && only) await pick(only.id);
        else offer(suggestions);
      })
      .catch(fail);
  });

  choices.addEventListener('click', (e) => {
    const button = e.target instanceof Element ? e.target.closest<HTMLButtonElement>('button[data-plaats]') : null;
    if (button === null) return;
    showError(error, null);
    pick(button.dataset.plaats ?? '')
      .then(() => input.focus())
      .catch(fail);
  });
  // Up and down move between the candidates, as in a list; Tab leaves them.
  choices.addEventListener('keydown', (e) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const buttons = [...choices.querySelectorAll('button')];
    const at = buttons.findIndex((b) => b === document.activeElement);
    const next = buttons[at + (e.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      e.preventDefault();
      next.focus();
    }
  });
}
