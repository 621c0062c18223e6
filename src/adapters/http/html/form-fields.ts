import { html, type SafeHtml } from './html.js';

export interface FieldOptions {
  readonly name: string;
  readonly label: string;
  readonly value?: string | null;
  /** The Dutch message shown next to the field when the server refused its value. */
  readonly error?: string | null;
  readonly hint?: string | null;
  readonly type?: 'text' | 'email' | 'tel' | 'password' | 'number' | 'date' | 'time' | 'search' | 'url';
  readonly autocomplete?: string;
  readonly required?: boolean;
  readonly inputmode?: 'numeric' | 'tel' | 'email' | 'text';
  readonly maxlength?: number;
}

/** A labelled input with its hint and error tied to it (aria-describedby), so screen readers read both. */
export function textField(field: FieldOptions): SafeHtml {
  const id = `veld-${field.name}`;
  const describedBy = [field.hint ? `${id}-hint` : null, field.error ? `${id}-fout` : null].filter(Boolean).join(' ');
  return html`<div class="field${field.error ? ' field-error' : ''}">
<label for="${id}">${field.label}${field.required ? null : html` <span class="optional">(niet verplicht)</span>`}</label>
${field.hint ? html`<p class="hint" id="${id}-hint">${field.hint}</p>` : null}
${field.error ? html`<p class="error-message" id="${id}-fout"><span class="visually-hidden">Fout:</span> ${field.error}</p>` : null}
<input id="${id}" name="${field.name}" type="${field.type ?? 'text'}" value="${field.value ?? ''}"${
    field.autocomplete ? html` autocomplete="${field.autocomplete}"` : null
  }${field.inputmode ? html` inputmode="${field.inputmode}"` : null}${field.maxlength ? html` maxlength="${field.maxlength}"` : null}${
    field.required ? html` required` : null
  }${field.error ? html` aria-invalid="true"` : null}${describedBy ? html` aria-describedby="${describedBy}"` : null}>
</div>`;
}

/** The list of problems at the top of a refused form; each links to its field. Focus it after submit. */
export function errorSummary(errors: Readonly<Record<string, string>>): SafeHtml | null {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return html`<div class="error-summary" role="alert" tabindex="-1" id="foutmeldingen">
<h2>Controleer de volgende ${entries.length === 1 ? 'gegevens' : 'gegevens'}</h2>
<ul>${entries.map(([name, message]) => html`<li><a href="#veld-${name}">${message}</a></li>`)}</ul>
</div>`;
}

/** The hidden CSRF token every form posts back. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}
