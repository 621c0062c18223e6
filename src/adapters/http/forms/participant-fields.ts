import type { SignUpPayload } from '../../../app/self-service/sign-up.js';
import type { SelfServiceTexts } from '../../../domain/messages/self-service-texts.js';
import { radioGroup } from '../html/choice-fields.js';
import { textField } from '../html/form-fields.js';
import { html, type SafeHtml } from '../html/html.js';
import type { FieldErrors } from './form-values.js';

export function addressFields(
  texts: SelfServiceTexts,
  values: { postcode: string; huisnummer: string; toevoeging: string },
  errors: FieldErrors,
): SafeHtml {
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

/** "1234 AB 12 A, Ede" or, when the geocoder knows the street, "Dorpsstraat 12 A, Ede". */
export function addressLine(p: Pick<SignUpPayload, 'street' | 'city' | 'address'>): string {
  const number = `${p.address.houseNumber}${p.address.houseNumberAddition === null ? '' : ` ${p.address.houseNumberAddition}`}`;
  const place = p.street ?? `${p.address.postcode.slice(0, 4)} ${p.address.postcode.slice(4)}`;
  return `${place} ${number}, ${p.city}`;
}
