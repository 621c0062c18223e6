import type { SelfServiceTexts } from '../../../../domain/messages/self-service-texts.js';
import { checkboxField, hiddenFields, radioGroup } from '../../html/choice-fields.js';
import { csrfField, errorSummary, textField } from '../../html/form-fields.js';
import { html, type SafeHtml } from '../../html/html.js';
import type { FieldErrors } from './form-values.js';

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

export const SIGN_UP_FIELDS = ['naam', 'postcode', 'huisnummer', 'toevoeging', 'kanaal', 'telefoon', 'email', 'akkoord'] as const;

export function addressFields(texts: SelfServiceTexts, values: { postcode: string; huisnummer: string; toevoeging: string }, errors: FieldErrors): SafeHtml {
  const t = texts.signUp;
  return html`${textField({ name: 'postcode', label: t.postcode, hint: t.postcodeHint, value: values.postcode, error: errors.postcode, required: true, autocomplete: 'postal-code', maxlength: 7 })}
${textField({ name: 'huisnummer', label: t.houseNumber, value: values.huisnummer, error: errors.huisnummer, required: true, inputmode: 'numeric', maxlength: 5 })}
${textField({ name: 'toevoeging', label: t.addition, hint: t.additionHint, value: values.toevoeging, error: errors.toevoeging, maxlength: 10 })}`;
}

export function channelField(texts: SelfServiceTexts, value: string, error: string | undefined): SafeHtml {
  const t = texts.signUp;
  return radioGroup({
    name: 'kanaal',
    legend: t.channel,
    value,
    error,
    choices: [
      { value: 'sms', label: t.channelSms },
      { value: 'voice', label: t.channelVoice },
    ],
  });
}

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

export function confirmAddress(texts: SelfServiceTexts, values: SignUpValues, address: string, gemeente: string, csrf: string): SafeHtml {
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
