import type { MailAnswer } from '../../../app/ports/mail-store.js';
import { fieldsOf, KIND_FIELDS, MAIL_KINDS, type MailField, type MailKind } from '../../../domain/mail/mail-kind.js';
import type { MailTemplate } from '../../../domain/mail/mail-template.js';
import type { Mail } from '../../../domain/mail/mail.js';
import { filledSubject } from '../../../domain/mail/mail-document.js';
import type { MailTexts } from '../../../domain/messages/mail-texts.js';
import { radioGroup } from '../html/choice-fields.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html, type SafeHtml } from '../html/html.js';
import { formatDateTime } from '../plein/audit-format.js';

export type Errors = Readonly<Record<string, string>>;

/** The audience kinds the compose form offers; none is chosen until the sender picks one. */
export const AUDIENCE_CHOICES = ['gemeente', 'postcodes', 'adres', 'gebied'] as const;
export type AudienceChoiceName = (typeof AUDIENCE_CHOICES)[number];

export interface ComposeValues {
  readonly onderwerp: string;
  readonly tekst: string;
  readonly fields: Readonly<Partial<Record<MailField, string>>>;
  readonly ontvangers: AudienceChoiceName | '';
  readonly gemeente: string;
  readonly postcodes: string;
  readonly gebied: string;
  readonly adresPostcode: string;
  readonly adresHuisnummer: string;
  readonly straal: string;
  readonly antwoorddagen: string;
}

const FIELD_TYPE: Record<MailField, 'text' | 'date' | 'time'> = {
  datum: 'date',
  tijd: 'time',
  straat: 'text',
  plaats: 'text',
  omschrijving: 'text',
  contact: 'text',
};

function textArea(o: {
  name: string;
  label: string;
  hint?: string;
  value: string;
  error?: string | undefined;
  rows: number;
  maxlength: number;
  required?: boolean;
}): SafeHtml {
  const id = `veld-${o.name}`;
  const describedBy = [o.hint ? `${id}-hint` : null, o.error ? `${id}-fout` : null].filter(Boolean).join(' ');
  return html`<div class="field${o.error ? ' field-error' : ''}"><label for="${id}">${o.label}${o.required === false ? html` <span class="optional">(niet verplicht)</span>` : null}</label>
${o.hint ? html`<p class="hint" id="${id}-hint">${o.hint}</p>` : null}
${o.error ? html`<p class="error-message" id="${id}-fout"><span class="visually-hidden">Fout:</span> ${o.error}</p>` : null}
<textarea id="${id}" name="${o.name}" rows="${o.rows}" maxlength="${o.maxlength}"${o.error ? html` aria-invalid="true"` : null}${describedBy ? html` aria-describedby="${describedBy}"` : null}>${o.value}</textarea></div>`;
}

function figuresTable(t: MailTexts, mail: Mail): SafeHtml {
  const c = t.portal.columns;
  const f = mail.figures;
  return html`<table class="compact"><caption>${t.portal.mail.figures}</caption><tbody>
<tr><th scope="row">${t.portal.mail.audience}</th><td>${f.recipients.toLocaleString('nl-NL')}</td></tr>
<tr><th scope="row">${c.sent}</th><td>${f.sent.toLocaleString('nl-NL')}</td></tr>
<tr><th scope="row">${c.delivered}</th><td>${f.delivered.toLocaleString('nl-NL')}</td></tr>
<tr><th scope="row">${c.bounced}</th><td>${f.bounced.toLocaleString('nl-NL')}</td></tr>
<tr><th scope="row">${t.recipientStatuses.failed}</th><td>${f.failed.toLocaleString('nl-NL')}</td></tr>
<tr><th scope="row">${t.recipientStatuses.skipped}</th><td>${f.skipped.toLocaleString('nl-NL')}</td></tr>
<tr><th scope="row">${t.recipientStatuses.cancelled}</th><td>${f.cancelled.toLocaleString('nl-NL')}</td></tr>
<tr><th scope="row">${c.unsubscribed}</th><td>${f.unsubscribed.toLocaleString('nl-NL')}</td></tr>
<tr><th scope="row">${c.answered}</th><td>${f.answered.toLocaleString('nl-NL')}</td></tr>
</tbody></table>`;
}

