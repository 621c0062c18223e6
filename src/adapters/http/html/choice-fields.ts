import { html, type SafeHtml } from './html.js';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

interface ChoiceGroupOptions {
  readonly name: string;
  readonly legend: string;
  readonly choices: readonly Choice[];
  readonly error?: string | null;
  readonly hint?: string | null;
  /** Inline: the choices side by side (days of the week). */
  readonly inline?: boolean;
}

/**
 * Radio buttons or checkboxes in a fieldset with its legend; the error and hint belong to the group. The first
 * input carries the `veld-<name>` id so that the error summary's link lands on it.
 */
function choiceGroup(
  kind: 'radio' | 'checkbox',
  options: ChoiceGroupOptions,
  isChecked: (value: string) => boolean,
): SafeHtml {
  const id = `veld-${options.name}`;
  const describedBy = [options.hint ? `${id}-hint` : null, options.error ? `${id}-fout` : null]
    .filter(Boolean)
    .join(' ');
  return html`<fieldset class="field choices${options.inline ? ' choices-inline' : ''}${options.error ? ' field-error' : ''}"${describedBy ? html` aria-describedby="${describedBy}"` : null}>
<legend>${options.legend}</legend>
${options.hint ? html`<p class="hint" id="${id}-hint">${options.hint}</p>` : null}
${options.error ? html`<p class="error-message" id="${id}-fout"><span class="visually-hidden">Fout:</span> ${options.error}</p>` : null}
${options.choices.map(
  (
    c,
    i,
  ) => html`<div class="choice"><input type="${kind}" id="${i === 0 ? id : `${id}-${c.value}`}" name="${options.name}" value="${c.value}"${isChecked(c.value) ? html` checked` : null}>
<label for="${i === 0 ? id : `${id}-${c.value}`}">${c.label}</label></div>`,
)}
</fieldset>`;
}

export function radioGroup(options: ChoiceGroupOptions & { readonly value: string | null }): SafeHtml {
  return choiceGroup('radio', options, (v) => v === options.value);
}

export function checkboxGroup(options: ChoiceGroupOptions & { readonly values: readonly string[] }): SafeHtml {
  return choiceGroup('checkbox', options, (v) => options.values.includes(v));
}

/** One checkbox with its label (consent). */
export function checkboxField(options: {
  readonly name: string;
  readonly label: string;
  readonly checked: boolean;
  readonly error?: string | null;
}): SafeHtml {
  const id = `veld-${options.name}`;
  return html`<div class="field choice-single${options.error ? ' field-error' : ''}">
${options.error ? html`<p class="error-message" id="${id}-fout"><span class="visually-hidden">Fout:</span> ${options.error}</p>` : null}
<div class="choice"><input type="checkbox" id="${id}" name="${options.name}" value="ja"${options.checked ? html` checked` : null}${
    options.error ? html` aria-invalid="true" aria-describedby="${id}-fout"` : null
  }>
<label for="${id}">${options.label}</label></div>
</div>`;
}

/** Hidden inputs that carry a form's values to the next step (a POST body: never in a URL). */
export function hiddenFields(values: Readonly<Record<string, string | readonly string[]>>): SafeHtml {
  return html`${Object.entries(values).map(([name, value]) =>
    (typeof value === 'string' ? [value] : value).map((v) => html`<input type="hidden" name="${name}" value="${v}">`),
  )}`;
}
