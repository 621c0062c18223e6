// The steps on a live action from its own page (/plein/acties/{id}): the console's modules, with the same
// confirmations and feedback; the page renders them only for a centralist who may run the action
// (src/adapters/http/plein/action-page-controls.ts).
import { byId } from '../../elements.js';
import { readPageData } from '../../page-data.js';
import { createActionAreas } from '../console/action-areas.js';
import { setUpActionControls } from '../console/action-controls.js';
import { createActionSummary } from '../console/action-summary.js';
import { createConsoleApi, showError } from '../console/console-api.js';
import { createConsoleMap } from '../console/console-map.js';
import type { ActionTypeSetting, ConsoleTexts } from '../console/console-texts.js';
import { CurrentAction, type ConsoleAction } from '../console/current-action.js';
import { createIncidentArea, type ApiArea } from '../console/incident-area.js';
import { LiveAreaProposal } from '../console/live-area-proposal.js';
import { keepSessionAliveWhile } from '../session/keep-alive.js';
import { keepTypedText } from '../session/kept-text.js';
import { refreshServerParts } from './server-parts.js';

function startActionControls(): void {
  const root = document.getElementById('bediening');
  const L = window.L;
  if (!root || !L || !root.classList.contains('action-controls')) return;
  const types = JSON.parse(root.dataset.types || '[]') as ActionTypeSetting[];
  const texts = readPageData<ConsoleTexts>('texts-console');
  const action = readPageData<ConsoleAction & { readonly area: ApiArea }>('actie-bediening-gegevens');
  const api = createConsoleApi(texts);
  const current = new CurrentAction();
  current.action = action;
  const error = byId('lopend-fout');

  const map = createConsoleMap(L, root, byId('kaart'), texts);
  const proposal = new LiveAreaProposal(texts.live.draftArea, current);
  const area = createIncidentArea(L, map, root, () => proposal.showHint());
  proposal.attach(area);
  // The current area on the map (a circle with its radius): widening starts from it.
  if (action.area.kind === 'circle') {
    byId('straal', HTMLInputElement).dispatchEvent(new Event('input'));
    area.placeAt(L.latLng(action.area.centre.lat, action.area.centre.lon));
  }
  area.setDraftMode(true);

  const typeLabels = Object.fromEntries(types.map((t) => [t.type, t.label]));
  const summary = proposal.following(createActionSummary({ api, texts, typeLabels, areas: createActionAreas(L, map) }));
  const controls = setUpActionControls({
    api,
    types,
    texts,
    area,
    current,
    summary,
    onChanged: () => void refreshServerParts().catch((failure: unknown) => showError(error, failure)),
  });
  controls.showEnded(!current.isRunning);
  // As in the console: what was typed outlives an ended session, and watching the live action keeps it alive.
  keepTypedText(`actie-${action.id}`, [
    byId('vervolg', HTMLTextAreaElement),
    byId('afloop', HTMLTextAreaElement),
  ]).restore();
  keepSessionAliveWhile(() => current.isRunning);
  void summary.refresh(action.id).catch((failure: unknown) => showError(error, failure));
}

startActionControls();
