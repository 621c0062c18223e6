import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  changeSender,
  changeTemplate,
  createTemplate,
  deleteTemplate,
  findTemplate,
  listTemplates,
  senderOf,
} from '../../../app/burgernetmail/manage-templates.js';
import { mayChangeTemplate, ownerOf } from '../../../domain/mail/mail-access.js';
import { isMailKind, MAIL_KINDS } from '../../../domain/mail/mail-kind.js';
import type { MailTemplate } from '../../../domain/mail/mail-template.js';
import { may } from '../../../domain/staff/permissions.js';
import { STAFF_ROLES } from '../../../domain/staff/staff.js';
import { staffOf } from '../server/authenticate.js';
import { csrfField, textField } from '../html/form-fields.js';
import { html, type SafeHtml } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { MailHttpDeps } from './mail-http-deps.js';
import { bodyOf, field, idParam, queryValue } from '../forms/form-values.js';
import { renderPortalPage } from '../plein/portal-page.js';
import { requireStaffPage, requireStaffRole } from '../plein/staff-page-guard.js';

const BASE = '/plein/burgernetmail/sjablonen';
const idParams = z.object({ id: z.uuid() });

/** Templates of the organisation (beheer roles) and its sender name and Reply-To. */
export function mailTemplatePages(deps: HttpDeps, mail: MailHttpDeps): FastifyPluginAsync {
  const t = deps.catalogue.mail;
  const md = mail.mail;
  const p = t.portal;
  const guard = [requireStaffPage, requireStaffRole(...STAFF_ROLES.filter((role) => may({ role }, 'mail.templates')))];
  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    main: SafeHtml,
    status = 200,
    notice: string | null = null,
  ) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        renderPortalPage(request, reply, {
          title: p.templates,
          current: '/plein/burgernetmail',
          main,
          styles: ['/static/burgernetmail/mail.css'],
          notice: notice === null ? null : html`<div class="notice" role="status"><p>${notice}</p></div>`,
        }),
      );
  const bodyArea = (value: string, error: string | undefined) =>
    html`<div class="field${error ? ' field-error' : ''}"><label for="veld-tekst">${p.compose.body}</label><p class="hint" id="veld-tekst-hint">${p.compose.bodyHint}</p>
${error ? html`<p class="error-message" id="veld-tekst-fout"><span class="visually-hidden">Fout:</span> ${error}</p>` : null}
<textarea id="veld-tekst" name="tekst" rows="10" maxlength="10000" aria-describedby="veld-tekst-hint${error ? ' veld-tekst-fout' : ''}">${value}</textarea></div>`;
  const templateForm = (
    action: string,
    csrf: string,
    tpl: Pick<MailTemplate, 'name' | 'subject' | 'body'> & { kind?: MailTemplate['kind'] },
    error: string | null,
    withKind: boolean,
  ) =>
    html`<form method="post" action="${action}" novalidate>${csrfField(csrf)}
${withKind ? html`<div class="field"><label for="veld-soort">${p.template.kind}</label><select id="veld-soort" name="soort">${MAIL_KINDS.map((k) => html`<option value="${k}"${k === tpl.kind ? html` selected` : null}>${t.kinds[k]}</option>`)}</select></div>` : null}
${textField({ name: 'naam', label: p.template.name, value: tpl.name, required: true, maxlength: 100, error: error ?? null })}
${textField({ name: 'onderwerp', label: p.compose.subject, value: tpl.subject, required: true, maxlength: 150 })}
${bodyArea(tpl.body, error ?? undefined)}
<button type="submit">${p.template.save}</button></form>`;

  async function overview(
    request: FastifyRequest,
    reply: FastifyReply,
    status = 200,
    notice: string | null = null,
    error: string | null = null,
  ) {
    const staff = staffOf(request);
    const owner = ownerOf(staff);
    const [templates, sender] = await Promise.all([listTemplates(md, staff), senderOf(md, owner)]);
    const csrf = reply.generateCsrf();
    return send(
      request,
      reply,
      html`<h1>${p.templates}</h1><p>${p.templatesIntro}</p>
<table class="compact"><thead><tr><th scope="col">${p.template.kind}</th><th scope="col">${p.template.name}</th><th scope="col">${p.columns.subject}</th><th scope="col"><span class="visually-hidden">${p.template.edit}</span></th></tr></thead><tbody>
${templates.map(
  (
    tpl,
  ) => html`<tr><td>${t.kinds[tpl.kind]}</td><td>${tpl.name} <span class="status">${tpl.owner.kind === 'landelijk' ? p.template.national : p.template.own}</span></td><td>${tpl.subject}</td>
<td>${mayChangeTemplate(staff, tpl.owner) ? html`<a href="${BASE}/${tpl.id}">${p.template.edit}<span class="visually-hidden"> ${tpl.name}</span></a>` : null}</td></tr>`,
)}</tbody></table>
<section aria-labelledby="kop-nieuw-sjabloon"><h2 id="kop-nieuw-sjabloon">${p.template.add}</h2>
${templateForm(BASE, csrf, { kind: 'buurtonderzoek', name: '', subject: '', body: '' }, error, true)}</section>
<section aria-labelledby="kop-afzender"><h2 id="kop-afzender">${p.sender.title}</h2>
<form method="post" action="/plein/burgernetmail/afzender" novalidate>${csrfField(csrf)}
${textField({ name: 'afzendernaam', label: p.sender.name, hint: `${p.sender.nameHint} (${md.organisationName(owner)})`, value: sender.senderName ?? '', maxlength: 80 })}
${textField({ name: 'antwoordadres', label: p.sender.replyTo, hint: p.sender.replyToHint, value: sender.replyTo ?? '', type: 'email', maxlength: 254 })}
<button type="submit">${p.sender.save}</button></form>
${mail.dkimDnsRecord !== null && owner.kind === 'landelijk' ? html`<h3>${p.sender.dkim}</h3><pre class="mail-text">${mail.dkimDnsRecord}</pre>` : null}
</section>`,
      status,
      notice,
    );
  }

  return async (app) => {
    const post = [...guard, app.csrfProtection];
    app.get(BASE, { preHandler: guard }, async (request, reply) =>
      overview(
        request,
        reply,
        200,
        queryValue(request, 'opgeslagen') === '1'
          ? p.template.saved
          : queryValue(request, 'verwijderd') === '1'
            ? p.template.removed
            : null,
      ),
    );

    app.post(BASE, { preHandler: post }, async (request, reply) => {
      const body = bodyOf(request);
      const kind = field(body, 'soort', 30);
      const outcome = isMailKind(kind)
        ? await createTemplate(md, staffOf(request), {
            kind,
            name: field(body, 'naam', 120),
            subject: field(body, 'onderwerp', 200),
            body: String(body?.tekst ?? '').slice(0, 10_100),
          })
        : null;
      if (outcome === null || !outcome.ok) return overview(request, reply, 422, null, p.template.invalid);
      return reply.code(303).header('location', `${BASE}?opgeslagen=1`).send();
    });

    app.get(`${BASE}/:id`, { preHandler: guard, schema: { params: idParams } }, async (request, reply) => {
      const found = await findTemplate(md, staffOf(request), idParam(request));
      if (!found.ok || !mayChangeTemplate(staffOf(request), found.value.owner))
        return reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send(
            renderPortalPage(request, reply, {
              title: p.templates,
              main: html`<h1>${p.templates}</h1><p>${deps.catalogue.problems['mail.template-not-found']}</p>`,
            }),
          );
      const tpl = found.value;
      const csrf = reply.generateCsrf();
      return send(
        request,
        reply,
        html`<h1>${t.kinds[tpl.kind]}: ${tpl.name}</h1>${templateForm(`${BASE}/${tpl.id}`, csrf, tpl, null, false)}
<form method="post" action="${BASE}/${tpl.id}/verwijderen">${csrfField(csrf)}<button type="submit" class="danger">${p.template.remove}</button></form>`,
      );
    });

    app.post(`${BASE}/:id`, { preHandler: post, schema: { params: idParams } }, async (request, reply) => {
      const body = bodyOf(request);
      const outcome = await changeTemplate(md, staffOf(request), idParam(request), {
        name: field(body, 'naam', 120),
        subject: field(body, 'onderwerp', 200),
        body: String(body?.tekst ?? '').slice(0, 10_100),
      });
      if (!outcome.ok)
        return overview(
          request,
          reply,
          outcome.error.code === 'mail.outside-scope' ? 403 : 422,
          null,
          p.template.invalid,
        );
      return reply.code(303).header('location', `${BASE}?opgeslagen=1`).send();
    });

    app.post(`${BASE}/:id/verwijderen`, { preHandler: post, schema: { params: idParams } }, async (request, reply) => {
      const outcome = await deleteTemplate(md, staffOf(request), idParam(request));
      if (!outcome.ok) return overview(request, reply, outcome.error.code === 'mail.outside-scope' ? 403 : 404);
      return reply.code(303).header('location', `${BASE}?verwijderd=1`).send();
    });

    app.post('/plein/burgernetmail/afzender', { preHandler: post }, async (request, reply) => {
      const body = bodyOf(request);
      const outcome = await changeSender(md, staffOf(request), {
        senderName: field(body, 'afzendernaam', 100) || null,
        replyTo: field(body, 'antwoordadres', 300) || null,
      });
      if (!outcome.ok) return overview(request, reply, 422, null, p.sender.invalid);
      return overview(request, reply, 200, p.sender.saved);
    });
  };
}
