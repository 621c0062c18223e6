import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { answerPhoto, listAnswers } from '../../../app/burgernetmail/mail-answers.js';
import { audienceSize } from '../../../app/burgernetmail/mail-audience.js';
import { findTemplate, listTemplates, senderOf } from '../../../app/burgernetmail/manage-templates.js';
import { documentOf, sendMail, stopMail } from '../../../app/burgernetmail/send-mail.js';
import {
  changeMail,
  createMail,
  listMails,
  ownMail,
  viewMail,
  type MailInput,
} from '../../../app/burgernetmail/write-mail.js';
import type { MailError } from '../../../domain/mail/errors.js';
import type { Mail } from '../../../domain/mail/mail.js';
import { mayManageMail, mayMailIn, mayReadAnswers } from '../../../domain/mail/mail-access.js';
import type { MailKind } from '../../../domain/mail/mail-kind.js';
import { may } from '../../../domain/staff/permissions.js';
import { STAFF_ROLES, type Staff } from '../../../domain/staff/staff.js';
import { staffOf } from '../server/authenticate.js';
import { html, jsonBlock, type SafeHtml } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { MailHttpDeps } from './mail-http-deps.js';
import { mailBodyHtml } from '../../burgernetmail/mail-document-renderer.js';
import { bodyOf, idParam, queryValue } from '../forms/form-values.js';
import { renderPortalPage } from '../plein/portal-page.js';
import { problemStatus } from '../server/problem.js';
import { requireStaffPage, requireStaffRole } from '../plein/staff-page-guard.js';
import { answersCsv } from './answers-csv.js';
import { audienceSummary } from './audience-summary.js';
import { emptyValues, readAudience, readValues, valuesOfMail } from './compose-form.js';
import { answersView, composeView, mailListView, mailView, type ComposeValues, type Errors } from './mail-views.js';
import { latestSchedule, readSendForm } from './send-form.js';
import { confirmPage, sendSection } from './send-views.js';

export const HOME = '/plein/burgernetmail';
const idParams = z.object({ id: z.uuid() });
const answerParams = z.object({ id: z.uuid(), answerId: z.uuid() });
/** /nieuw?sjabloon=<id>: without a template id (or with something else) there is no such template, not a database error. */
const composeQuery = z.object({ sjabloon: z.uuid() });
const MAIL_ROLES = STAFF_ROLES.filter((role) => may({ role }, 'mail.send'));

