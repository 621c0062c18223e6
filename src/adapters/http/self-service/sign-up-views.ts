import type { SelfServiceTexts } from '../../../domain/messages/self-service-texts.js';
import { checkboxField, hiddenFields } from '../html/choice-fields.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html, type SafeHtml } from '../html/html.js';
import type { FieldErrors } from '../forms/form-values.js';
import { addressFields, channelField } from '../forms/participant-fields.js';

/** The sign-up form's raw values, carried from step to step in POST bodies. */
export interface SignUpValues {
  readonly naam: string;
  readonly postcode: string;
  readonly huisnummer: string;
  readonly toevoeging: string;
  readonly kanaal: string;
  readonly telefoon: string;
  readonly email: string;
  readonly akkoord: string;
}

export const SIGN_UP_FIELDS = [
  'naam',
  'postcode',
  'huisnummer',
  'toevoeging',
  'kanaal',
  'telefoon',
  'email',
  'akkoord',
] as const;

export function signUpForm(texts: SelfServiceTexts, values: SignUpValues, errors: FieldErrors, csrf: string): SafeHtml {
  const t = texts.signUp;
  return html`<h1>${t.title}</h1>
${errorSummary(errors)}
<p>${t.intro}</p>
<form method="post" action="/aanmelden" novalidate>
${csrfField(csrf)}
${textField({ name: 'naam', label: t.name, value: values.naam, error: errors.naam, required: true, autocomplete: 'name', maxlength: 200 })}
${addressFields(texts, values, errors)}
${channelField(texts, values.kanaal, errors.kanaal)}
${textField({ name: 'telefoon', label: t.phone, hint: t.phoneHint, value: values.telefoon, error: errors.telefoon, required: true, type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 25 })}
${textField({ name: 'email', label: t.email, hint: t.emailHint, value: values.email, error: errors.email, type: 'email', autocomplete: 'email', inputmode: 'email', maxlength: 254 })}
${checkboxField({ name: 'akkoord', label: t.consent, checked: values.akkoord === 'ja', error: errors.akkoord })}
<p><a href="/privacy">${texts.info.privacy.title}</a></p>
<button type="submit">${t.next}</button>
</form>`;
}

export function confirmAddress(
  texts: SelfServiceTexts,
  values: SignUpValues,
  address: string,
  gemeente: string,
  csrf: string,
): SafeHtml {
  const t = texts.signUp;
  return html`<h1>${t.confirmTitle}</h1>
<p class="address-confirm">${t.confirmQuestion(address)}</p>
<p>${t.confirmGemeente(gemeente)}</p>
<form method="post" action="/aanmelden/code">
${csrfField(csrf)}
${hiddenFields({ ...values })}
<div class="button-row">
<button type="submit">${t.confirmYes}</button>
<button type="submit" class="secondary" formaction="/aanmelden?wijzigen=1">${t.confirmNo}</button>
</div>
</form>`;
}
