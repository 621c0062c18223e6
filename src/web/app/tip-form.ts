// The tip form on an action's page: checked on the phone first (a text, a photo not too large), then sent with
// the phone's random id; the server's refusals are shown next to the field they are about.
import { byId } from '../elements.js';
import type { AppTexts } from './app-page-data.js';

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const FIELDS = ['text', 'photo', 'phone'] as const;
type Field = (typeof FIELDS)[number];
type FieldMessages = Partial<Record<Field, string>>;

interface Problem {
  readonly title?: string;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: readonly { readonly path: string; readonly message: string }[];
}

const isField = (path: string): path is Field => FIELDS.some((field) => field === path);

function showErrors(texts: AppTexts, messages: FieldMessages): void {
  const summary = byId('tip-fouten');
  for (const field of FIELDS) {
    const error = byId(`veld-${field}-fout`);
    const input = byId(`veld-${field}`);
    const message = messages[field];
    error.hidden = message === undefined;
    error.textContent = message === undefined ? '' : message;
    byId(`veld-groep-${field}`).classList.toggle('field-error', message !== undefined);
    if (message === undefined) {
      input.removeAttribute('aria-invalid');
      input.setAttribute('aria-describedby', `veld-${field}-hint`);
    } else {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `veld-${field}-hint veld-${field}-fout`);
    }
  }
  const entries = Object.entries(messages);
  summary.replaceChildren();
  if (entries.length === 0) return;
  const box = document.createElement('div');
  box.className = 'error-summary';
  box.setAttribute('role', 'alert');
  box.tabIndex = -1;
  const heading = document.createElement('h3');
  heading.textContent = texts.tipErrorsHeading;
  box.append(heading);
  const list = document.createElement('ul');
  for (const [field, message] of entries) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `#veld-${isField(field) ? field : 'text'}`;
    link.textContent = message;
    item.append(link);
    list.append(item);
  }
  box.append(list);
  summary.append(box);
  box.focus();
}

/** Which field a refusal from the server belongs to. */
function messagesOf(problem: Problem): FieldMessages {
  const message = [problem.title, problem.detail].filter(Boolean).join('. ');
  if (problem.code?.startsWith('photo.')) return { photo: message };
  if (problem.code === 'tip.invalid-phone-number') return { phone: message };
  const errors: NonNullable<Problem['errors']> = Array.isArray(problem.errors) ? problem.errors : [];
  if (errors.some((e) => isField(e.path))) {
    const messages: FieldMessages = {};
    for (const e of errors) if (isField(e.path)) messages[e.path] = e.message;
    return messages;
  }
  return { text: message };
}

/** Sets up the form when the action takes tips (the page has it only then); `deviceId` is the phone's random id. */
export function setUpTipForm(texts: AppTexts, deviceId: () => string): void {
  const form = document.getElementById('tip-formulier');
  if (!(form instanceof HTMLFormElement)) return;
  form.hidden = false;
  const status = byId('tip-status');
  const submit = byId('tip-verstuur', HTMLButtonElement);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = byId('veld-text', HTMLTextAreaElement).value.trim();
    const photo = byId('veld-photo', HTMLInputElement).files?.[0];
    const local: FieldMessages = {};
    if (text === '') local.text = texts.tipTextRequired;
    if (photo !== undefined && photo.size > MAX_PHOTO_BYTES) local.photo = texts.tipTooLarge;
    showErrors(texts, local);
    if (Object.keys(local).length > 0) return;
    submit.disabled = true;
    status.textContent = texts.tipSending;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        body: new FormData(form),
        headers: { 'x-burgernet-device': deviceId() },
      });
      if (response.ok) {
        form.reset();
        showErrors(texts, {});
        status.textContent = texts.tipSent;
      } else {
        const problem = (await response.json().catch(() => ({}))) as Problem;
        status.textContent = texts.tipFailed;
        showErrors(texts, messagesOf(problem));
      }
    } catch {
      status.textContent = texts.tipFailed;
    } finally {
      submit.disabled = false;
    }
  });
}
