import { byId, el } from '../../elements.js';
import { fillTemplate, templateParts } from '../../text-template.js';
import type { ConsoleApi } from './console-api.js';
import type { ConsoleTexts } from './console-texts.js';
import type { CurrentAction } from './current-action.js';
import type { IncidentArea } from './incident-area.js';
import type { MessageDraft } from './message-draft.js';

interface Reach {
  readonly recipients: number;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly outsideTimeWindow: number;
  readonly sms?: {
    readonly text: string;
    readonly parts: number;
    readonly units: number;
    readonly encoding: 'gsm7' | 'ucs2';
  };
}

const DEBOUNCE_MS = 250;

/**
 * The reach as the area or the text changes: the server counts recipients per channel and the SMS parts of the
 * message. Asked at most every 250 ms; an answer to an older question is dropped.
 */
export function createReachEstimate(deps: {
  readonly api: ConsoleApi;
  readonly texts: ConsoleTexts;
  readonly area: IncidentArea;
  readonly message: MessageDraft;
  readonly current: CurrentAction;
}): () => void {
  const { api, texts, area: incidentArea, message, current } = deps;
  const box = byId('bereik');
  const counter = byId('teller');
  let asked = 0;

  async function refresh(): Promise<void> {
    const area = incidentArea.current();
    const seq = ++asked;
    if (!area) {
      box.replaceChildren(el('p', {}, texts.reachEmpty));
      return;
    }
    const draft = message.draft();
    try {
      const body = {
        area,
        ...(draft.message ? { draft } : {}),
        ...(current.isRunning && current.action ? { actionId: current.action.id } : {}),
      };
      const reach = await api<Reach>('POST', '/api/v1/reach-estimates', body);
      if (seq !== asked) return;
      const channels = Object.entries(reach.byChannel).map(([c, n]) =>
        el('li', {}, el('span', {}, texts.channels[c] ?? c), ' ', el('strong', { 'data-kanaal': c }, n)),
      );
      const recipients = el('strong', { 'data-bereik': '' }, reach.recipients);
      box.replaceChildren(
        el('p', {}, ...templateParts(current.isRunning ? texts.reachNew : texts.reach, { n: recipients })),
        el('ul', { class: 'channels' }, ...channels),
        ...(reach.outsideTimeWindow > 0
          ? [el('p', { class: 'muted' }, fillTemplate(texts.outsideTimeWindow, { n: reach.outsideTimeWindow }))]
          : []),
      );
      if (reach.sms) {
        const smsParts = fillTemplate(reach.sms.parts === 1 ? texts.smsParts.one : texts.smsParts.other, {
          n: reach.sms.parts,
        });
        counter.textContent = fillTemplate(texts.smsCounter, {
          characters: message.charactersText(),
          units: reach.sms.units,
          encoding: reach.sms.encoding === 'ucs2' ? texts.encodings.ucs2 : texts.encodings.gsm,
          parts: smsParts,
        });
        counter.dataset.parts = String(reach.sms.parts);
        message.renderPreview(reach.sms.text);
      }
    } catch (error) {
      if (seq === asked)
        box.replaceChildren(
          el('p', { class: 'error-message' }, error instanceof Error ? error.message : String(error)),
        );
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), DEBOUNCE_MS);
  };
}