export function mailListView(
  t: MailTexts,
  o: { mails: readonly Mail[]; templates: readonly MailTemplate[]; canManageTemplates: boolean; simulator: boolean },
): SafeHtml {
  const p = t.portal;
  const c = p.columns;
  return html`<h1>${p.title}</h1>
<p>${p.intro}</p>
<section aria-labelledby="kop-nieuw"><h2 id="kop-nieuw">${p.write}</h2>
<p>${p.writeFrom}:</p>
<ul class="template-list">${MAIL_KINDS.map((kind) =>
    o.templates
      .filter((tpl) => tpl.kind === kind)
      .map(
        (tpl) =>
          html`<li><a href="/plein/burgernetmail/nieuw?sjabloon=${tpl.id}">${t.kinds[kind]}: ${tpl.name}</a></li>`,
      ),
  )}</ul>
${o.canManageTemplates ? html`<p><a href="/plein/burgernetmail/sjablonen">${p.templates}</a></p>` : null}
${o.simulator ? html`<p><a href="/plein/burgernetmail/simulator">${p.simulator}</a></p>` : null}
</section>
<section aria-labelledby="kop-mails"><h2 id="kop-mails">${p.mails}</h2>
${
  o.mails.length === 0
    ? html`<p>${p.noMails}</p>`
    : html`<div class="table-scroll"><table class="compact"><thead><tr><th scope="col">${c.number}</th><th scope="col">${c.kind}</th><th scope="col">${c.subject}</th><th scope="col">${c.status}</th><th scope="col">${c.created}</th><th scope="col">${c.sent}</th><th scope="col">${c.delivered}</th><th scope="col">${c.bounced}</th><th scope="col">${c.unsubscribed}</th><th scope="col">${c.answered}</th></tr></thead><tbody>
${o.mails.map(
  (
    m,
  ) => html`<tr><td><a href="/plein/burgernetmail/${m.id}">${m.number}</a></td><td>${t.kinds[m.kind]}</td><td>${filledSubject(m)}</td><td><span class="status">${t.statuses[m.status]}</span></td><td>${formatDateTime(m.createdAt)}</td>
${[m.figures.sent, m.figures.delivered, m.figures.bounced, m.figures.unsubscribed, m.figures.answered].map((n) => html`<td>${n.toLocaleString('nl-NL')}</td>`)}</tr>`,
)}</tbody></table></div>`
}
</section>`;
}

