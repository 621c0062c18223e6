import { csrfToken } from '../../csrf-token.js';
import { byId } from '../../elements.js';
import { fillTemplate } from '../../text-template.js';
import { showError, type ConsoleApi } from './console-api.js';
import { confirmStep } from './step-dialog.js';
import type { ActionTypeSetting, ConsoleTexts } from './console-texts.js';
import type { ConsoleAction, CurrentAction } from './current-action.js';
import type { IncidentArea } from './incident-area.js';

/**
 * What a centralist does with a running action: send an update, widen it to the area now drawn, add a photo,
 * close it with a result, withdraw it; and start over with a new one (`onNewAction`).
 */
export function setUpActionControls(deps: {
  readonly api: ConsoleApi;
  readonly types: readonly ActionTypeSetting[];
  readonly texts: ConsoleTexts;
  readonly area: IncidentArea;
  readonly current: CurrentAction;
  readonly onNewAction: () => void;
}): void {
  const { api, texts, area, current, types } = deps;
  const error = byId('lopend-fout');
  const status = byId('actie-status');
  const running = (): ConsoleAction => {
    if (current.action === null) throw new Error(texts.failed);
    return current.action;
  };
  const afterChange = (updated: ConsoleAction | { readonly action: ConsoleAction }) => {
    current.action = 'action' in updated ? updated.action : updated;
    status.textContent = current.action.status;
  };
  const run = (buttonId: string, work: () => Promise<void>) => {
    const button = byId(buttonId, HTMLButtonElement);
    button.addEventListener('click', async () => {
      showError(error, null);
      button.disabled = true;
      try {
        await work();
      } catch (failure) {
        showError(error, failure);
      } finally {
        button.disabled = false;
      }
    });
  };

  run('vervolg-knop', async () => {
    const update = byId('vervolg', HTMLTextAreaElement);
    afterChange(await api('POST', `/api/v1/actions/${running().id}/updates`, { text: update.value.trim() }));
    update.value = '';
  });
  run('verruim-knop', async () =>
    afterChange(await api('POST', `/api/v1/actions/${running().id}/widen`, { area: area.current() })),
  );
  // Only the results that fit this action's type, and none chosen until the centralist chooses one.
  const resultSelect = byId('resultaat', HTMLSelectElement);
  resultSelect.closest('details')?.addEventListener('toggle', () => {
    const fitting = types.find((t) => t.type === current.action?.type)?.results ?? [];
    for (const option of Array.from(resultSelect.options)) {
      const fits = option.value === '' || fitting.includes(option.value);
      option.hidden = !fits;
      option.disabled = !fits;
    }
    if (!fitting.includes(resultSelect.value)) resultSelect.value = '';
  });
  run('afsluit-knop', async () => {
    if (resultSelect.value === '') {
      resultSelect.focus();
      throw new Error(texts.chooseResult);
    }
    const closingText = byId('afloop', HTMLTextAreaElement).value.trim();
    const confirmed = await confirmStep({
      heading: texts.closeHeading,
      lines: [
        fillTemplate(texts.closeResult, { result: resultSelect.selectedOptions[0]?.textContent ?? resultSelect.value }),
        closingText === '' ? texts.closeDefaultText : fillTemplate(texts.closeText, { text: closingText }),
        texts.confirmClose,
      ],
      yes: texts.closeYes,
    });
    if (!confirmed) return;
    afterChange(
      await api('POST', `/api/v1/actions/${running().id}/close`, {
        result: resultSelect.value,
        ...(closingText ? { closingText } : {}),
      }),
    );
  });
  run('intrek-knop', async () => {
    const confirmed = await confirmStep({
      heading: texts.withdrawHeading,
      lines: [texts.confirmWithdraw],
      yes: texts.withdrawYes,
    });
    if (!confirmed) return;
    afterChange(await api('POST', `/api/v1/actions/${running().id}/withdraw`, {}));
  });

  byId('foto-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    showError(error, null);
    const file = byId('foto', HTMLInputElement).files?.[0];
    if (!file || !current.action) return;
    const form = new FormData();
    form.append('photo', file);
    const response = await fetch(`/api/v1/actions/${current.action.id}/photo`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrfToken() },
      body: form,
    });
    if (!response.ok) {
      const json = (await response.json().catch(() => ({}))) as { title?: string; detail?: string };
      showError(error, [json.title, json.detail].filter(Boolean).join(': ') || texts.photoFailed);
    } else {
      const summary = byId('foto-blok').querySelector('summary');
      if (summary) summary.textContent = texts.photoPlaced;
    }
  });
  byId('nieuw-knop').addEventListener('click', deps.onNewAction);
}
