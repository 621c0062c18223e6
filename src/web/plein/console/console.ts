// The meldkamer console: choose an area on the map, see the reach, write the message, start, follow progress
// and tips, send updates, widen, close or withdraw. Talks to /api/v1 with the session cookie and CSRF token.
import { byId } from '../../elements.js';
import { readPageData } from '../../page-data.js';
import { setUpActionControls } from './action-controls.js';
import { setUpAddressSearch } from './address-search.js';
import { createConsoleApi } from './console-api.js';
import { createConsoleMap } from './console-map.js';
import type { ActionTypeSetting, ConsoleTexts } from './console-texts.js';
import { CurrentAction, type ConsoleAction } from './current-action.js';
import { createIncidentArea } from './incident-area.js';
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
    byId('kop-lopend').scrollIntoView();
  };
  setUpStartDialog({ api, texts, area, message, current, onStarted: showRunning });
  setUpActionControls({
    api,
    types,
    texts,
    area,
    current,
    onNewAction: () => {
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
}

startConsole();
