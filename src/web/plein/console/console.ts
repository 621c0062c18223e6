// The meldkamer console: choose an area on the map, see the reach, write the message, start, follow progress
// and tips, send updates, widen, close or withdraw. Talks to /api/v1 with the session cookie and CSRF token.
import { byId } from '../../elements.js';
import { readPageData } from '../../page-data.js';
import { setUpActionControls } from './action-controls.js';
import { setUpAddressSearch } from './address-search.js';
import { createConsoleApi, showError } from './console-api.js';
import { createConsoleMap } from './console-map.js';
import type { ActionTypeSetting, ConsoleTexts } from './console-texts.js';
import { CurrentAction, type ConsoleAction } from './current-action.js';
import { createIncidentArea, type ApiArea } from './incident-area.js';
import { setUpKeyboardShortcuts } from './keyboard-shortcuts.js';
import { createMessageDraft } from './message-draft.js';
import { createProgressStream } from './progress-stream.js';
import { createReachEstimate } from './reach-estimate.js';
import { setUpStartDialog } from './start-dialog.js';
import { createTipsStream } from './tips-stream.js';

function startConsole(): void {
  const root = document.getElementById('console');
  const L = window.L;
  if (!root || !L) return;
  const types = JSON.parse(root.dataset.types || '[]') as ActionTypeSetting[];
  const texts = readPageData<ConsoleTexts>('texts-console');
  const api = createConsoleApi(texts);
  const current = new CurrentAction();

  const map = createConsoleMap(L, root, texts);
  const area = createIncidentArea(L, map, root, () => refreshReach());
  setUpAddressSearch(L, api, area);
  const message = createMessageDraft(texts, types, () => refreshReach());
  const refreshReach = createReachEstimate({ api, texts, area, message, current });
  message.applyTemplate();

  const progress = createProgressStream(texts, current);
  const tips = createTipsStream(texts);
  const showRunning = (action: ConsoleAction) => {
    byId('stap-lopend').hidden = false;
    byId('stap-bericht').hidden = true;
    byId('actie-nummer').textContent = action.number;
    byId('actie-status').textContent = action.status;
    progress.follow(action.id);
    tips.follow(action.id);
    // The address of the console names the action: a reload (or a crash) opens it again.
    history.replaceState(null, '', `/plein/console?actie=${encodeURIComponent(action.id)}`);
    byId('kop-lopend').scrollIntoView();
  };
  /** Opens a live action of the meldkamer with every control: from the list, or after a reload. */
  const openAction = async (id: string) => {
    // Taking over a colleague's action is audited by the server; an action that ended meanwhile is refused.
    const action = await api<ConsoleAction & { readonly area: ApiArea }>(
      'POST',
      `/api/v1/actions/${encodeURIComponent(id)}/take-over`,
    ).catch((error: unknown) => {
      history.replaceState(null, '', '/plein/console');
      throw error;
    });
    current.action = action;
    // The current area on the map (a circle with its radius): widening starts from it.
    if (action.area.kind === 'circle') {
      const radius = byId('straal', HTMLInputElement);
      radius.value = String(action.area.radiusMetres);
      radius.dispatchEvent(new Event('input'));
      area.placeAt(L.latLng(action.area.centre.lat, action.area.centre.lon));
    }
    showRunning(action);
  };
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-actie]')) {
    button.addEventListener('click', () => {
      if (current.isRunning && current.action?.id !== button.dataset.actie && !window.confirm(texts.confirmNewAction))
        return;
      void openAction(button.dataset.actie ?? '').catch((error: unknown) => showError(byId('start-fout'), error));
    });
  }
  setUpStartDialog({ api, texts, area, message, current, onStarted: showRunning });
  setUpActionControls({
    api,
    types,
    texts,
    area,
    current,
    onNewAction: () => {
      if (current.isRunning && !window.confirm(texts.confirmNewAction)) return;
      history.replaceState(null, '', '/plein/console');
      progress.close();
      tips.close();
      current.action = null;
      byId('stap-lopend').hidden = true;
      byId('stap-bericht').hidden = false;
      message.forgetEdits();
      message.applyTemplate();
    },
  });
  setUpKeyboardShortcuts();
  const reopen = new URLSearchParams(window.location.search).get('actie');
  if (reopen !== null) void openAction(reopen).catch((error: unknown) => showError(byId('start-fout'), error));
}

startConsole();
