// The meldkamer console: choose an area on the map, see the reach, write the message, start, follow progress
// and tips, send updates, widen, close or withdraw. Talks to /api/v1 with the session cookie and CSRF token.
import { byId } from '../../elements.js';
import { fillTemplate } from '../../text-template.js';
import { readPageData } from '../../page-data.js';
import { createActionAreas } from './action-areas.js';
import { setUpActionControls } from './action-controls.js';
import { createActionSummary } from './action-summary.js';
import { followApprovalRequests } from './approval-requests.js';
import { createConsoleApi, showError } from './console-api.js';
import { createConsoleMap } from './console-map.js';
import type { ActionTypeSetting, ConsoleTexts } from './console-texts.js';
import { CurrentAction, type ConsoleAction } from './current-action.js';
import { createIncidentArea, type ApiArea } from './incident-area.js';
import { LiveAreaProposal } from './live-area-proposal.js';
import { setUpKeyboardShortcuts } from './keyboard-shortcuts.js';
import { createMessageDraft } from './message-draft.js';
import { setUpPlaceSearch } from './place-search.js';
import { createProgressStream } from './progress-stream.js';
import { createReachEstimate } from './reach-estimate.js';
import { setUpStartDialog } from './start-dialog.js';
import { showStatus } from './status-badge.js';
import { confirmStep } from './step-dialog.js';
import { createTipsStream } from './tips-stream.js';
import { keepSessionAliveWhile } from '../session/keep-alive.js';
import { keepTypedText, keepWhenSessionEnds } from '../session/kept-text.js';

function startConsole(): void {
  const root = document.getElementById('console');
  const L = window.L;
  if (!root || !L) return;
  const types = JSON.parse(root.dataset.types || '[]') as ActionTypeSetting[];
  const texts = readPageData<ConsoleTexts>('texts-console');
  const api = createConsoleApi(texts);
  const current = new CurrentAction();

  const map = createConsoleMap(L, root, byId('kaart'), texts);
  const actionAreas = createActionAreas(L, map);
  const proposal = new LiveAreaProposal(texts.live.draftArea, current);
  const area = createIncidentArea(L, map, root, () => {
    refreshReach();
    proposal.showHint();
  });
  proposal.attach(area);
  setUpPlaceSearch(L, api, map, area);
  const message = createMessageDraft(texts, types, () => refreshReach());
  const refreshReach = createReachEstimate({ api, texts, area, message, current });
  message.applyTemplate();
  message.restoreKept();

  const progress = createProgressStream(texts, current, () => {
    if (current.action !== null)
      void refreshSummary(current.action.id).catch((error: unknown) => showError(byId('lopend-fout'), error));
  });
  const tips = createTipsStream(texts, api);
  const typeLabels = Object.fromEntries(types.map((t) => [t.type, t.label]));
  // Reads the live action again: what was sent, the timeline, its areas; and re-estimates the proposal's reach.
  const summary = proposal.following(createActionSummary({ api, texts, typeLabels, areas: actionAreas }));
  const refreshSummary = (id: string) => summary.refresh(id);
  /** Leaving a live action (it keeps running) is asked in the same styled dialog as every other step. */
  const mayLeave = () =>
    confirmStep({ heading: texts.live.leaveHeading, lines: [texts.confirmNewAction], yes: texts.live.leaveYes });
  const showRunning = (action: ConsoleAction) => {
    byId('stap-lopend').hidden = false;
    byId('stap-bericht').hidden = true;
    byId('actie-nummer').textContent = action.number;
    showStatus(action.status);
    progress.follow(action.id, action.startedAt ?? null);
    tips.follow(action.id);
    area.setDraftMode(true);
    controls.showEnded(!current.isRunning);
    void refreshSummary(action.id).catch((error: unknown) => showError(byId('lopend-fout'), error));
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
      void (async () => {
        if (current.isRunning && current.action?.id !== button.dataset.actie && !(await mayLeave())) return;
        await openAction(button.dataset.actie ?? '');
      })().catch((error: unknown) => showError(byId('start-fout'), error));
    });
  }
  const controls = setUpActionControls({ api, types, texts, area, current, summary });
  // Starting over with a new action: the live one keeps running, and is asked about first.
  byId('nieuw-knop').addEventListener('click', () => {
    void (async () => {
      if (current.isRunning && !(await mayLeave())) return;
      history.replaceState(null, '', '/plein/console');
      progress.close();
      tips.close();
      summary.clear();
      current.action = null;
      proposal.forget();
      area.setDraftMode(false);
      byId('stap-melding').hidden = true;
      byId('stap-lopend').hidden = true;
      byId('stap-bericht').hidden = false;
      message.forgetEdits();
      message.applyTemplate();
    })();
  });
  setUpStartDialog({
    api,
    texts,
    area,
    message,
    current,
    onStarted: (action) => {
      const reach = document.querySelector('[data-bereik]')?.textContent ?? '?';
      showRunning(action);
      controls.announce(fillTemplate(texts.live.done.started, { number: action.number, n: reach }));
    },
  });
  setUpKeyboardShortcuts();
  followApprovalRequests();
  // An ended session keeps the texts for the live action and which action was open (session/kept-text.ts);
  // watching a live action keeps the session from ending by idleness (session/keep-alive.ts).
  keepTypedText('console-lopend', [
    byId('vervolg', HTMLTextAreaElement),
    byId('afloop', HTMLTextAreaElement),
  ]).restore();
  const keptAction = keepWhenSessionEnds('console-actie', () => current.action?.id ?? null).take();
  keepSessionAliveWhile(() => current.isRunning);
  const reopen = new URLSearchParams(window.location.search).get('actie') ?? keptAction;
  if (reopen !== null) void openAction(reopen).catch((error: unknown) => showError(byId('start-fout'), error));
}

startConsole();
