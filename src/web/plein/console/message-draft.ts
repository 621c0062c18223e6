import { byId } from '../../elements.js';
import { fillTemplate } from '../../text-template.js';
import { keepTypedText } from '../session/kept-text.js';
import type { ActionTypeSetting, ConsoleTexts } from './console-texts.js';

/** The message as the API takes it: a draft for the reach estimate, and the body of a new action. */
export interface Draft {
  readonly type: string;
  readonly message: string;
  readonly description: string | undefined;
  readonly instructions: string | undefined;
}

export interface MessageDraft {
  draft(): Draft;
  typeLabel(): string | undefined;
  /** "n tekens", for the counter under the message. */
  charactersText(): string;
  /** Shows the SMS as the server will send it, and the voice and app texts built from the message. */
  renderPreview(smsText: string): void;
  /** Starts again from the chosen type's template (unless the centralist has written their own message). */
  applyTemplate(): void;
  /** Forgets that the centralist wrote their own message, so that the next template replaces it. */
  forgetEdits(): void;
  /** Puts back what was typed before the session ended (kept in this tab); call after applyTemplate. */
  restoreKept(): boolean;
}

/** The message step: type, text, description and instructions; `onChange` runs when any of them changes. */
export function createMessageDraft(
  texts: ConsoleTexts,
  types: readonly ActionTypeSetting[],
  onChange: () => void,
): MessageDraft {
  const type = byId('type', HTMLSelectElement);
  const message = byId('bericht', HTMLTextAreaElement);
  const description = byId('omschrijving', HTMLTextAreaElement);
  const instructions = byId('instructies', HTMLTextAreaElement);
  const counter = byId('teller');

  const draft = (): Draft => ({
    type: type.value,
    message: message.value.trim(),
    description: description.value.trim() || undefined,
    instructions: instructions.value.trim() || undefined,
  });
  const typeLabel = () => types.find((t) => t.type === type.value)?.label;
  const charactersText = () => fillTemplate(texts.characters, { n: message.value.length });

  function renderPreview(smsText: string): void {
    const box = byId('voorbeeld-inhoud');
    box.replaceChildren();
    const add = (label: string, text: string) => {
      const h = document.createElement('h3');
      h.textContent = label;
      const p = document.createElement('p');
      p.className = 'preview';
      p.textContent = text;
      box.append(h, p);
    };
    add(texts.previewSms, smsText);
    add(
      texts.previewVoice,
      fillTemplate(texts.voicePreview, { message: draft().message, description: draft().description ?? '' }).trim(),
    );
    add(texts.previewApp, fillTemplate(texts.appPreview, { type: typeLabel() ?? '', message: draft().message }));
  }

  function applyTemplate(): void {
    const chosen = types.find((x) => x.type === type.value);
    byId('instructies-veld').hidden = type.value !== 'noodsituatie';
    byId('vermist-kind', HTMLInputElement).disabled = type.value !== 'vermissing';
    if (!message.dataset.edited && chosen) message.value = chosen.template;
    counter.textContent = charactersText();
    onChange();
  }

  // An ended session keeps the draft (the message only when the centralist wrote it, not a bare template).
  const kept = keepTypedText(
    'console-bericht',
    [type, message, description, instructions],
    (field) => field !== message || message.dataset.edited === 'ja',
  );

  type.addEventListener('change', applyTemplate);
  for (const field of [message, description, instructions]) {
    field.addEventListener('input', () => {
      if (field === message) message.dataset.edited = message.value ? 'ja' : '';
      counter.textContent = charactersText();
      onChange();
    });
  }

  return {
    draft,
    typeLabel,
    charactersText,
    renderPreview,
    applyTemplate,
    forgetEdits() {
      message.dataset.edited = '';
    },
    restoreKept: () => kept.restore(),
  };
}
