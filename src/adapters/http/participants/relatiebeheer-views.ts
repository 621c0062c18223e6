import type { ImportJob } from '../../../app/relatiebeheer/import-jobs.js';
import type { ParticipantWithRegistrations } from '../../../app/ports/participant-repository.js';
import type { SelfServiceTexts } from '../../../domain/messages/self-service-texts.js';
import { formatTimeWindows } from '../../../domain/time-window/time-window.js';
import { checkboxField } from '../html/choice-fields.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html, type SafeHtml } from '../html/html.js';
import { addressFields, addressLine, channelField } from '../forms/participant-fields.js';
import type { FieldErrors } from '../forms/form-values.js';
import { timeFields, type AddressFormValues } from '../self-service/my-data-views.js';

type Texts = SelfServiceTexts;

function purposeField(texts: Texts, value: string, error: string | undefined, id = 'doel'): SafeHtml {
  const r = texts.relatiebeheer;
  return textField({ name: id, label: r.purpose, hint: r.purposeHint, value, error, required: true, maxlength: 200 });
}

export function startPage(
  texts: Texts,
  o: { csrf: string; errors: FieldErrors; values: Record<string, string> },
): SafeHtml {
  const r = texts.relatiebeheer;
  return html`<h1>${r.title}</h1>
${errorSummary(o.errors)}
<p>${r.intro}</p>
<section aria-labelledby="zoeken"><h2 id="zoeken">${r.search}</h2>
<form method="post" action="/plein/relatiebeheer/zoeken" novalidate>
${csrfField(o.csrf)}
${textField({ name: 'q', label: r.searchText, value: o.values.q ?? '', error: o.errors.q, maxlength: 100 })}
${textField({ name: 'telefoon', label: r.searchPhone, value: o.values.telefoon ?? '', error: o.errors.telefoon, type: 'tel', maxlength: 25 })}
${purposeField(texts, o.values.doel ?? '', o.errors.doel)}
<button type="submit">${r.search}</button>
</form></section>
<p><a class="button secondary" href="/plein/relatiebeheer/nieuw">${r.add}</a></p>
<section aria-labelledby="importeren"><h2 id="importeren">${r.importTitle}</h2>
<p>${r.importIntro}</p>
<form method="post" action="/plein/relatiebeheer/import?_csrf=${o.csrf}" enctype="multipart/form-data">
${checkboxField({ name: 'controle', label: r.dryRun, checked: true })}
<div class="field${o.errors.bestand ? ' field-error' : ''}"><label for="veld-bestand">${r.file}</label>
${o.errors.bestand ? html`<p class="error-message" id="veld-bestand-fout"><span class="visually-hidden">Fout:</span> ${o.errors.bestand}</p>` : null}
<input id="veld-bestand" name="bestand" type="file" accept=".csv,text/csv" required${o.errors.bestand ? html` aria-invalid="true" aria-describedby="veld-bestand-fout"` : null}></div>
<button type="submit">${r.importButton}</button>
</form></section>
<section aria-labelledby="exporteren"><h2 id="exporteren">${r.exportTitle}</h2>
<p>${r.exportIntro}</p>
<form method="post" action="/plein/relatiebeheer/export" novalidate>
${csrfField(o.csrf)}
${textField({ name: 'exportdoel', label: r.purpose, hint: r.purposeHint, value: o.values.exportdoel ?? '', error: o.errors.exportdoel, required: true, maxlength: 200 })}
<button type="submit">${r.exportButton}</button>
</form></section>`;
}

export function searchResults(
  texts: Texts,
  o: {
    items: readonly ParticipantWithRegistrations[];
    total: number;
    purpose: string;
    csrf: string;
    gemeenteName: (c: string) => string;
  },
): SafeHtml {
  const r = texts.relatiebeheer;
  return html`<h1>${r.search}</h1>
<p role="status">${o.items.length === 0 ? r.none : r.found(o.total)}</p>
${
  o.items.length === 0
    ? null
    : html`<div class="table-scroll"><table><thead><tr><th scope="col">${texts.myData.name}</th><th scope="col">${texts.myData.addresses}</th><th scope="col"><span class="visually-hidden">${r.view}</span></th></tr></thead><tbody>
${o.items.map(
  (p) => html`<tr><td>${p.name}</td><td>${p.registrations.map((x) => html`${addressLine(x)}<br>`)}</td>
<td><form method="post" action="/plein/relatiebeheer/deelnemers/${p.id}">${csrfField(o.csrf)}<input type="hidden" name="doel" value="${o.purpose}"><button type="submit" class="secondary">${r.view}<span class="visually-hidden"> ${p.name}</span></button></form></td></tr>`,
)}</tbody></table></div>`
}
<p><a href="/plein/relatiebeheer">${r.title}</a></p>`;
}

