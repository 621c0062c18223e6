import type { SelfServiceTexts } from '../../../domain/messages/self-service-texts.js';
import { hiddenFields } from '../html/choice-fields.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html, type SafeHtml } from '../html/html.js';

export interface CodeFormOptions {
  readonly title: string;
  readonly sent: string;
  readonly minutes: number;
  readonly action: string;
  readonly verificationId: string;
  readonly error: string | null;
  readonly csrf: string;
  /** Values to carry along (sign-up: to ask for a new code without typing everything again). */
  readonly carry?: Readonly<Record<string, string>>;
  /** Where "Nieuwe code aanvragen" posts the carried values; none: a link back. */
  readonly newCodeAction: string;
}

export function codeForm(texts: SelfServiceTexts, o: CodeFormOptions): SafeHtml {
  const t = texts.signUp;
  const errors: Record<string, string> = o.error === null ? {} : { code: o.error };
  return html`<h1>${o.title}</h1>
${errorSummary(errors)}
<p>${o.sent} ${t.codeValid(o.minutes)}</p>
<form method="post" action="${o.action}" novalidate>
${csrfField(o.csrf)}
<input type="hidden" name="verificatie" value="${o.verificationId}">
${o.carry === undefined ? null : hiddenFields(o.carry)}
${textField({ name: 'code', label: t.code, hint: t.codeHint, error: o.error, required: true, inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: 6 })}
<div class="button-row">
<button type="submit">${t.confirm}</button>
<button type="submit" class="secondary" formaction="${o.newCodeAction}" formnovalidate>${t.newCode}</button>
</div>
</form>`;
}
