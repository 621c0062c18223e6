// Passkeys (WebAuthn) for Burgernetplein: a button with data-passkey="login" or "register" fetches options
// from data-options, asks the browser, and posts the result to data-verify; the server answers where to go.
import { csrfToken } from '../csrf-token.js';
import { readPageData } from '../page-data.js';
import {
  authenticate,
  register,
  type AuthenticationOptionsJson,
  type RegistrationOptionsJson,
} from './passkey-credentials.js';

interface PasskeyTexts {
  readonly failed: string;
  readonly unsupported: string;
  readonly notUsed: string;
  readonly newLabel: string;
}

const texts = readPageData<PasskeyTexts>('texts-passkey');

async function post<T>(url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
    body: JSON.stringify(body ?? {}),
  });
  const json = (await response.json().catch(() => ({}))) as T & { detail?: string; title?: string };
  if (!response.ok) throw new Error(json.detail || json.title || texts.failed);
  return json;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-passkey]')) {
  const error = button.parentElement?.querySelector<HTMLElement>('[data-passkey-error]') ?? null;
  if (!('PublicKeyCredential' in window)) {
    button.disabled = true;
    if (error) {
      error.textContent = texts.unsupported;
      error.hidden = false;
    }
    continue;
  }
  button.addEventListener('click', async () => {
    button.disabled = true;
    if (error) error.hidden = true;
    try {
      const options = await post<RegistrationOptionsJson & AuthenticationOptionsJson>(button.dataset.options ?? '');
      const result =
        button.dataset.passkey === 'register'
          ? { label: texts.newLabel, response: await register(options) }
          : await authenticate(options);
      const next = await post<{ location?: string }>(button.dataset.verify ?? '', result);
      window.location.assign(next.location || '/plein');
    } catch (e) {
      if (error) {
        error.textContent = e instanceof Error && e.name !== 'NotAllowedError' ? e.message : texts.notUsed;
        error.hidden = false;
      }
      button.disabled = false;
    }
  });
}