export function composeView(
  t: MailTexts,
  o: {
    readonly kind: MailKind;
    readonly templateName: string;
    readonly action: string;
    readonly csrf: string;
    readonly values: ComposeValues;
    readonly errors: Errors;
    readonly gemeenten: readonly { readonly code: string; readonly name: string }[];
    readonly title: string;
  },
): SafeHtml {
  const c = t.portal.compose;
  const required = KIND_FIELDS[o.kind].required;
  const v = o.values;
  return html`<h1>${o.title}</h1>
<p>${t.kinds[o.kind]} — ${o.templateName}</p>
${errorSummary(o.errors)}
<form method="post" action="${o.action}" id="mail-form" novalidate>
${csrfField(o.csrf)}
${textField({ name: 'onderwerp', label: c.subject, value: v.onderwerp, error: o.errors.onderwerp, required: true, maxlength: 150 })}
<fieldset class="field"><legend>${c.fieldsLegend}</legend>
${fieldsOf(o.kind).map((name) =>
  name === 'omschrijving'
    ? textArea({
        name,
        label: t.fields[name].label,
        hint: t.fields[name].hint,
        value: v.fields[name] ?? '',
        error: o.errors[name],
        rows: 6,
        maxlength: 2000,
        required: required.includes(name),
      })
    : textField({
        name,
        label: t.fields[name].label,
        hint: t.fields[name].hint,
        value: v.fields[name] ?? '',
        error: o.errors[name],
        type: FIELD_TYPE[name],
        required: required.includes(name),
        maxlength: name === 'contact' ? 300 : 150,
      }),
)}
</fieldset>
${textArea({ name: 'tekst', label: c.body, hint: c.bodyHint, value: v.tekst, error: o.errors.tekst, rows: 10, maxlength: 10_000 })}
<div class="audience" id="ontvangers-blok">
${radioGroup({
  name: 'ontvangers',
  legend: c.audienceLegend,
  hint: c.audienceHint,
  choices: AUDIENCE_CHOICES.map((value) => ({ value, label: c.audienceKinds[value] })),
  value: v.ontvangers === '' ? null : v.ontvangers,
  error: o.errors.ontvangers,
})}
<div class="field${o.errors.gemeente ? ' field-error' : ''}" data-audience="gemeente"><label for="veld-gemeente">${c.gemeente}</label>
${o.errors.gemeente ? html`<p class="error-message" id="veld-gemeente-fout"><span class="visually-hidden">Fout:</span> ${o.errors.gemeente}</p>` : null}
<select id="veld-gemeente" name="gemeente">${o.gemeenten.length === 1 ? null : html`<option value=""${v.gemeente === '' ? html` selected` : null}>${c.chooseGemeente}</option>`}${o.gemeenten.map((g) => html`<option value="${g.code}"${g.code === v.gemeente ? html` selected` : null}>${g.name}</option>`)}</select></div>
<div data-audience="postcodes">${textField({ name: 'postcodes', label: c.postcodes, hint: c.postcodesHint, value: v.postcodes, error: o.errors.postcodes, maxlength: 2000, required: true })}</div>
<div data-audience="adres">
<p class="hint">${c.addressHint}</p>
${textField({ name: 'adresPostcode', label: c.areaPostcode, value: v.adresPostcode, error: o.errors.adresPostcode, maxlength: 7, autocomplete: 'off', required: true })}
${textField({ name: 'adresHuisnummer', label: c.areaHouseNumber, value: v.adresHuisnummer, error: o.errors.adresHuisnummer, maxlength: 5, inputmode: 'numeric', required: true })}
${textField({ name: 'straal', label: c.areaRadius, value: v.straal, error: o.errors.straal, type: 'number', maxlength: 5, required: true })}
</div>
<div data-audience="gebied" class="area-fields">
<p class="hint" id="gebied-hint">${c.areaHint}</p>
<div id="kaart-keuzes" hidden>
<fieldset class="row" id="vorm-keuze"><legend>${c.shape}</legend>
<label><input type="radio" name="vorm" value="circle" checked> ${c.circle}</label>
<label><input type="radio" name="vorm" value="polygon"> ${c.polygon}</label></fieldset>
${textField({ name: 'cirkelstraal', label: c.areaRadius, value: v.straal, type: 'number', maxlength: 5, required: true })}
</div>
<div class="mail-map" id="kaart" role="application" aria-label="${c.map}" tabindex="0" hidden></div>
<input type="hidden" name="gebied" id="veld-gebied" value="${v.gebied}">
</div>
<div id="bereik" class="reach" aria-live="polite"><p id="aantal">${c.countNone}</p><p id="samenvatting"></p></div>
</div>
${o.kind === 'buurtonderzoek' ? textField({ name: 'antwoorddagen', label: c.answerDays, value: v.antwoorddagen, error: o.errors.antwoorddagen, type: 'number', maxlength: 2, required: true }) : null}
<button type="submit">${c.save}</button>
</form>`;
}

