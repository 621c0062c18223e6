import type { ImportRefused } from '../../../app/relatiebeheer/import-jobs.js';
import type { ProblemDetails } from '../../../domain/messages/problem-details.js';
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { exportRelations } from '../../../app/relatiebeheer/export-relations.js';
import { searchParticipants, viewParticipant } from '../../../app/participants/find-participants.js';
import {
  deleteParticipant,
  registerParticipant,
  updateParticipant,
} from '../../../app/participants/manage-participant.js';
import type { ContactChannel } from '../../../domain/participant/registration.js';
import { staffOf } from '../server/authenticate.js';
import { html, jsonBlock, type SafeHtml } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { EXPORT_HEADER, exportCsvLines, readParticipantCsv } from './participant-csv.js';
import { limitBytes } from './relatiebeheer-routes.js';
import type { SelfServiceHttpDeps } from '../self-service/self-service-http-deps.js';
import {
  bodyOf,
  field,
  fields,
  idParam,
  queryValue,
  readAddress,
  readEmail,
  readPhone,
  readTimeWindows,
  type FieldErrors,
  type FormBody,
} from '../forms/form-values.js';
import { renderPortalPage } from '../plein/portal-page.js';
import { requireStaffPage, requireStaffRole } from '../plein/staff-page-guard.js';
import {
  importPage,
  newParticipantForm,
  participantPage,
  searchResults,
  startPage,
  type NewParticipantValues,
} from './relatiebeheer-views.js';

const HOME = '/plein/relatiebeheer';

/**
 * Relatiebeheer in Burgernetplein: the gemeente's participants (search, view with a purpose, add, change,
 * remove), CSV import with a check first and progress, CSV export with a purpose. The participant use cases do
 * the scoping and the auditing, as for both APIs.
 */
