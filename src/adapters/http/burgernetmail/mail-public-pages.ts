import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { openAnswerLink, submitAnswer } from '../../../app/burgernetmail/mail-answers.js';
import { filledSubject } from '../../../domain/mail/mail-document.js';
import { checkUnsubscribeLink, unsubscribeFromMail } from '../../../app/burgernetmail/unsubscribe-from-mail.js';
import { csrfField, errorSummary, textField } from '../html/form-fields.js';
import { html, type SafeHtml } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { MailHttpDeps } from './mail-http-deps.js';
import { readUpload } from '../server/multipart-upload.js';
import { clientKey } from '../server/client-key.js';
import { RATE_LIMIT_UNAVAILABLE_RETRY_SECONDS } from '../server/rate-refusal.js';
import { queryValue, readEmail } from '../forms/form-values.js';
import { sendHtml, sitePage } from '../site/site-page.js';

const TEXT_MAX = 4_000;
const ANSWER_FIELDS = ['tekst', 'wanneer', 'waar', 'naam', 'telefoon', 'email'] as const;
type AnswerValues = Record<(typeof ANSWER_FIELDS)[number], string>;

/**
 * The pages behind the links in a Burgernetmail, for participants, without login: the answer form of a
 * buurtonderzoek ("Ik heb iets gezien", with a photo through the app's safe upload path) and one-click unsubscribe
 * (RFC 8058: mail programs post to the List-Unsubscribe address directly; the signed link is the authority).
 */
