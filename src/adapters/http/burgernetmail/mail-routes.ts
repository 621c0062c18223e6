import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { answerPhoto, listAnswers } from '../../../app/burgernetmail/mail-answers.js';
import { chooseAudience, countAudience } from '../../../app/burgernetmail/mail-audience.js';
import {
  changeSender,
  changeTemplate,
  createTemplate,
  deleteTemplate,
  listTemplates,
  senderOf,
} from '../../../app/burgernetmail/manage-templates.js';
import { previewMail, sendMail, stopMail } from '../../../app/burgernetmail/send-mail.js';
import { changeMail, createMail, listMails, viewMail } from '../../../app/burgernetmail/write-mail.js';
import { ownerOf } from '../../../domain/mail/mail-access.js';
import { staffOf } from '../server/authenticate.js';
import type { HttpDeps } from '../server/http-deps.js';
import type { MailHttpDeps } from './mail-http-deps.js';
import { answersCsv } from './answers-csv.js';
import { sendProblem } from '../server/problem.js';
import { audienceSummary } from './audience-summary.js';
import {
  answerIdParams,
  answerJson,
  audienceCountBody,
  changeMailBody,
  changeTemplateBody,
  mailBody,
  mailIdParams,
  mailJson,
  senderBody,
  sendMailBody,
  templateBody,
  templateJson,
  toAudience,
} from './mail-schemas.js';

const TAG = ['Burgernetmail'];

/**
 * Burgernetmail over the API: templates, the organisation's sender settings, mails (write, count, preview, send
 * now or later, stop, figures) and the answers to a buurtonderzoek. Roles per route in route-permissions.ts; the
 * gemeente or region in the use cases (403 mail.outside-scope, audited).
 */