export function participantPage(
  texts: Texts,
  o: {
    p: ParticipantWithRegistrations;
    csrf: string;
    errors: FieldErrors;
    gemeenteName: (c: string) => string;
    values?: { naam: string; email: string };
  },
): SafeHtml {
  const r = texts.relatiebeheer;
  const t = texts.myData;
  return html`<h1>${o.p.name}</h1>
${errorSummary(o.errors)}
${o.p.registrations.map(
  (x) => html`<section class="card" aria-label="${addressLine(x)}"><h2>${addressLine(x)}</h2><dl class="facts">
<dt>${t.phone}</dt><dd>${x.msisdn}</dd><dt>${t.channel}</dt><dd>${t.channelNames[x.channel] ?? x.channel}</dd>
<dt>${t.times}</dt><dd>${x.timeWindows.length === 0 ? t.always : formatTimeWindows(x.timeWindows)}</dd><dt>${t.gemeente}</dt><dd>${o.gemeenteName(x.gemeenteCode)}</dd></dl></section>`,
)}
<h2>${t.details}</h2>
<form method="post" action="/plein/relatiebeheer/deelnemers/${o.p.id}/wijzigen" novalidate>
${csrfField(o.csrf)}
${textField({ name: 'naam', label: t.name, value: o.values?.naam ?? o.p.name, error: o.errors.naam, required: true, maxlength: 200 })}
${textField({ name: 'email', label: t.email, value: o.values?.email ?? o.p.email ?? '', error: o.errors.email, type: 'email', maxlength: 254 })}
<button type="submit">${t.save}</button>
</form>
<h2>${t.remove}</h2>
<form method="post" action="/plein/relatiebeheer/deelnemers/${o.p.id}/verwijderen">${csrfField(o.csrf)}<button type="submit" class="danger">${r.removeButton}</button></form>
<p><a href="/plein/relatiebeheer">${r.title}</a></p>`;
}

export interface NewParticipantValues extends AddressFormValues {
  readonly naam: string;
  readonly email: string;
  readonly telefoon: string;
}

export function newParticipantForm(
  texts: Texts,
  o: { values: NewParticipantValues; errors: FieldErrors; csrf: string },
): SafeHtml {
  const r = texts.relatiebeheer;
  const s = texts.signUp;
  return html`<h1>${r.add}</h1>
${errorSummary(o.errors)}
<form method="post" action="/plein/relatiebeheer/nieuw" novalidate>
${csrfField(o.csrf)}
${textField({ name: 'naam', label: s.name, value: o.values.naam, error: o.errors.naam, required: true, maxlength: 200 })}
${addressFields(texts, o.values, o.errors)}
${channelField(texts, o.values.kanaal, o.errors.kanaal)}
${textField({ name: 'telefoon', label: s.phone, value: o.values.telefoon, error: o.errors.telefoon, required: true, type: 'tel', maxlength: 25 })}
${textField({ name: 'email', label: s.email, value: o.values.email, error: o.errors.email, type: 'email', maxlength: 254 })}
${timeFields(texts, o.values, o.errors)}
<button type="submit">${r.add}</button>
</form>`;
}

export function importPage(texts: Texts, job: ImportJob, csrf: string): SafeHtml {
  const r = texts.relatiebeheer;
  const p = job.progress;
  const total = Math.max(p.rowsRead, 1);
  const done = p.phase === 'storing' ? p.rowsStored : p.rowsChecked;
  const report = job.report;
  return html`<h1>${r.importProgress}</h1>
<div id="import-voortgang" data-import="${job.id}" data-phase="${p.phase}">
<p role="status" id="import-fase">${r.phases[p.phase] ?? p.phase}: ${done} / ${p.rowsRead}</p>
<progress id="import-balk" max="${total}" value="${report === null ? done : total}" aria-labelledby="import-fase"></progress>
${report === null ? html`<p><a href="/plein/relatiebeheer/import/${job.id}">${r.refresh}</a></p>` : null}
</div>
${
  report === null
    ? null
    : html`<p class="notice">${r.importSummary({ rows: report.rowsRead, good: report.goodRows, bad: report.badRows, stored: report.rowsStored, dryRun: report.dryRun })}</p>
${
  report.problems.length === 0
    ? null
    : html`<div class="table-scroll"><table><caption class="visually-hidden">${r.problem}</caption><thead><tr><th scope="col">${r.line}</th><th scope="col">${r.column}</th><th scope="col">${r.problem}</th></tr></thead><tbody>
${report.problems.flatMap((row) => row.problems.map((x) => html`<tr><td>${row.line}</td><td>${x.column ?? ''}</td><td>${x.message}</td></tr>`))}</tbody></table></div>`
}
${
  report.dryRun && job.rows !== null && report.goodRows > 0
    ? html`<form method="post" action="/plein/relatiebeheer/import/${job.id}/opslaan">${csrfField(csrf)}<button type="submit">${r.commit(report.goodRows)}</button></form>`
    : null
}
<p><a href="/plein/relatiebeheer">${r.title}</a></p>`
}`;
}