/** Burgernetmail in the portal: the list, writing from a template, the mail with its count and preview, send, stop, answers. */
export function mailPortalPages(deps: HttpDeps, mail: MailHttpDeps): FastifyPluginAsync {
  const t = deps.catalogue.mail;
  const md = mail.mail;
  const gemeenteName = (code: string) => deps.referenceData.gemeenten.find((g) => g.code === code)?.name ?? code;
  const gemeentenFor = (staff: Staff) =>
    deps.referenceData.gemeenten
      .filter((g) => mayMailIn(staff, { code: g.code, meldkamerCode: g.policeUnitCode }))
      .map((g) => ({ code: g.code, name: g.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  const notice = (text: string): SafeHtml => html`<div class="notice" role="status"><p>${text}</p></div>`;
  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    title: string,
    main: SafeHtml,
    status = 200,
    options: { notice?: SafeHtml | null; scripts?: string[]; styles?: string[] } = {},
  ) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        renderPortalPage(request, reply, {
          title,
          current: HOME,
          main,
          notice: options.notice ?? null,
          styles: ['/static/site/self-service.css', '/static/burgernetmail/mail.css', ...(options.styles ?? [])],
          scripts: options.scripts ?? [],
        }),
      );
  const refused = (request: FastifyRequest, reply: FastifyReply, error: MailError) =>
    send(
      request,
      reply,
      t.portal.title,
      html`<h1>${t.portal.title}</h1><p class="warning">${deps.catalogue.problems[error.code] ?? error.code}</p><p><a href="${HOME}">${t.portal.title}</a></p>`,
      problemStatus(error),
    );

  const composePage = (
    request: FastifyRequest,
    reply: FastifyReply,
    o: {
      kind: MailKind;
      templateName: string;
      action: string;
      values: ComposeValues;
      errors: Errors;
      title: string;
      extra?: SafeHtml;
    },
  ) =>
    send(
      request,
      reply,
      o.title,
      html`${composeView(t, { kind: o.kind, templateName: o.templateName, action: o.action, csrf: reply.generateCsrf(), values: o.values, errors: o.errors, gemeenten: gemeentenFor(staffOf(request)), title: o.title })}
${jsonBlock('texts-compose', { ...t.portal.compose.script, countNone: t.portal.compose.countNone })}`,
      Object.keys(o.errors).length > 0 ? 422 : 200,
      {
        styles: ['/static/vendor/leaflet/leaflet.css'],
        scripts: ['/static/vendor/leaflet/leaflet.js', '/static/burgernetmail/compose.js'],
      },
    );

  /** The form's values as a mail; errors by field name. */
  async function inputOf(
    values: ComposeValues,
    templateId: string,
    kind: string,
    errors: Record<string, string>,
  ): Promise<MailInput | null> {
    const c = t.portal.compose.errors;
    if (values.onderwerp === '' || values.onderwerp.length > 150) errors.onderwerp = c.subject;
    if (values.tekst.trim() === '') errors.tekst = c.body;
    const audience = await readAudience(values, t, deps.geocoder, errors);
    const answerDays = Number(values.antwoorddagen);
    if (kind === 'buurtonderzoek' && (!Number.isInteger(answerDays) || answerDays < 1 || answerDays > 90))
      errors.antwoorddagen = c.answerDays;
    if (audience === null || Object.keys(errors).length > 0) return null;
    return {
      templateId,
      fields: values.fields,
      audience,
      subject: values.onderwerp,
      body: values.tekst,
      ...(kind === 'buurtonderzoek' ? { answerDays } : {}),
    };
  }

  /** A refusal of the use case as messages next to the fields. */
  function fieldErrors(error: MailError): Record<string, string> {
    const c = t.portal.compose.errors;
    switch (error.code) {
      case 'mail.invalid-fields':
        return Object.fromEntries(Object.entries(error.problems).map(([name, p]) => [name, t.fieldProblems[p]]));
      case 'mail.invalid-template':
        return error.problem.kind === 'subject-lines' ||
          (error.problem.kind !== 'unknown-placeholder' && error.problem.part === 'subject')
          ? { onderwerp: c.subject }
          : { tekst: c.body };
      case 'mail.invalid-audience':
        // A drawn area that does not make a polygon (a bow-tie, a point twice): say what is wrong with it.
        return {
          ontvangers:
            error.problem.kind === 'area'
              ? deps.catalogue.problemDetails.areaProblems[error.problem.problem]
              : c.audience,
        };
      case 'mail.outside-scope':
        return { ontvangers: c.outsideScope };
      case 'mail.stale-version':
        return { onderwerp: c.stale };
      default:
        return { onderwerp: c.template };
    }
  }

  /** How many the mail would reach now, and its audience in words: for the mail page and the confirm step. */
  async function sendSummary(m: Mail) {
    return {
      mail: m,
      recipients: await audienceSize(md.store, m.owner, m.audience, md.clock.now()),
      audience: audienceSummary(t, m.audience, gemeenteName),
    };
  }

  /** The mail with its count, preview and (for a draft its organisation may send) the send form. */
  async function showMail(
    request: FastifyRequest,
    reply: FastifyReply,
    m: Mail,
    o: {
      notice?: SafeHtml | null;
      errors?: Errors;
      values?: { wanneer: string; moment: string };
      status?: number;
    },
  ) {
    const staff = staffOf(request);
    const document = await documentOf(md, m);
    const sender = await senderOf(md, m.owner);
    const base = md.settings.publicBaseUrl;
    const preview = {
      body: mailBodyHtml(document, t, {
        unsubscribe: `${base}/burgernetmail/afmelden?t=voorbeeld`,
        answer: document.asksForAnswers ? `${base}/burgernetmail/antwoord?t=voorbeeld` : null,
      }),
      text: md.renderer.prepare(document)({
        unsubscribeUrl: `${base}/burgernetmail/afmelden?t=voorbeeld`,
        answerUrl: document.asksForAnswers ? `${base}/burgernetmail/antwoord?t=voorbeeld` : null,
      }).text,
      fromName: document.senderName,
      replyTo: sender.replyTo,
    };
    const summary = await sendSummary(m);
    const csrf = reply.generateCsrf();
    const now = md.clock.now();
    const errors = o.errors ?? {};
    const canManage = mayManageMail(staff, m);
    return send(
      request,
      reply,
      m.number,
      mailView(t, {
        mail: m,
        csrf,
        audience: summary.audience,
        recipientsNow: m.status === 'draft' || m.status === 'scheduled' ? summary.recipients : null,
        preview,
        canManage,
        canReadAnswers: may(staff, 'mail.answers') && mayReadAnswers(staff, m),
        errors,
        send:
          canManage && m.status === 'draft'
            ? sendSection(t, {
                ...summary,
                csrf,
                now,
                latest: latestSchedule(now),
                values: o.values ?? { wanneer: 'nu', moment: '' },
                errors,
              })
            : null,
      }),
      o.status ?? 200,
      { notice: o.notice ?? null, scripts: ['/static/burgernetmail/send-confirm.js'] },
    );
  }

  return async (app) => {
    const page = { preHandler: [requireStaffPage, requireStaffRole(...MAIL_ROLES)] };
    const post = { preHandler: [...page.preHandler, app.csrfProtection] };

    app.get(HOME, page, async (request, reply) => {
      const staff = staffOf(request);
      const [mails, templates] = await Promise.all([listMails(md, staff), listTemplates(md, staff)]);
      return send(
        request,
        reply,
        t.portal.title,
        mailListView(t, {
          mails,
          templates,
          canManageTemplates: may(staff, 'mail.templates'),
          simulator: mail.demo && mail.simulator !== null,
        }),
      );
    });

    app.get(`${HOME}/nieuw`, page, async (request, reply) => {
      const staff = staffOf(request);
      const query = composeQuery.safeParse(request.query);
      if (!query.success) return refused(request, reply, { code: 'mail.template-not-found' });
      const found = await findTemplate(md, staff, query.data.sjabloon);
      if (!found.ok) return refused(request, reply, found.error);
      const tpl = found.value;
      const values = emptyValues(
        tpl.subject,
        tpl.body,
        md.settings.answerDays,
        // A gemeente user has one gemeente to offer; staff of a region choose it (no default audience).
        staff.scope.kind === 'gemeente' ? staff.scope.gemeenteCode : '',
      );
      return composePage(request, reply, {
        kind: tpl.kind,
        templateName: tpl.name,
        action: `${HOME}/nieuw?sjabloon=${tpl.id}`,
        values,
        errors: {},
        title: t.portal.compose.title,
      });
    });

    app.post(`${HOME}/nieuw`, post, async (request, reply) => {
      const staff = staffOf(request);
      const query = composeQuery.safeParse(request.query);
      if (!query.success) return refused(request, reply, { code: 'mail.template-not-found' });
      const found = await findTemplate(md, staff, query.data.sjabloon);
      if (!found.ok) return refused(request, reply, found.error);
      const tpl = found.value;
      const values = readValues(bodyOf(request));
      const errors: Record<string, string> = {};
      const again = (e: Errors) =>
        composePage(request, reply, {
          kind: tpl.kind,
          templateName: tpl.name,
          action: `${HOME}/nieuw?sjabloon=${tpl.id}`,
          values,
          errors: e,
          title: t.portal.compose.title,
        });
      const input = await inputOf(values, tpl.id, tpl.kind, errors);
      if (input === null) return again(errors);
      const created = await createMail(md, staff, input);
      if (!created.ok) return again(fieldErrors(created.error));
      return reply.code(303).header('location', `${HOME}/${created.value.id}?opgeslagen=1`).send();
    });

    app.get(`${HOME}/:id`, { ...page, schema: { params: idParams } }, async (request, reply) => {
      const found = await viewMail(md, staffOf(request), idParam(request));
      if (!found.ok) return refused(request, reply, found.error);
      const flag = (name: string) => queryValue(request, name) === '1';
      const n = flag('opgeslagen')
        ? t.portal.mail.savedNotice
        : flag('verstuurd')
          ? t.portal.mail.sentNotice
          : flag('gestopt')
            ? t.portal.mail.stoppedNotice
            : null;
      return showMail(request, reply, found.value, { notice: n === null ? null : notice(n) });
    });

    app.get(`${HOME}/:id/wijzigen`, { ...page, schema: { params: idParams } }, async (request, reply) => {
      const found = await ownMail(md, staffOf(request), idParam(request), 'change');
      if (!found.ok) return refused(request, reply, found.error);
      const m = found.value;
      if (m.status !== 'draft') return reply.code(303).header('location', `${HOME}/${m.id}`).send();
      return composePage(request, reply, {
        kind: m.kind,
        templateName: m.number,
        action: `${HOME}/${m.id}/wijzigen?versie=${m.version}`,
        values: valuesOfMail(m),
        errors: {},
        title: t.portal.compose.changeTitle,
      });
    });

    app.post(`${HOME}/:id/wijzigen`, { ...post, schema: { params: idParams } }, async (request, reply) => {
      const staff = staffOf(request);
      const found = await ownMail(md, staff, idParam(request), 'change');
      if (!found.ok) return refused(request, reply, found.error);
      const m = found.value;
      const values = readValues(bodyOf(request));
      const errors: Record<string, string> = {};
      const again = (e: Errors) =>
        composePage(request, reply, {
          kind: m.kind,
          templateName: m.number,
          action: `${HOME}/${m.id}/wijzigen?versie=${m.version}`,
          values,
          errors: e,
          title: t.portal.compose.changeTitle,
        });
      const input = await inputOf(values, m.templateId ?? '', m.kind, errors);
      if (input === null) return again(errors);
      const changed = await changeMail(md, staff, m.id, Number(queryValue(request, 'versie') ?? m.version), input);
      if (!changed.ok) return again(fieldErrors(changed.error));
      return reply.code(303).header('location', `${HOME}/${m.id}?opgeslagen=1`).send();
    });

    app.post(`${HOME}/:id/versturen`, { ...post, schema: { params: idParams } }, async (request, reply) => {
      const staff = staffOf(request);
      const found = await ownMail(md, staff, idParam(request), 'send');
      if (!found.ok) return refused(request, reply, found.error);
      const m = found.value;
      const p = t.portal.mail;
      const form = readSendForm(bodyOf(request), md.clock.now(), t);
      const values = { wanneer: form.ok ? form.wanneer : 'nu', moment: form.ok ? form.moment : '' };
      if (!form.ok) return showMail(request, reply, m, { errors: form.errors, values, status: 422 });
      if (!form.confirmed) {
        // The confirm step without JavaScript (the dialog posts "bevestigd" itself): who gets which mail, and when.
        const summary = await sendSummary(m);
        return send(
          request,
          reply,
          p.confirm.heading,
          confirmPage(t, { ...summary, csrf: reply.generateCsrf(), ...values, at: form.at }),
        );
      }
      const outcome = await sendMail(md, staff, m.id, form.at);
      if (!outcome.ok) {
        const e = outcome.error;
        if (e.code === 'mail.outside-scope' || e.code === 'mail.not-found') return refused(request, reply, e);
        const errors: Errors =
          e.code === 'mail.invalid-schedule'
            ? { moment: p.invalidSchedule }
            : e.code === 'mail.empty-audience'
              ? { wanneer: p.emptyAudience }
              : e.code === 'mail.invalid-fields'
                ? { wanneer: p.incomplete }
                : { wanneer: deps.catalogue.problems[e.code] ?? e.code };
        return showMail(request, reply, m, { errors, values, status: 422 });
      }
      return reply.code(303).header('location', `${HOME}/${outcome.value.id}?verstuurd=1`).send();
    });

    app.post(`${HOME}/:id/stoppen`, { ...post, schema: { params: idParams } }, async (request, reply) => {
      const outcome = await stopMail(md, staffOf(request), idParam(request));
      if (!outcome.ok && (outcome.error.code === 'mail.outside-scope' || outcome.error.code === 'mail.not-found'))
        return refused(request, reply, outcome.error);
      return reply
        .code(303)
        .header('location', `${HOME}/${idParam(request)}${outcome.ok ? '?gestopt=1' : ''}`)
        .send();
    });

    const answersGuard = {
      preHandler: [requireStaffPage, requireStaffRole(...STAFF_ROLES.filter((role) => may({ role }, 'mail.answers')))],
    };
    app.get(`${HOME}/:id/antwoorden`, { ...answersGuard, schema: { params: idParams } }, async (request, reply) => {
      const outcome = await listAnswers(md, staffOf(request), idParam(request), false);
      if (!outcome.ok) return refused(request, reply, outcome.error);
      return send(request, reply, t.portal.answers.title, answersView(t, outcome.value));
    });

    app.get(`${HOME}/:id/antwoorden.csv`, { ...answersGuard, schema: { params: idParams } }, async (request, reply) => {
      const outcome = await listAnswers(md, staffOf(request), idParam(request), true);
      if (!outcome.ok) return refused(request, reply, outcome.error);
      return reply
        .header('content-disposition', `attachment; filename="antwoorden-${outcome.value.mail.number}.csv"`)
        .type('text/csv; charset=utf-8')
        .send(answersCsv(outcome.value.answers));
    });

    app.get(
      `${HOME}/:id/antwoorden/:answerId/foto`,
      { ...answersGuard, schema: { params: answerParams } },
      async (request, reply) => {
        const params = request.params as z.infer<typeof answerParams>;
        const outcome = await answerPhoto(md, mail.media, staffOf(request), params.id, params.answerId);
        if (!outcome.ok) return refused(request, reply, outcome.error);
        if (outcome.value === null) return reply.code(404).type('text/plain; charset=utf-8').send('Geen foto');
        return reply
          .header('cache-control', 'private, no-store')
          .type(outcome.value.contentType)
          .send(Buffer.from(outcome.value.bytes));
      },
    );
  };
}
