import { csrfToken } from '../../csrf-token.js';
import { announce, SESSION_ENDED } from '../session/session-status.js';
import type { ConsoleTexts } from './console-texts.js';

/** A refusal from the API: its problem document's title, detail and field messages, and its stable code. */
export class ApiError extends Error {
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined) {
    super(message);
    this.code = code;
  }
}

interface ProblemJson {
  readonly title?: string;
  readonly detail?: string;
  readonly code?: string;
  readonly errors?: readonly { readonly message: string }[];
}

export type ConsoleApi = <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => Promise<T>;

/**
 * Calls /api/v1 (and the console's own JSON routes) with the session cookie and CSRF token. An expired session
 * goes back to the login page; a refusal becomes an ApiError.
 */
export function createConsoleApi(texts: Pick<ConsoleTexts, 'sessionExpired' | 'failed'>): ConsoleApi {
  const csrf = csrfToken();
  return async <T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { 'x-csrf-token': csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : null,
    });
    if (response.status === 401) {
      // What was typed is kept for after logging in again (session/kept-text.ts).
      announce(SESSION_ENDED);
      window.location.assign('/plein/inloggen?verlopen=1');
      throw new Error(texts.sessionExpired);
    }
    // Our own API's JSON: trusted to have the shape the caller names.
    const json = (response.status === 204 ? {} : await response.json().catch(() => ({}))) as T & ProblemJson;
    if (!response.ok) {
      const fields = (json.errors ?? []).map((e) => e.message).join(' ');
      throw new ApiError([json.title, json.detail, fields].filter(Boolean).join(': ') || texts.failed, json.code);
    }
    return json;
  };
}

/** Shows an error (or hides the element when there is none) in an element with role="alert". */
export function showError(element: HTMLElement, error: unknown): void {
  if (!error) {
    element.hidden = true;
    element.textContent = '';
    return;
  }
  element.textContent =
    error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  element.hidden = false;
}