export function relatiebeheerPages(deps: HttpDeps, self: SelfServiceHttpDeps): FastifyPluginAsync {
  const texts = deps.catalogue.selfService;
  const r = texts.relatiebeheer;
  const rd = self.relatiebeheer;
  const gemeenteName = (code: string) => deps.referenceData.gemeenten.find((g) => g.code === code)?.name ?? code;
  const idParams = z.object({ id: z.uuid() });

  const send = (
    request: FastifyRequest,
    reply: FastifyReply,
    title: string,
    main: SafeHtml,
    status = 200,
    notice: SafeHtml | null = null,
    scripts: string[] = [],
  ) =>
    reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        renderPortalPage(request, reply, {
          title,
          main,
          current: HOME,
          notice,
          styles: ['/static/site/self-service.css'],
          scripts,
        }),
      );
  const noticeOf = (text: string) => html`<div class="notice" role="status"><p>${text}</p></div>`;
  const start = (
    request: FastifyRequest,
    reply: FastifyReply,
    errors: FieldErrors = {},
    values: Record<string, string> = {},
    notice: SafeHtml | null = null,
  ) =>
    send(
      request,
      reply,
      r.title,
      startPage(texts, { csrf: reply.generateCsrf(), errors, values }),
      Object.keys(errors).length > 0 ? 422 : 200,
      notice,
    );
  // Someone outside the gemeente is not found, exactly like someone who does not exist (the attempt is audited).
  const refused = (request: FastifyRequest, reply: FastifyReply, code: 'participant.not-found' | 'auth.forbidden') =>
    send(
      request,
      reply,
      r.title,
      html`<h1>${r.title}</h1><p class="warning">${deps.catalogue.problems[code]}</p><p><a href="${HOME}">${r.title}</a></p>`,
      code === 'participant.not-found' ? 404 : 403,
    );
  const refusedFor = (request: FastifyRequest, reply: FastifyReply, error: { readonly code: string }) =>
    refused(request, reply, error.code === 'participant.not-found' ? 'participant.not-found' : 'auth.forbidden');

  const readPurpose = (body: FormBody | undefined, name: string): string | null => {
    const purpose = field(body, name, 250);
    return purpose.length >= 3 && purpose.length <= 200 ? purpose : null;
  };

  return async (app) => {
    await app.register(multipart, {
      limits: { fileSize: self.importJobs.limits.maxBytes, files: 1, fields: 4, parts: 5 },
    });
    const page = {
      preHandler: [
        requireStaffPage,
        requireStaffRole('gemeente', 'gemeente-beheer', 'meldkamer-beheer', 'landelijk-beheer'),
      ],
    };
    const post = { preHandler: [...page.preHandler, app.csrfProtection] };

    app.get(HOME, page, async (request, reply) => start(request, reply));

    app.post(`${HOME}/zoeken`, post, async (request, reply) => {
      const body = bodyOf(request);
      const values = {
        q: field(body, 'q', 120),
        telefoon: field(body, 'telefoon', 30),
        doel: field(body, 'doel', 250),
      };
      const errors: FieldErrors = {};
      const purpose = readPurpose(body, 'doel');
      if (purpose === null) errors.doel = texts.errors.required;
      if (values.q !== '' && values.q.length < 2) errors.q = texts.errors.name;
      const phone = values.telefoon === '' ? null : readPhone(values.telefoon, self.phoneCountries);
      if (values.telefoon !== '' && phone === null) errors.telefoon = texts.errors.phone;
      if (purpose === null || Object.keys(errors).length > 0) return start(request, reply, errors, values);
      const outcome = await searchParticipants(
        rd,
        staffOf(request),
        { text: values.q || null, msisdn: phone?.phone.msisdn ?? null, gemeenteCode: null, limit: 100, offset: 0 },
        purpose,
        'relatiebeheer',
      );
      if (!outcome.ok) return refusedFor(request, reply, outcome.error);
      return send(
        request,
        reply,
        r.search,
        searchResults(texts, { ...outcome.value, purpose, csrf: reply.generateCsrf(), gemeenteName }),
      );
    });

    app.post(`${HOME}/deelnemers/:id`, { ...post, schema: { params: idParams } }, async (request, reply) => {
      const purpose = readPurpose(bodyOf(request), 'doel');
      if (purpose === null) return start(request, reply, { doel: texts.errors.required });
      const outcome = await viewParticipant(rd, staffOf(request), idParam(request), purpose, 'relatiebeheer');
      if (!outcome.ok) return refusedFor(request, reply, outcome.error);
      return send(
        request,
        reply,
        outcome.value.name,
        participantPage(texts, { p: outcome.value, csrf: reply.generateCsrf(), errors: {}, gemeenteName }),
      );
    });

    app.post(`${HOME}/deelnemers/:id/wijzigen`, { ...post, schema: { params: idParams } }, async (request, reply) => {
      const body = bodyOf(request);
      const naam = field(body, 'naam', 250);
      const emailText = field(body, 'email', 300);
      const email = emailText === '' ? null : readEmail(emailText);
      const errors: FieldErrors = {};
      if (naam === '' || naam.length > 200) errors.naam = texts.errors.name;
      if (emailText !== '' && email === null) errors.email = texts.errors.email;
      const staff = staffOf(request);
      if (Object.keys(errors).length > 0) {
        const current = await viewParticipant(
          rd,
          staff,
          idParam(request),
          'Wijziging in relatiebeheer',
          'relatiebeheer',
        );
        if (!current.ok) return refusedFor(request, reply, current.error);
        return send(
          request,
          reply,
          current.value.name,
          participantPage(texts, {
            p: current.value,
            csrf: reply.generateCsrf(),
            errors,
            gemeenteName,
            values: { naam, email: emailText },
          }),
          422,
        );
      }
      const outcome = await updateParticipant(rd, staff, idParam(request), { name: naam, email }, 'relatiebeheer');
      if (!outcome.ok) return refusedFor(request, reply, outcome.error);
      return send(
        request,
        reply,
        outcome.value.name,
        participantPage(texts, { p: outcome.value, csrf: reply.generateCsrf(), errors: {}, gemeenteName }),
        200,
        noticeOf(r.changed),
      );
    });

    app.post(
      `${HOME}/deelnemers/:id/verwijderen`,
      { ...post, schema: { params: idParams } },
      async (request, reply) => {
        const outcome = await deleteParticipant(rd, staffOf(request), idParam(request), 'relatiebeheer');
        if (!outcome.ok) return refusedFor(request, reply, outcome.error);
        return start(request, reply, {}, {}, noticeOf(r.removed));
      },
    );

    const emptyNew: NewParticipantValues = {
      naam: '',
      email: '',
      telefoon: '',
      postcode: '',
      huisnummer: '',
      toevoeging: '',
      kanaal: 'sms',
      dagen: [],
      van: '',
      tot: '',
    };
    const newForm = (request: FastifyRequest, reply: FastifyReply, values: NewParticipantValues, errors: FieldErrors) =>
      send(
        request,
        reply,
        r.add,
        newParticipantForm(texts, { values, errors, csrf: reply.generateCsrf() }),
        Object.keys(errors).length > 0 ? 422 : 200,
      );

    app.get(`${HOME}/nieuw`, page, async (request, reply) => newForm(request, reply, emptyNew, {}));

    app.post(`${HOME}/nieuw`, post, async (request, reply) => {
      const body = bodyOf(request);
      const values: NewParticipantValues = {
        naam: field(body, 'naam', 250),
        email: field(body, 'email', 300),
        telefoon: field(body, 'telefoon', 30),
        postcode: field(body, 'postcode', 20),
        huisnummer: field(body, 'huisnummer', 20),
        toevoeging: field(body, 'toevoeging', 30),
        kanaal: field(body, 'kanaal', 10),
        dagen: fields(body, 'dagen'),
        van: field(body, 'van', 10),
        tot: field(body, 'tot', 10),
      };
      const errors: FieldErrors = {};
      if (values.naam === '' || values.naam.length > 200) errors.naam = texts.errors.name;
      const address = readAddress(body, texts, errors);
      const channel: ContactChannel | null =
        values.kanaal === 'sms' || values.kanaal === 'voice' ? values.kanaal : null;
      if (channel === null) errors.kanaal = texts.errors.channel;
      const phone = readPhone(values.telefoon, self.phoneCountries);
      if (phone === null) errors.telefoon = texts.errors.phone;
      const email = values.email === '' ? null : readEmail(values.email);
      if (values.email !== '' && email === null) errors.email = texts.errors.email;
      const timeWindows = readTimeWindows(body, texts, errors);
      if (
        address === null ||
        channel === null ||
        phone === null ||
        timeWindows === null ||
        Object.keys(errors).length > 0
      )
        return newForm(request, reply, values, errors);
      const outcome = await registerParticipant(
        rd,
        staffOf(request),
        { name: values.naam, email, registrations: [{ phone: phone.phone, channel, address, timeWindows }] },
        'relatiebeheer',
      );
      if (!outcome.ok) {
        const code = outcome.error.code;
        const fieldErrors: FieldErrors =
          code === 'participant.sms-needs-mobile'
            ? { kanaal: texts.errors.smsNeedsMobile }
            : code === 'participant.geocoder-unavailable'
              ? { postcode: texts.errors.geocoderUnavailable }
              : code === 'participant.out-of-scope'
                ? { postcode: r.rows.outsideGemeente }
                : code === 'participant.duplicate-registration'
                  ? { telefoon: r.rows.alreadyRegistered }
                  : { postcode: texts.errors.addressNotFound };
        return newForm(request, reply, values, fieldErrors);
      }
      return send(
        request,
        reply,
        outcome.value.name,
        participantPage(texts, { p: outcome.value, csrf: reply.generateCsrf(), errors: {}, gemeenteName }),
        201,
        noticeOf(r.added),
      );
    });

    // A multipart body is read only after the CSRF check, so the form sends its token in the query string; the
    // check reads it from where it reads a script's token.
    const tokenFromQuery = async (request: FastifyRequest) => {
      const token = queryValue(request, '_csrf');
      if (token !== undefined) request.headers['x-csrf-token'] = token;
    };
    app.post(
      `${HOME}/import`,
      { preHandler: [...page.preHandler, tokenFromQuery, app.csrfProtection] },
      async (request, reply) => {
        const file = await request.file().catch(() => undefined);
        if (file === undefined || file.fieldname !== 'bestand')
          return start(request, reply, { bestand: r.csv.unreadable });
        // The form puts the check box before the file: its value has arrived by the time the file streams.
        const dryRun = fieldValue(file.fields, 'controle') === 'ja';
        const jobs = self.importJobs;
        const staff = staffOf(request);
        // A place among the running imports first: when there is none, the file is not even read.
        const slot = await jobs.reserve(staff, dryRun);
        if (!slot.ok) {
          file.file.resume();
          return start(request, reply, { bestand: importRefusalText(deps.catalogue.problemDetails, slot.error) });
        }
        const limited = file.file.pipe(limitBytes(jobs.limits.maxBytes));
        file.file.on('error', (error) => limited.destroy(error));
        file.file.on('limit', () =>
          limited.destroy(Object.assign(new Error('upload too large'), { code: 'TOO_LARGE' })),
        );
        const read = await readParticipantCsv(limited, {
          phoneCountries: self.phoneCountries,
          maxRows: jobs.limits.maxRows,
          texts: r.csv,
        });
        if (!read.ok) {
          slot.value.release();
          if (!file.file.truncated && read.tooManyRows !== true)
            return start(request, reply, { bestand: read.problem });
          file.file.resume();
          const refused = await jobs.refuseTooLarge(staff, dryRun, file.file.truncated ? 'bytes' : 'rows');
          return start(request, reply, { bestand: importRefusalText(deps.catalogue.problemDetails, refused) });
        }
        const job = slot.value.start(read.rows, r.rows);
        return reply.code(303).header('location', `${HOME}/import/${job.id}`).send();
      },
    );

    app.get(`${HOME}/import/:id`, { ...page, schema: { params: idParams } }, async (request, reply) => {
      const job = self.importJobs.find(staffOf(request), idParam(request));
      if (job === null) return refused(request, reply, 'participant.not-found');
      const main = html`${importPage(texts, job, reply.generateCsrf())}
${jsonBlock('texts-import', { phases: r.phases })}`;
      return send(request, reply, r.importProgress, main, 200, null, ['/static/relatiebeheer/import-progress.js']);
    });

    app.post(`${HOME}/import/:id/opslaan`, { ...post, schema: { params: idParams } }, async (request, reply) => {
      const committed = await self.importJobs.commit(staffOf(request), idParam(request), r.rows);
      if (committed === null) return refused(request, reply, 'participant.not-found');
      if (!committed.ok)
        return start(request, reply, { bestand: importRefusalText(deps.catalogue.problemDetails, committed.error) });
      return reply.code(303).header('location', `${HOME}/import/${committed.value.id}`).send();
    });

    app.post(`${HOME}/export`, post, async (request, reply) => {
      const purpose = readPurpose(bodyOf(request), 'exportdoel');
      if (purpose === null) return start(request, reply, { exportdoel: texts.errors.required });
      const outcome = await exportRelations(rd, staffOf(request), purpose);
      if (!outcome.ok) return refusedFor(request, reply, outcome.error);
      const pages = outcome.value;
      async function* lines(): AsyncIterable<string> {
        yield '\uFEFF' + EXPORT_HEADER;
        for await (const rows of pages) yield exportCsvLines(rows);
      }
      return reply
        .header('content-disposition', 'attachment; filename="deelnemers.csv"')
        .type('text/csv; charset=utf-8')
        .send(Readable.from(lines()));
    });
  };
}

/** A text field that came with a multipart upload. */
function fieldValue(fieldsOf: unknown, name: string): string {
  const entry = (fieldsOf as Record<string, { value?: unknown } | undefined>)[name];
  return typeof entry?.value === 'string' ? entry.value : '';
}

/** An import refused before it ran, in the words of its problem detail (the form shows it at the file field). */
function importRefusalText(p: ProblemDetails, error: ImportRefused): string {
  switch (error.code) {
    case 'relatiebeheer.import-busy':
      return p.importBusy({ scope: error.scope, limit: error.limit });
    case 'relatiebeheer.import-too-large':
      return error.limit === 'rows'
        ? p.importTooManyRows({ max: error.max })
        : p.importTooManyBytes({ megabytes: Math.round(error.max / (1024 * 1024)) });
  }
}