export function mailRoutes(deps: HttpDeps, mail: MailHttpDeps): FastifyPluginAsyncZod {
  const md = mail.mail;
  const gemeenteName = (code: string) => deps.referenceData.gemeenten.find((g) => g.code === code)?.name ?? code;
  return async (app) => {
    app.get(
      '/mail-templates',
      { schema: { tags: TAG, summary: 'Sjablonen: de landelijke en die van uw organisatie' } },
      async (request) => ({
        items: (await listTemplates(md, staffOf(request))).map(templateJson),
      }),
    );

    app.post(
      '/mail-templates',
      { schema: { tags: TAG, summary: 'Een sjabloon voor uw organisatie maken', body: templateBody } },
      async (request, reply) => {
        const outcome = await createTemplate(md, staffOf(request), request.body);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(201).send(templateJson(outcome.value));
      },
    );

    app.put(
      '/mail-templates/:id',
      {
        schema: {
          tags: TAG,
          summary: 'Een sjabloon van uw organisatie wijzigen',
          params: mailIdParams,
          body: changeTemplateBody,
        },
      },
      async (request, reply) => {
        const outcome = await changeTemplate(md, staffOf(request), request.params.id, request.body);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return templateJson(outcome.value);
      },
    );

    app.delete(
      '/mail-templates/:id',
      { schema: { tags: TAG, summary: 'Een sjabloon van uw organisatie verwijderen', params: mailIdParams } },
      async (request, reply) => {
        const outcome = await deleteTemplate(md, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(204).send();
      },
    );

    app.get(
      '/mail-sender',
      { schema: { tags: TAG, summary: 'Afzendernaam en antwoordadres (Reply-To) van uw organisatie' } },
      async (request) => {
        const owner = ownerOf(staffOf(request));
        const sender = await senderOf(md, owner);
        return { ...sender, organisationName: md.organisationName(owner) };
      },
    );

    app.put(
      '/mail-sender',
      { schema: { tags: TAG, summary: 'Afzendernaam en antwoordadres (Reply-To) instellen', body: senderBody } },
      async (request, reply) => {
        const outcome = await changeSender(md, staffOf(request), request.body);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return outcome.value;
      },
    );

    app.post(
      '/audience-counts',
      {
        schema: {
          tags: TAG,
          summary:
            'Hoeveel deelnemers een mail zouden krijgen (bevestigd e-mailadres, in uw gemeente of regio), en de ontvangers in woorden',
          body: audienceCountBody,
        },
      },
      async (request, reply) => {
        const audience = await chooseAudience(deps.geocoder, toAudience(request.body.audience));
        if (!audience.ok) return sendProblem(reply, deps.catalogue, audience.error);
        const outcome = await countAudience(md, staffOf(request), audience.value);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return {
          recipients: outcome.value.recipients,
          summary: audienceSummary(deps.catalogue.mail, audience.value, gemeenteName),
        };
      },
    );

    app.get(
      '/mails',
      { schema: { tags: TAG, summary: 'Mails van uw organisatie (en die uw gemeente bereikten), nieuwste eerst' } },
      async (request) => ({
        items: (await listMails(md, staffOf(request))).map(mailJson),
      }),
    );

    app.post(
      '/mails',
      { schema: { tags: TAG, summary: 'Een mail schrijven vanuit een sjabloon (concept)', body: mailBody } },
      async (request, reply) => {
        const b = request.body;
        const audience = await chooseAudience(deps.geocoder, toAudience(b.audience));
        if (!audience.ok) return sendProblem(reply, deps.catalogue, audience.error);
        const outcome = await createMail(md, staffOf(request), { ...b, audience: audience.value });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(201).header('location', `/api/v1/mails/${outcome.value.id}`).send(mailJson(outcome.value));
      },
    );

    app.get(
      '/mails/:id',
      { schema: { tags: TAG, summary: 'Een mail met zijn cijfers', params: mailIdParams } },
      async (request, reply) => {
        const outcome = await viewMail(md, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return mailJson(outcome.value);
      },
    );

    app.put(
      '/mails/:id',
      { schema: { tags: TAG, summary: 'Een concept wijzigen', params: mailIdParams, body: changeMailBody } },
      async (request, reply) => {
        const { version, ...b } = request.body;
        const audience = await chooseAudience(deps.geocoder, toAudience(b.audience));
        if (!audience.ok) return sendProblem(reply, deps.catalogue, audience.error);
        const outcome = await changeMail(md, staffOf(request), request.params.id, version, {
          ...b,
          audience: audience.value,
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return mailJson(outcome.value);
      },
    );

    app.get(
      '/mails/:id/preview',
      {
        schema: {
          tags: TAG,
          summary: 'Zo ziet de mail eruit (HTML en tekst), met voorbeeldlinks',
          params: mailIdParams,
        },
      },
      async (request, reply) => {
        const outcome = await previewMail(md, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return outcome.value;
      },
    );

    app.post(
      '/mails/:id/send',
      {
        schema: {
          tags: TAG,
          summary: 'Versturen, nu of op een gekozen moment',
          params: mailIdParams,
          body: sendMailBody,
        },
      },
      async (request, reply) => {
        const at = request.body.sendAt === undefined ? null : new Date(request.body.sendAt);
        const outcome = await sendMail(md, staffOf(request), request.params.id, at);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return mailJson(outcome.value);
      },
    );

    app.post(
      '/mails/:id/stop',
      { schema: { tags: TAG, summary: 'Een geplande of lopende verzending stoppen', params: mailIdParams } },
      async (request, reply) => {
        const outcome = await stopMail(md, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return mailJson(outcome.value);
      },
    );

    app.get(
      '/mails/:id/answers',
      {
        schema: {
          tags: TAG,
          summary: 'Antwoorden op een buurtonderzoek (inzage wordt vastgelegd)',
          params: mailIdParams,
        },
      },
      async (request, reply) => {
        const outcome = await listAnswers(md, staffOf(request), request.params.id, false);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return { items: outcome.value.answers.map((a) => answerJson(request.params.id, a)) };
      },
    );

    app.get(
      '/mails/:id/answers/export',
      { schema: { tags: TAG, summary: 'Antwoorden als CSV (export wordt vastgelegd)', params: mailIdParams } },
      async (request, reply) => {
        const outcome = await listAnswers(md, staffOf(request), request.params.id, true);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply
          .header('content-disposition', `attachment; filename="antwoorden-${outcome.value.mail.number}.csv"`)
          .type('text/csv; charset=utf-8')
          .send(answersCsv(outcome.value.answers));
      },
    );

    app.get(
      '/mails/:id/answers/:answerId/photo',
      { schema: { tags: TAG, summary: 'De foto bij een antwoord', params: answerIdParams } },
      async (request, reply) => {
        const outcome = await answerPhoto(md, mail.media, staffOf(request), request.params.id, request.params.answerId);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        if (outcome.value === null) return sendProblem(reply, deps.catalogue, { code: 'photo.not-found' });
        return reply
          .header('cache-control', 'private, no-store')
          .type(outcome.value.contentType)
          .send(Buffer.from(outcome.value.bytes));
      },
    );
  };
}