export function mailView(
  t: MailTexts,
  o: {
    readonly mail: Mail;
    readonly csrf: string;
    readonly audience: string;
    readonly recipientsNow: number | null;
    readonly preview: {
      readonly body: SafeHtml;
      readonly text: string;
      readonly fromName: string;
      readonly replyTo: string | null;
    };
    readonly canManage: boolean;
    readonly canReadAnswers: boolean;
    readonly errors: Errors;
    /** The send form of a draft; null when the mail is no draft or the staff member may not send it. */
    readonly send: SafeHtml | null;
  },
): SafeHtml {
  const p = t.portal.mail;
  const m = o.mail;
  return html`<h1>${m.number}: ${filledSubject(m)}</h1>
${errorSummary(o.errors)}
<p><span class="status">${t.statuses[m.status]}</span> ${t.kinds[m.kind]} · ${m.createdBy.name} · ${formatDateTime(m.createdAt)}</p>
${m.status === 'scheduled' && m.scheduledAt !== null ? html`<p>${p.scheduledFor(formatDateTime(m.scheduledAt))}</p>` : null}
<h2>${p.audience}</h2>
<p>${o.audience}</p>
${o.recipientsNow === null ? null : html`<p id="aantal" role="status">${p.recipientsNow(o.recipientsNow)}</p>`}
${o.canManage && m.status === 'draft' ? html`<p><a class="button secondary" href="/plein/burgernetmail/${m.id}/wijzigen">${p.change}</a></p>` : null}
${o.send}
${
  o.canManage && (m.status === 'scheduled' || m.status === 'queuing' || m.status === 'sending')
    ? html`<form method="post" action="/plein/burgernetmail/${m.id}/stoppen">${csrfField(o.csrf)}<button type="submit" class="danger">${p.stop}</button></form>`
    : null
}
${m.status === 'draft' ? null : figuresTable(t, m)}
${o.canReadAnswers && m.kind === 'buurtonderzoek' ? html`<p><a href="/plein/burgernetmail/${m.id}/antwoorden">${p.answers} (${m.figures.answered})</a></p>` : null}
<section aria-labelledby="kop-voorbeeld"><h2 id="kop-voorbeeld">${p.preview}</h2>
<dl class="mail-headers"><dt>${p.from}</dt><dd>${o.preview.fromName}</dd>${o.preview.replyTo === null ? null : html`<dt>${p.replyTo}</dt><dd>${o.preview.replyTo}</dd>`}</dl>
<div class="mail-preview">${o.preview.body}</div>
<details><summary>${p.previewText}</summary><pre class="mail-text">${o.preview.text}</pre></details>
</section>`;
}

export function answersView(
  t: MailTexts,
  o: { readonly mail: Mail; readonly answers: readonly MailAnswer[] },
): SafeHtml {
  const a = t.portal.answers;
  return html`<h1>${a.title}: ${o.mail.number}</h1>
<p>${filledSubject(o.mail)}</p>
<p class="hint">${a.auditNote}</p>
<p><a class="button secondary" href="/plein/burgernetmail/${o.mail.id}/antwoorden.csv">${a.export}</a></p>
${
  o.answers.length === 0
    ? html`<p>${a.none}</p>`
    : html`<ol class="answers">${o.answers.map(
        (x) => html`<li><article><h2 class="small-heading">${formatDateTime(x.receivedAt)}</h2>
<p class="answer-text">${x.text}</p>
<dl>${x.seenWhen ? html`<dt>${a.when}</dt><dd>${x.seenWhen}</dd>` : null}${x.seenWhere ? html`<dt>${a.where}</dt><dd>${x.seenWhere}</dd>` : null}
${x.contact.name || x.contact.phone || x.contact.email ? html`<dt>${a.contact}</dt><dd>${[x.contact.name, x.contact.phone, x.contact.email].filter(Boolean).join(', ')}</dd>` : null}</dl>
${x.photo === null ? null : html`<p><img src="/plein/burgernetmail/${o.mail.id}/antwoorden/${x.id}/foto" alt="${a.photo}" width="${Math.min(320, x.photo.width)}" loading="lazy"></p>`}
</article></li>`,
      )}</ol>`
}
<p><a href="/plein/burgernetmail/${o.mail.id}">${o.mail.number}</a></p>`;
}
