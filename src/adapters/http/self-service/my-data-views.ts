import type { MyData } from '../../../app/self-service/my-data.js';
import type { StoredRegistration } from '../../../app/ports/participant-repository.js';
import type { SelfServiceTexts } from '../../../domain/messages/self-service-texts.js';
import { formatTimeWindows, WEEKDAYS } from '../../../domain/time-window/time-window.js';
import { checkboxGroup } from '../html/choice-fields.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html, type SafeHtml } from '../html/html.js';
import { addressFields, addressLine, channelField } from '../forms/participant-fields.js';
import type { FieldErrors } from '../forms/form-values.js';
import { amsterdamDay, formatDateTime, formatLongDate } from './amsterdam-date.js';

export interface AddressFormValues {
  readonly postcode: string;
  readonly huisnummer: string;
  readonly toevoeging: string;
  readonly kanaal: string;
  readonly dagen: readonly string[];
  readonly van: string;
  readonly tot: string;
}

export const EMPTY_ADDRESS: AddressFormValues = {
  postcode: '',
  huisnummer: '',
  toevoeging: '',
  kanaal: 'sms',
  dagen: [],
  van: '',
  tot: '',
};

export function timeFields(
  texts: SelfServiceTexts,
  values: Pick<AddressFormValues, 'dagen' | 'van' | 'tot'>,
  errors: FieldErrors,
): SafeHtml {
  const t = texts.myData;
  return html`${checkboxGroup({
    name: 'dagen',
    legend: t.days,
    hint: t.daysHint,
    inline: true,
    values: values.dagen,
    choices: WEEKDAYS.map((d) => ({ value: d, label: t.dayNames[d] ?? d })),
  })}
<div class="time-pair">
${textField({ name: 'van', label: t.from, hint: t.timeHint, value: values.van, error: errors.van, type: 'time', maxlength: 5 })}
${textField({ name: 'tot', label: t.to, hint: t.timeHint, value: values.tot, error: errors.tot, type: 'time', maxlength: 5 })}
</div>`;
}

function registrationCard(
  texts: SelfServiceTexts,
  r: StoredRegistration,
  gemeenteName: (code: string) => string,
  csrf: string,
): SafeHtml {
  const t = texts.myData;
  return html`<section class="card" aria-labelledby="adres-${r.id}">
<h3 id="adres-${r.id}">${addressLine(r)}</h3>
<dl class="facts">
<dt>${t.phone}</dt><dd>${r.msisdn}</dd>
<dt>${t.channel}</dt><dd>${t.channelNames[r.channel] ?? r.channel}</dd>
<dt>${t.times}</dt><dd>${r.timeWindows.length === 0 ? t.always : formatTimeWindows(r.timeWindows)}</dd>
<dt>${t.gemeente}</dt><dd>${gemeenteName(r.gemeenteCode)}</dd>
</dl>
<div class="button-row">
<a class="button secondary" href="/mijn-gegevens/adres/${r.id}">${t.change}<span class="visually-hidden"> ${addressLine(r)}</span></a>
<form class="inline-form" method="post" action="/mijn-gegevens/adres/${r.id}/verwijderen">${csrfField(csrf)}<button type="submit" class="secondary">${t.remove}<span class="visually-hidden"> ${addressLine(r)}</span></button></form>
</div>
</section>`;
}

export interface OverviewOptions {
  readonly data: MyData;
  readonly csrf: string;
  readonly errors: FieldErrors;
  readonly address: AddressFormValues;
  readonly details: { readonly naam: string; readonly email: string } | null;
  readonly pause: { readonly van: string; readonly tot: string } | null;
  readonly gemeenteName: (code: string) => string;
  readonly now: Date;
}

