import { filledSubject } from '../../../domain/mail/mail-document.js';
import type { Mail } from '../../../domain/mail/mail.js';
import type { MailTexts } from '../../../domain/messages/mail-texts.js';
import { radioGroup } from '../html/choice-fields.js';
import { csrfField } from '../html/form-fields.js';
import { html, jsonBlock, type SafeHtml } from '../html/html.js';
import { amsterdamLocal, momentText } from './amsterdam-moment.js';

/** What the confirm step restates: who gets which mail (and, on the page without JavaScript, when). */
export interface SendSummary {
  readonly mail: Mail;
  readonly recipients: number;
  /** The audience in words (audienceSummary). */
  readonly audience: string;
}

function confirmLines(t: MailTexts, s: SendSummary): string[] {
  const c = t.portal.mail.confirm;
  return [c.recipients({ n: s.recipients, subject: filledSubject(s.mail) }), c.audience(s.audience)];
}

/** The date-time field of "later": a datetime-local input from now to the last day a mail can be planned. */
function momentField(t: MailTexts, o: { value: string; min: Date; max: Date; error: string | undefined }): SafeHtml {
  const p = t.portal.mail;
  const describedBy = ['veld-moment-hint', o.error ? 'veld-moment-fout' : null].filter(Boolean).join(' ');
  return html`<div class="field${o.error ? ' field-error' : ''}"><label for="veld-moment">${p.sendAt}</label>
<p class="hint" id="veld-moment-hint">${p.sendAtHint}</p>
${o.error ? html`<p class="error-message" id="veld-moment-fout"><span class="visually-hidden">Fout:</span> ${o.error}</p>` : null}
<input id="veld-moment" name="moment" type="datetime-local" value="${o.value}" min="${amsterdamLocal(o.min)}" max="${amsterdamLocal(o.max)}" step="60"${o.error ? html` aria-invalid="true"` : null} aria-describedby="${describedBy}"></div>`;
}

/**
 * Sending a draft: now or at a chosen moment, after a confirm step. With JavaScript the step is a dialog
 * (send-confirm.ts: focus on "Annuleren", so Enter and Escape send nothing); without, the server asks on a page.
 */
export function sendSection(
  t: MailTexts,
  o: SendSummary & {
    readonly csrf: string;
    readonly now: Date;
    readonly latest: Date;
    readonly values: { readonly wanneer: string; readonly moment: string };
    readonly errors: Readonly<Record<string, string>>;
  },
): SafeHtml {
  const p = t.portal.mail;
  const c = p.confirm;
  return html`<section aria-labelledby="kop-versturen"><h2 id="kop-versturen">${p.send}</h2>
<form method="post" action="/plein/burgernetmail/${o.mail.id}/versturen" id="verstuur-form" novalidate>
${csrfField(o.csrf)}
<input type="hidden" name="bevestigd" id="veld-bevestigd" value="" autocomplete="off">
${radioGroup({
  name: 'wanneer',
  legend: p.send,
  choices: [
    { value: 'nu', label: p.sendNow },
    { value: 'later', label: p.sendLater },
  ],
  value: o.values.wanneer,
  error: o.errors.wanneer,
})}
${momentField(t, { value: o.values.moment, min: o.now, max: o.latest, error: o.errors.moment })}
<button type="submit">${p.sendConfirm}</button>
</form></section>
<dialog id="verstuur-bevestiging" class="confirm-dialog" aria-labelledby="verstuur-bevestiging-kop" aria-describedby="verstuur-bevestiging-inhoud">
<h2 id="verstuur-bevestiging-kop">${c.heading}</h2>
<div id="verstuur-bevestiging-inhoud">${confirmLines(t, o).map((line) => html`<p>${line}</p>`)}<p id="verstuur-bevestiging-moment">${c.now}</p></div>
<p class="dialog-buttons"><button type="button" id="verstuur-nee" class="secondary">${c.no}</button> <button type="button" id="verstuur-ja">${c.yes}</button></p>
</dialog>
${jsonBlock('texts-send', { now: c.now, later: c.later })}`;
}

/** The confirm step without JavaScript: the same words as the dialog, and the form posted again with "bevestigd". */
export function confirmPage(
  t: MailTexts,
  o: SendSummary & {
    readonly csrf: string;
    readonly wanneer: string;
    readonly moment: string;
    readonly at: Date | null;
  },
): SafeHtml {
  const c = t.portal.mail.confirm;
  return html`<h1>${c.heading}</h1>
${confirmLines(t, o).map((line) => html`<p>${line}</p>`)}
<p>${o.at === null ? c.now : c.later.replace('{moment}', momentText(o.at))}</p>
<form method="post" action="/plein/burgernetmail/${o.mail.id}/versturen">
${csrfField(o.csrf)}
<input type="hidden" name="wanneer" value="${o.wanneer}">
<input type="hidden" name="moment" value="${o.moment}">
<input type="hidden" name="bevestigd" value="1">
<p class="dialog-buttons"><a class="button secondary" href="/plein/burgernetmail/${o.mail.id}">${c.no}</a> <button type="submit">${c.yes}</button></p>
</form>`;
}
