import { el } from '../../elements.js';
import { showError, type ConsoleApi } from './console-api.js';
import type { ConsoleTexts } from './console-texts.js';

/** POST /api/v1/actions/:id/tips/:tipId/callback-number. */
interface RevealedNumber {
  /** International form, for the tel: link. */
  readonly phone: string;
  /** As people write it (06 12345678). */
  readonly display: string;
}

const NOTE_MAX_LENGTH = 200;

/**
 * "Terugbelnummer: verborgen — toon nummer". The button opens a small form asking why (a required choice and
 * optional words); only then does the server give the number, and it writes the read to the audit log.
 */
export function callbackNumberLine(
  texts: ConsoleTexts['callbackNumber'],
  api: ConsoleApi,
  actionId: string,
  tipId: string,
): HTMLElement {
  const formId = `tip-${tipId}-doel`;
  const value = el('span', { class: 'tip-callback-value' }, texts.hidden);
  const show = el(
    'button',
    { type: 'button', class: 'link-button', 'aria-expanded': 'false', 'aria-controls': formId },
    texts.show,
  );
  const separator = el('span', { 'aria-hidden': 'true' }, ' — ');
  const purposes = Object.entries(texts.purposes).map(([purpose, label]) =>
    el('label', {}, el('input', { type: 'radio', name: `${formId}-keuze`, value: purpose }), ` ${label}`),
  );
  const noteId = `tip-${tipId}-toelichting`;
  const note = el('input', { id: noteId, name: 'note', maxlength: String(NOTE_MAX_LENGTH), autocomplete: 'off' });
  const error = el('p', { class: 'error-message', role: 'alert', hidden: '' });
  const cancel = el('button', { type: 'button', class: 'secondary small' }, texts.cancel);
  const form = el(
    'form',
    { id: formId, class: 'tip-reveal', novalidate: '', hidden: '' },
    el('fieldset', {}, el('legend', {}, texts.purposeLegend), ...purposes),
    el('div', { class: 'field' }, el('label', { for: noteId }, texts.note), note),
    el('p', { class: 'hint' }, texts.audited),
    error,
    el('button', { type: 'submit', class: 'small' }, texts.submit),
    ' ',
    cancel,
  );
  const line = el('p', { class: 'tip-callback' }, `${texts.label} `, value, separator, show);

  const toggle = (open: boolean) => {
    form.hidden = !open;
    show.setAttribute('aria-expanded', String(open));
    showError(error, null);
    if (open) form.querySelector('input')?.focus();
    else show.focus();
  };
  show.addEventListener('click', () => toggle(form.hidden));
  cancel.addEventListener('click', () => toggle(false));
  form.addEventListener('change', () => showError(error, null));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.querySelector<HTMLInputElement>('input[type=radio]:checked');
    if (chosen === null) {
      showError(error, texts.choosePurpose);
      form.querySelector('input')?.focus();
      return;
    }
    const body = { purpose: chosen.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) };
    void api<RevealedNumber>(
      'POST',
      `/api/v1/actions/${encodeURIComponent(actionId)}/tips/${encodeURIComponent(tipId)}/callback-number`,
      body,
    )
      .then((revealed) => {
        const link = el('a', { href: `tel:${revealed.phone}` }, revealed.display);
        value.replaceWith(link);
        separator.remove();
        show.remove();
        form.remove();
        link.focus();
      })
      .catch((failure: unknown) => showError(error, failure));
  });
  return el('div', { class: 'tip-callback-block' }, line, form);
}
