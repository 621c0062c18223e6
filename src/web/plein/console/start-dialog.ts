import { byId } from '../../elements.js';
import { fillTemplate } from '../../text-template.js';
import { ApiError, showError, type ConsoleApi } from './console-api.js';
import type { ConsoleTexts } from './console-texts.js';
import type { ConsoleAction, CurrentAction } from './current-action.js';
import type { IncidentArea } from './incident-area.js';
import type { MessageDraft } from './message-draft.js';

const WAITS_FOR_APPROVAL = new Set(['action.size-approval-required', 'action.region-approval-required']);

/**
 * Starting an action takes one confirming step: the dialog repeats the type, the reach and the SMS. Confirmed,
 * the action is created and started, or waits for a second centralist's approval (then the error says so).
 */
export function setUpStartDialog(deps: {
  readonly api: ConsoleApi;
  readonly texts: ConsoleTexts;
  readonly area: IncidentArea;
  readonly message: MessageDraft;
  readonly current: CurrentAction;
  /** Runs once the action has started. */
  readonly onStarted: (action: ConsoleAction) => void;
}): void {
  const { api, texts, area, message, current } = deps;
  const dialog = byId('bevestig', HTMLDialogElement);
  const yes = byId('bevestig-ja', HTMLButtonElement);
  const error = byId('start-fout');

  byId('start-knop').addEventListener('click', () => {
    showError(error, null);
    if (!area.current()) return showError(error, texts.areaFirst);
    if (!byId('bericht', HTMLTextAreaElement).value.trim()) return showError(error, texts.messageFirst);
    const reach = document.querySelector('[data-bereik]')?.textContent ?? '?';
    const box = byId('bevestig-inhoud');
    box.replaceChildren();
    const p1 = document.createElement('p');
    p1.textContent = fillTemplate(texts.confirm, { type: message.typeLabel() ?? '', n: reach });
    const p2 = document.createElement('p');
    p2.className = 'preview';
    p2.textContent =
      byId('voorbeeld-inhoud').querySelector('.preview')?.textContent ?? byId('bericht', HTMLTextAreaElement).value;
    box.append(p1, p2);
    dialog.showModal();
    // Enter or a stray key must not alert an area: the safe choice has the focus.
    byId('bevestig-nee', HTMLButtonElement).focus();
  });
  byId('bevestig-nee').addEventListener('click', () => dialog.close());
  yes.addEventListener('click', async () => {
    yes.disabled = true;
    try {
      const type = byId('type', HTMLSelectElement).value;
      const meldkamer = document.getElementById('meldkamer');
      const body = {
        ...message.draft(),
        missingChild: byId('vermist-kind', HTMLInputElement).checked && type === 'vermissing',
        area: area.current(),
        ...(meldkamer instanceof HTMLSelectElement ? { meldkamerCode: meldkamer.value } : {}),
      };
      const created =
        current.action !== null && current.action.status === 'concept'
          ? current.action
          : await api<ConsoleAction>('POST', '/api/v1/actions', body);
      current.action = created;
      try {
        current.action = await api<ConsoleAction>('POST', `/api/v1/actions/${created.id}/start`, {});
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'action.approval-required') {
          dialog.close();
          showError(error, fillTemplate(texts.approvalRequired, { number: created.number }));
          return;
        }
        // Above the caps, or reaching far into another meldkamer's region: the concept waits for approvals
        // (the server says whose); starting again later starts this same concept.
        if (failure instanceof ApiError && WAITS_FOR_APPROVAL.has(failure.code ?? '')) {
          dialog.close();
          showError(error, `${fillTemplate(texts.waitingForApproval, { number: created.number })} ${failure.message}`);
          return;
        }
        throw failure;
      }
      dialog.close();
      deps.onStarted(current.action);
    } catch (failure) {
      dialog.close();
      showError(error, failure);
    } finally {
      yes.disabled = false;
    }
  });
}