export function mailPublicPages(deps: HttpDeps, mail: MailHttpDeps): FastifyPluginAsync {
  const t = deps.catalogue.mail;
  const md = mail.mail;
  const page = (reply: FastifyReply, title: string, main: SafeHtml, status = 200) =>
    sendHtml(reply, sitePage(deps.catalogue, { title, current: null, main }), status);
  // Fails closed, as the app's tips do: answers carry photos and contact details to the meldkamer.
  const answersByAddress = deps.rateLimiters({
    name: 'mail-answers-address',
    limit: 20,
    windowMs: 3_600_000,
    whenUnavailable: 'refuse',
  });
  const tokenOf = (request: FastifyRequest) => (queryValue(request, 't') ?? '').slice(0, 500);

  function answerForm(
    reply: FastifyReply,
    token: string,
    subject: string,
    values: AnswerValues,
    errors: Record<string, string>,
    status = 200,
  ) {
    const a = t.answer;
    const csrf = reply.generateCsrf();
    const area = (name: 'tekst', label: string, required: boolean): SafeHtml => {
      const id = `veld-${name}`;
      return html`<div class="field${errors[name] ? ' field-error' : ''}"><label for="${id}">${label}</label>
${errors[name] ? html`<p class="error-message" id="${id}-fout"><span class="visually-hidden">Fout:</span> ${errors[name]}</p>` : null}
<textarea id="${id}" name="${name}" rows="6" maxlength="${TEXT_MAX}"${required ? html` required` : null}${errors[name] ? html` aria-invalid="true" aria-describedby="${id}-fout"` : null}>${values[name]}</textarea></div>`;
    };
    return page(
      reply,
      a.title,
      html`<h1>${a.title}</h1>
<p class="lead">${subject}</p>
<p>${a.intro}</p>
${errorSummary(errors)}
<form method="post" action="/burgernetmail/antwoord?t=${token}&amp;_csrf=${csrf}" enctype="multipart/form-data" novalidate>
${csrfField(csrf)}
${area('tekst', a.text, true)}
${textField({ name: 'wanneer', label: a.seenWhen, hint: a.seenWhenHint, value: values.wanneer, error: errors.wanneer, maxlength: 200 })}
${textField({ name: 'waar', label: a.seenWhere, hint: a.seenWhereHint, value: values.waar, error: errors.waar, maxlength: 200 })}
<div class="field${errors.foto ? ' field-error' : ''}"><label for="veld-foto">${a.photo} <span class="optional">(niet verplicht)</span></label>
<p class="hint" id="veld-foto-hint">${a.photoHint}</p>
${errors.foto ? html`<p class="error-message" id="veld-foto-fout"><span class="visually-hidden">Fout:</span> ${errors.foto}</p>` : null}
<input id="veld-foto" name="foto" type="file" accept="image/jpeg,image/png,image/webp" aria-describedby="veld-foto-hint${errors.foto ? ' veld-foto-fout' : ''}"></div>
<fieldset class="field"><legend>${a.contactLegend}</legend><p class="hint">${a.contactHint}</p>
${textField({ name: 'naam', label: a.contactName, value: values.naam, error: errors.naam, autocomplete: 'name', maxlength: 200 })}
${textField({ name: 'telefoon', label: a.contactPhone, value: values.telefoon, error: errors.telefoon, type: 'tel', autocomplete: 'tel', maxlength: 30 })}
${textField({ name: 'email', label: a.contactEmail, value: values.email, error: errors.email, type: 'email', autocomplete: 'email', maxlength: 254 })}
</fieldset>
<button type="submit">${a.submit}</button>
</form>`,
      status,
    );
  }

  const empty: AnswerValues = { tekst: '', wanneer: '', waar: '', naam: '', telefoon: '', email: '' };

  return async (app) => {
    await app.register(multipart);

    app.get('/burgernetmail/antwoord', async (request, reply) => {
      const token = tokenOf(request);
      const link = await openAnswerLink(md, token);
      if (link === null)
        return page(reply, t.answer.title, html`<h1>${t.answer.title}</h1><p>${t.answer.invalidLink}</p>`, 410);
      if (link.remaining <= 0)
        return page(reply, t.answer.title, html`<h1>${t.answer.title}</h1><p>${t.answer.tooMany}</p>`, 429);
      return answerForm(reply, token, filledSubject(link.mail), empty, {});
    });

    // A multipart body is read only after the CSRF check, so the form sends its token in the query string too.
    const tokenFromQuery = async (request: FastifyRequest) => {
      const csrf = queryValue(request, '_csrf');
      if (csrf !== undefined) request.headers['x-csrf-token'] = csrf;
    };
    app.post(
      '/burgernetmail/antwoord',
      { preHandler: [tokenFromQuery, app.csrfProtection] },
      async (request, reply) => {
        const token = tokenOf(request);
        const a = t.answer;
        const decision = await answersByAddress.take(clientKey(request.ip), Date.now());
        if (decision.kind === 'limited') return page(reply, a.title, html`<h1>${a.title}</h1><p>${a.tooMany}</p>`, 429);
        if (decision.kind === 'unavailable') {
          reply.header('retry-after', String(RATE_LIMIT_UNAVAILABLE_RETRY_SECONDS));
          return page(reply, a.title, html`<h1>${a.title}</h1><p>${a.unavailable}</p>`, 503);
        }
        const link = await openAnswerLink(md, token);
        if (link === null) return page(reply, a.title, html`<h1>${a.title}</h1><p>${a.invalidLink}</p>`, 410);
        const upload = await readUpload(request, {
          maxFileBytes: mail.maxPhotoBytes,
          fields: [...ANSWER_FIELDS, '_csrf'],
          fileField: 'foto',
          maxFieldBytes: TEXT_MAX * 4,
        });
        if (!upload.ok) {
          const errors: Record<string, string> =
            upload.problem === 'file-too-large'
              ? { foto: a.errors.photoTooLarge }
              : upload.problem === 'field-too-large'
                ? { tekst: a.errors.tooLong }
                : { tekst: a.errors.form };
          return answerForm(
            reply,
            token,
            filledSubject(link.mail),
            empty,
            errors,
            upload.problem === 'file-too-large' ? 413 : 400,
          );
        }
        const get = (name: (typeof ANSWER_FIELDS)[number]) =>
          (upload.fields[name] ?? '')
            .replace(/\u0000/g, '')
            .replace(/\r\n?/g, '\n')
            .trim();
        const values: AnswerValues = {
          tekst: get('tekst'),
          wanneer: get('wanneer'),
          waar: get('waar'),
          naam: get('naam'),
          telefoon: get('telefoon'),
          email: get('email'),
        };
        const errors: Record<string, string> = {};
        if (values.tekst === '' || values.tekst.length > TEXT_MAX) errors.tekst = a.errors.text;
        for (const name of ['wanneer', 'waar', 'naam'] as const)
          if (values[name].length > 200 || /[\u0000-\u001f]/.test(values[name])) errors[name] = a.errors.tooLong;
        if (values.telefoon !== '' && !/^\+?[0-9 ()-]{6,25}$/.test(values.telefoon)) errors.telefoon = a.errors.phone;
        const email = values.email === '' ? null : readEmail(values.email);
        if (values.email !== '' && email === null) errors.email = a.errors.email;
        if (Object.keys(errors).length > 0)
          return answerForm(reply, token, filledSubject(link.mail), values, errors, 422);
        const outcome = await submitAnswer(md, mail.media, token, {
          text: values.tekst,
          seenWhen: values.wanneer || null,
          seenWhere: values.waar || null,
          contact: { name: values.naam || null, phone: values.telefoon || null, email },
          photo: upload.file,
        });
        switch (outcome.kind) {
          case 'stored':
            return page(
              reply,
              a.thanksTitle,
              html`<h1>${a.thanksTitle}</h1><div class="notice" role="status"><p>${a.thanks}</p></div>`,
              201,
            );
          case 'invalid-link':
            return page(reply, a.title, html`<h1>${a.title}</h1><p>${a.invalidLink}</p>`, 410);
          case 'too-many':
            return page(reply, a.title, html`<h1>${a.title}</h1><p>${a.tooMany}</p>`, 429);
          case 'photo-refused':
            return answerForm(reply, token, filledSubject(link.mail), values, { foto: a.errors.photo }, 422);
        }
      },
    );

    app.get('/burgernetmail/afmelden', async (request, reply) => {
      const u = t.unsubscribe;
      const token = tokenOf(request);
      if ((await checkUnsubscribeLink(md, token)) === null)
        return page(reply, u.title, html`<h1>${u.title}</h1><p>${u.invalidLink}</p>`, 404);
      return page(
        reply,
        u.title,
        html`<h1>${u.title}</h1><p>${u.text}</p>
<form method="post" action="/burgernetmail/afmelden?t=${token}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${u.button}</button></form>`,
      );
    });

    // RFC 8058 one-click: a POST with "List-Unsubscribe=One-Click" (urlencoded or multipart), no cookies, no token.
    app.post('/burgernetmail/afmelden', async (request, reply) => {
      const u = t.unsubscribe;
      if (!(await unsubscribeFromMail(md, tokenOf(request))))
        return page(reply, u.title, html`<h1>${u.title}</h1><p>${u.invalidLink}</p>`, 404);
      return page(reply, u.title, html`<h1>${u.title}</h1><div class="notice" role="status"><p>${u.done}</p></div>`);
    });
  };
}
