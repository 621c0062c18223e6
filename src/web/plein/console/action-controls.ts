import { csrfToken } from '../../csrf-token.js';
import { byId } from '../../elements.js';
import { fillTemplate } from '../../text-template.js';
import type { ActionSummary } from './action-summary.js';
import { showError, type ConsoleApi } from './console-api.js';
import { showStatus } from './status-badge.js';
import { confirmStep } from './step-dialog.js';
import type { ActionTypeSetting, ConsoleTexts } from './console-texts.js';
import type { ConsoleAction, CurrentAction } from './current-action.js';
import type { ApiArea, IncidentArea } from './incident-area.js';

/** The controls that act on a running action (live-action-controls.ts renders them), switched off once it has ended. */
const STEP_CONTROLS = ['vervolg', 'vervolg-knop', 'verruim-knop', 'verplaats-knop', 'foto', 'resultaat', 'afloop'];
const STEP_BUTTONS = ['afsluit-knop', 'intrek-knop'];

/** A rough SMS part count for an update as it is typed (the server composes the real one): 160, then 153 a part. */
function roughParts(length: number): number {
  return length <= 160 ? 1 : Math.ceil(length / 153);
}

/**
 * What a centralist does with a running action, in the console and on the action's page: send an update, widen or
 * move its area, add a photo, close it with a result, withdraw it. Every step that reaches people asks first in a
 * dialog that says what goes to how many people, and tells afterwards what happened, with the focus on that
 * message; `onChanged` runs after each step that changed the action.
 */
export function setUpActionControls(deps: {
  readonly api: ConsoleApi;
  readonly types: readonly ActionTypeSetting[];
  readonly texts: ConsoleTexts;
  readonly area: IncidentArea;
  readonly current: CurrentAction;
  readonly summary: ActionSummary;
  readonly onChanged?: () => void;
}): { readonly announce: (text: string) => void; readonly showEnded: (ended: boolean) => void } {
  const { api, texts, area, current, types, summary } = deps;
  const live = texts.live;
  const error = byId('lopend-fout');
  const notice = byId('stap-melding');
  const running = (): ConsoleAction => {
    if (current.action === null) throw new Error(texts.failed);
    return current.action;
  };
  /** Says what a step did, and puts the focus there (so a screen reader reads it, and the keyboard starts there). */
  const announce = (text: string) => {
    notice.textContent = text;
    notice.hidden = false;
    notice.focus();
  };
  const showEnded = (ended: boolean) => {
    for (const id of [...STEP_CONTROLS, ...STEP_BUTTONS]) {
      const control = byId(id) as HTMLButtonElement | HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
      control.disabled = ended;
    }
  };
  const afterChange = (updated: ConsoleAction | { readonly action: ConsoleAction }) => {
    current.action = 'action' in updated ? updated.action : updated;
    showStatus(current.action.status);
    showEnded(!current.isRunning);
    void summary.refresh(current.action.id).catch((failure: unknown) => showError(error, failure));
    deps.onChanged?.();
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
        // An ended action keeps its buttons off.
        button.disabled = !current.isRunning;
      }
    });
  };
  const drawn = (): ApiArea => {
    const proposed = area.current();
    if (proposed === null) throw new Error(live.drawFirst);
    return proposed;
  };
  /**
   * The people the alert reached so far, read again before a dialog says it: a widening's new people are added
   * while their messages are made, after the step itself.
   */
  const reachedNow = async (): Promise<number> => {
    await summary.refresh(running().id);
    return summary.reached;
  };
  const newPeople = async (proposed: ApiArea): Promise<number> =>
    (
      await api<{ recipients: number }>('POST', '/api/v1/reach-estimates', {
        area: proposed,
        actionId: running().id,
      })
    ).recipients;

  const update = byId('vervolg', HTMLTextAreaElement);
  const counter = byId('vervolg-teller');
  update.addEventListener('input', () => {
    const length = update.value.trim().length;
    counter.textContent =
      length === 0 ? '' : fillTemplate(live.updateCounter, { n: length, parts: roughParts(length) });
  });
  run('vervolg-knop', async () => {
    const text = update.value.trim();
    if (text === '') {
      update.focus();
      throw new Error(live.updateEmpty);
    }
    const confirmed = await confirmStep({
      heading: live.updateHeading,
      lines: [fillTemplate(live.updateTo, { n: await reachedNow() }), fillTemplate(live.updateText, { text })],
      yes: live.updateYes,
    });
    if (!confirmed) return;
    const sent = await api<{ action: ConsoleAction; recipients: number }>(
      'POST',
      `/api/v1/actions/${running().id}/updates`,
      { text },
    );
    afterChange(sent);
    update.value = '';
    counter.textContent = '';
    announce(fillTemplate(live.done.update, { n: sent.recipients }));
  });
  run('verruim-knop', async () => {
    const proposed = drawn();
    const n = await newPeople(proposed);
    const confirmed = await confirmStep({
      heading: live.widenHeading,
      lines: [live.widenLine, fillTemplate(live.newPeople, { n })],
      yes: live.widenYes,
    });
    if (!confirmed) return;
    afterChange(await api('POST', `/api/v1/actions/${running().id}/widen`, { area: proposed }));
    announce(fillTemplate(live.done.widened, { n }));
  });
  run('verplaats-knop', async () => {
    const proposed = drawn();
    const n = await newPeople(proposed);
    const confirmed = await confirmStep({
      heading: live.moveHeading,
      lines: [
        live.moveLine,
        fillTemplate(live.newPeople, { n }),
        fillTemplate(live.moveReached, { n: await reachedNow() }),
      ],
      yes: live.moveYes,
    });
    if (!confirmed) return;
    afterChange(await api('POST', `/api/v1/actions/${running().id}/move-area`, { area: proposed, confirmed: true }));
    announce(fillTemplate(live.done.moved, { n }));
  });
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
        `${texts.confirmClose} (${fillTemplate(live.updateTo, { n: await reachedNow() })})`,
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
    announce(`${live.done.closed} ${live.ended}`);
  });
  run('intrek-knop', async () => {
    const confirmed = await confirmStep({
      heading: texts.withdrawHeading,
      lines: [texts.confirmWithdraw, fillTemplate(live.updateTo, { n: await reachedNow() })],
      yes: texts.withdrawYes,
    });
    if (!confirmed) return;
    afterChange(await api('POST', `/api/v1/actions/${running().id}/withdraw`, {}));
    announce(`${live.done.withdrawn} ${live.ended}`);
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
      const summaryElement = byId('foto-blok').querySelector('summary');
      if (summaryElement) summaryElement.textContent = texts.photoPlaced;
      void summary.refresh(current.action.id).catch((failure: unknown) => showError(error, failure));
      announce(texts.photoPlaced);
      deps.onChanged?.();
    }
  });
  return { announce, showEnded };
}