export function overview(texts: SelfServiceTexts, o: OverviewOptions): SafeHtml {
  const t = texts.myData;
  const p = o.data.participant;
  const pause = p.pause ?? null;
  const pauseActive = pause !== null && pause.until.getTime() > o.now.getTime();
  const emailStatus =
    p.email === null ? t.noEmail : `${p.email} (${p.emailConfirmedAt ? t.emailConfirmed : t.emailUnconfirmed})`;
  const lastPauseDay = pause === null ? null : new Date(pause.until.getTime() - 1);
  return html`<h1>${t.title}</h1>
${errorSummary(o.errors)}
<form method="post" action="/mijn-gegevens/uitloggen">${csrfField(o.csrf)}<button type="submit" class="secondary">${texts.login.logOut}</button></form>

<h2>${t.details}</h2>
<form method="post" action="/mijn-gegevens/gegevens" novalidate>
${csrfField(o.csrf)}
${textField({ name: 'naam', label: t.name, value: o.details?.naam ?? p.name, error: o.errors.naam, required: true, autocomplete: 'name', maxlength: 200 })}
${textField({ name: 'email', label: t.email, hint: emailStatus, value: o.details?.email ?? p.email ?? '', error: o.errors.email, type: 'email', autocomplete: 'email', maxlength: 254 })}
<button type="submit">${t.save}</button>
</form>

<h2>${t.addresses}</h2>
${p.registrations.map((r) => registrationCard(texts, r, o.gemeenteName, o.csrf))}

<h2 id="adres-toevoegen">${t.addAddress}</h2>
<p>${t.addAddressIntro}</p>
<form method="post" action="/mijn-gegevens/adres" novalidate>
${csrfField(o.csrf)}
${addressFields(texts, o.address, o.errors)}
${channelField(texts, o.address.kanaal, o.errors.kanaal)}
${timeFields(texts, o.address, o.errors)}
<button type="submit">${t.addAddress}</button>
</form>

<h2>${t.pause}</h2>
${pauseActive && lastPauseDay !== null ? html`<p class="warning">${t.pausedNow(formatLongDate(pause.from), formatLongDate(lastPauseDay))}</p>` : html`<p>${t.pauseIntro}</p>`}
<form method="post" action="/mijn-gegevens/pauze" novalidate>
${csrfField(o.csrf)}
<div class="time-pair">
${textField({ name: 'pauze_van', label: t.pauseFrom, type: 'date', value: o.pause?.van ?? (pause ? amsterdamDay(pause.from) : ''), error: o.errors.pauze_van })}
${textField({ name: 'pauze_tot', label: t.pauseUntil, type: 'date', value: o.pause?.tot ?? (lastPauseDay ? amsterdamDay(lastPauseDay) : ''), error: o.errors.pauze_tot })}
</div>
<div class="button-row">
<button type="submit" name="pauze" value="instellen">${t.pauseSet}</button>
${pauseActive ? html`<button type="submit" class="secondary" name="pauze" value="beeindigen" formnovalidate>${t.pauseEnd}</button>` : null}
</div>
</form>

<h2>${t.messages}</h2>
${
  o.data.deliveries.length === 0
    ? html`<p>${t.noMessages}</p>`
    : html`<div class="table-scroll"><table><thead><tr><th scope="col">Actie</th><th scope="col">Bericht</th><th scope="col">Kanaal</th><th scope="col">Status</th><th scope="col">Tijd</th></tr></thead>
<tbody>${o.data.deliveries.map(
        (d) =>
          html`<tr><td>${d.actionNumber}</td><td>${d.messageKind}</td><td>${t.channelNames[d.channel] ?? d.channel}</td><td>${d.status}</td><td>${formatDateTime(d.queuedAt)}</td></tr>`,
      )}</tbody></table></div>`
}

<h2>${t.download}</h2>
<p><a href="/mijn-gegevens/download" download>${t.download}</a></p>

<h2>${t.deleteTitle}</h2>
<p>${t.deleteIntro}</p>
<p><a class="button danger" href="/mijn-gegevens/verwijderen">${t.deleteButton}</a></p>`;
}

export function addressEditForm(
  texts: SelfServiceTexts,
  r: StoredRegistration,
  values: AddressFormValues,
  errors: FieldErrors,
  csrf: string,
): SafeHtml {
  const t = texts.myData;
  return html`<h1>${addressLine(r)}</h1>
${errorSummary(errors)}
<form method="post" action="/mijn-gegevens/adres/${r.id}" novalidate>
${csrfField(csrf)}
${channelField(texts, values.kanaal, errors.kanaal)}
${timeFields(texts, values, errors)}
<div class="button-row"><button type="submit">${t.save}</button><a class="button secondary" href="/mijn-gegevens">${texts.nav.myData}</a></div>
</form>`;
}

export function deleteConfirmation(texts: SelfServiceTexts, csrf: string): SafeHtml {
  const t = texts.myData;
  return html`<h1>${t.deleteTitle}</h1>
<p>${t.deleteIntro}</p>
<form method="post" action="/mijn-gegevens/verwijderen">${csrfField(csrf)}
<div class="button-row"><button type="submit" class="danger">${t.deleteConfirm}</button><a class="button secondary" href="/mijn-gegevens">${texts.nav.myData}</a></div>
</form>`;
}
