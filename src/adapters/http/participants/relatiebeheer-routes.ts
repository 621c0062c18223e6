import { Transform, type Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ImportJob } from '../../../app/relatiebeheer/import-jobs.js';
import { exportRelations } from '../../../app/relatiebeheer/export-relations.js';
import { searchParticipants, viewParticipant } from '../../../app/participants/find-participants.js';
import {
  deleteParticipant,
  registerParticipant,
  updateParticipant,
} from '../../../app/participants/manage-participant.js';
import { changeRegistration } from '../../../app/participants/manage-registration.js';
import type { RegistrationInput } from '../../../app/participants/registration-input.js';
import { staffOf } from '../server/authenticate.js';
import type { HttpDeps } from '../server/http-deps.js';
import { sendProblem } from '../server/problem.js';
import { refuseTooManyStreams, type EventStream } from '../server/staff-event-streams.js';
import { EXPORT_HEADER, exportCsvLines, readParticipantCsv } from './participant-csv.js';
import { parsePhoneNumber } from '../server/phone-number.js';
import {
  createParticipantBody,
  participantBody,
  participantIdParams,
  participantJson,
  purposeQuery,
  registrationBody,
  registrationIdParams,
  registrationJson,
} from './participant-schemas.js';
import type { SelfServiceHttpDeps } from '../self-service/self-service-http-deps.js';

const TAG = ['Relatiebeheer'];

declare module 'fastify' {
  interface FastifyRequest {
    csvStream: Readable | null;
  }
}

const importIdParams = z.object({ id: z.uuid() }).strict();
const importQuery = z
  .object({ dryRun: z.enum(['true', 'false']).default('false').describe('true: alleen controleren, niets opslaan') })
  .strict();
const searchQuery = purposeQuery
  .extend({
    q: z.string().trim().min(2).max(100).optional(),
    phone: z.string().trim().min(6).max(25).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

export function importJobJson(job: ImportJob) {
  return {
    id: job.id,
    dryRun: job.dryRun,
    startedAt: job.startedAt,
    ...job.progress,
    report: job.report,
    committable: job.rows !== null && job.report !== null,
  };
}

/** Fails the stream when it grows past `max` bytes: an upload is never read further than that. */
export function limitBytes(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > max) callback(Object.assign(new Error('upload too large'), { code: 'TOO_LARGE' }));
      else callback(null, chunk);
    },
  });
}

/**
 * Relatiebeheer over the API: the gemeente's view of the participants API (the same use cases, scope rule, codes
 * and audit; someone outside the gemeente is not found, and the attempt is audited), for gemeenten and beheer;
 * plus what is relatiebeheer's own: CSV import with a dry run and progress, CSV export audited with who and why.
 */
export function relatiebeheerRoutes(deps: HttpDeps, self: SelfServiceHttpDeps): FastifyPluginAsyncZod {
  const texts = deps.catalogue.selfService.relatiebeheer;
  const rd = self.relatiebeheer;

  function toRegistration(body: z.infer<typeof registrationBody>): RegistrationInput | null {
    const phone = parsePhoneNumber(body.phone, deps.phoneCountries);
    if (phone === null) return null;
    return {
      phone,
      channel: body.channel,
      address: {
        postcode: body.postcode,
        houseNumber: body.houseNumber,
        houseNumberAddition: body.houseNumberAddition?.toUpperCase() ?? null,
      },
      timeWindows: body.timeWindows,
    };
  }

  return async (app) => {
    app.decorateRequest('csvStream', null);
    // The file streams into the CSV reader; nothing holds the raw upload.
    app.addContentTypeParser(['text/csv', 'application/csv'], (request, payload, done) => {
      request.csvStream = payload;
      done(null, undefined);
    });

    app.get(
      '/relatiebeheer/participants',
      {
        schema: {
          tags: TAG,
          summary: 'Deelnemers in uw gemeente zoeken (de gemeentelijke weergave van GET /participants)',
          querystring: searchQuery,
        },
      },
      async (request, reply) => {
        const q = request.query;
        let msisdn: string | null = null;
        if (q.phone !== undefined) {
          const phone = parsePhoneNumber(q.phone, deps.phoneCountries);
          if (phone === null) return sendProblem(reply, deps.catalogue, { code: 'participant.invalid-phone-number' });
          msisdn = phone.msisdn;
        }
        const outcome = await searchParticipants(
          rd,
          staffOf(request),
          { text: q.q ?? null, msisdn, gemeenteCode: null, limit: q.limit, offset: q.offset },
          q.purpose,
          'relatiebeheer',
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return { total: outcome.value.total, items: outcome.value.items.map(participantJson) };
      },
    );

    app.post(
      '/relatiebeheer/participants',
      {
        schema: {
          tags: TAG,
          summary: 'Deelnemer in uw gemeente aanmelden (de gemeentelijke weergave van POST /participants)',
          body: createParticipantBody,
        },
      },
      async (request, reply) => {
        const registrations: RegistrationInput[] = [];
        for (const r of request.body.registrations) {
          const parsed = toRegistration(r);
          if (parsed === null) return sendProblem(reply, deps.catalogue, { code: 'participant.invalid-phone-number' });
          registrations.push(parsed);
        }
        const outcome = await registerParticipant(
          rd,
          staffOf(request),
          { name: request.body.name, email: request.body.email ?? null, registrations },
          'relatiebeheer',
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply
          .code(201)
          .header('location', `/api/v1/relatiebeheer/participants/${outcome.value.id}`)
          .send(participantJson(outcome.value));
      },
    );

    app.get(
      '/relatiebeheer/participants/:id',
      {
        schema: {
          tags: TAG,
          summary:
            'Een deelnemer in uw gemeente inzien (de gemeentelijke weergave van GET /participants/{id}; buiten uw gemeente: 404)',
          params: participantIdParams,
          querystring: purposeQuery,
        },
      },
      async (request, reply) => {
        const outcome = await viewParticipant(
          rd,
          staffOf(request),
          request.params.id,
          request.query.purpose,
          'relatiebeheer',
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return participantJson(outcome.value);
      },
    );

    app.put(
      '/relatiebeheer/participants/:id',
      {
        schema: {
          tags: TAG,
          summary: 'Naam en e-mail wijzigen (de gemeentelijke weergave van PUT /participants/{id})',
          params: participantIdParams,
          body: participantBody,
        },
      },
      async (request, reply) => {
        const outcome = await updateParticipant(
          rd,
          staffOf(request),
          request.params.id,
          { name: request.body.name, email: request.body.email ?? null },
          'relatiebeheer',
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return participantJson(outcome.value);
      },
    );

    app.put(
      '/relatiebeheer/participants/:id/registrations/:registrationId',
      {
        schema: {
          tags: TAG,
          summary:
            'Aanmelding in uw gemeente wijzigen (de gemeentelijke weergave van PUT /participants/{id}/registrations/{registrationId})',
          params: registrationIdParams,
          body: registrationBody,
        },
      },
      async (request, reply) => {
        const parsed = toRegistration(request.body);
        if (parsed === null) return sendProblem(reply, deps.catalogue, { code: 'participant.invalid-phone-number' });
        const outcome = await changeRegistration(
          rd,
          staffOf(request),
          request.params.id,
          request.params.registrationId,
          parsed,
          'relatiebeheer',
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return registrationJson(outcome.value);
      },
    );

    app.delete(
      '/relatiebeheer/participants/:id',
      {
        schema: {
          tags: TAG,
          summary: 'Deelnemer uit uw gemeente verwijderen (de gemeentelijke weergave van DELETE /participants/{id})',
          params: participantIdParams,
        },
      },
      async (request, reply) => {
        const outcome = await deleteParticipant(rd, staffOf(request), request.params.id, 'relatiebeheer');
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(204).send();
      },
    );

    app.post(
      '/relatiebeheer/imports',
      {
        schema: {
          tags: TAG,
          summary: 'Deelnemers importeren uit CSV (text/csv); dryRun=true controleert alleen',
          querystring: importQuery,
        },
      },
      async (request, reply) => {
        const staff = staffOf(request);
        if (staff.role === 'centralist') return sendProblem(reply, deps.catalogue, { code: 'auth.forbidden' });
        const stream = request.csvStream;
        if (stream === null)
          return sendProblem(reply, deps.catalogue, { code: 'request.unsupported-media-type', expected: 'csv' });
        const dryRun = request.query.dryRun === 'true';
        const jobs = self.importJobs;
        // A place among the running imports first: when there is none, the upload is not even read.
        const slot = await jobs.reserve(staff, dryRun);
        if (!slot.ok) {
          // The rest of the upload is never read: the connection closes after the answer.
          reply.header('connection', 'close');
          return sendProblem(reply, deps.catalogue, slot.error);
        }
        const limited = stream.pipe(limitBytes(jobs.limits.maxBytes));
        stream.on('error', (error) => limited.destroy(error));
        const read = await readParticipantCsv(limited, {
          phoneCountries: deps.phoneCountries,
          maxRows: jobs.limits.maxRows,
          texts: texts.csv,
        });
        if (!read.ok) {
          slot.value.release();
          const tooLarge = limited.destroyed && (limited.errored as { code?: string } | null)?.code === 'TOO_LARGE';
          if (tooLarge || read.tooManyRows === true) {
            reply.header('connection', 'close');
            const refused = await jobs.refuseTooLarge(staff, dryRun, tooLarge ? 'bytes' : 'rows');
            return sendProblem(reply, deps.catalogue, refused);
          }
          return sendProblem(reply, deps.catalogue, { code: 'relatiebeheer.import-unreadable', problem: read.problem });
        }
        const job = slot.value.start(read.rows, texts.rows);
        return reply.code(202).header('location', `/api/v1/relatiebeheer/imports/${job.id}`).send(importJobJson(job));
      },
    );

    app.get(
      '/relatiebeheer/imports/:id',
      { schema: { tags: TAG, summary: 'Voortgang en verslag van een import', params: importIdParams } },
      async (request, reply) => {
        const job = self.importJobs.find(staffOf(request), request.params.id);
        if (job === null) return sendProblem(reply, deps.catalogue, { code: 'request.not-found' });
        return importJobJson(job);
      },
    );

    app.post(
      '/relatiebeheer/imports/:id/commit',
      {
        schema: {
          tags: TAG,
          summary: 'De goede rijen van een afgeronde controle alsnog opslaan',
          params: importIdParams,
        },
      },
      async (request, reply) => {
        const committed = await self.importJobs.commit(staffOf(request), request.params.id, texts.rows);
        if (committed === null) return sendProblem(reply, deps.catalogue, { code: 'request.not-found' });
        if (!committed.ok) return sendProblem(reply, deps.catalogue, committed.error);
        const job = committed.value;
        return reply.code(202).header('location', `/api/v1/relatiebeheer/imports/${job.id}`).send(importJobJson(job));
      },
    );

    app.get(
      '/relatiebeheer/imports/:id/events',
      { schema: { tags: TAG, summary: 'Voortgang van een import als server-sent events', params: importIdParams } },
      async (request, reply) => {
        const job = self.importJobs.find(staffOf(request), request.params.id);
        if (job === null) return sendProblem(reply, deps.catalogue, { code: 'request.not-found' });
        const stream = deps.plein.streams.open(request, reply);
        if (stream === null) return refuseTooManyStreams(reply, deps);
        streamImportProgress(stream, job, self.importJobs.watch);
      },
    );

    app.get(
      '/relatiebeheer/export',
      {
        schema: {
          tags: TAG,
          summary: 'Uw deelnemers als CSV (wordt vastgelegd met het doel)',
          querystring: purposeQuery,
        },
      },
      async (request, reply) => {
        const outcome = await exportRelations(rd, staffOf(request), request.query.purpose);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        const pages = outcome.value;
        reply.hijack();
        const res = reply.raw;
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': 'attachment; filename="deelnemers.csv"',
          'cache-control': 'no-store',
        });
        res.write('\uFEFF' + EXPORT_HEADER);
        try {
          for await (const page of pages) {
            if (!res.write(exportCsvLines(page))) await new Promise((resolve) => res.once('drain', resolve));
            if (res.destroyed) break;
          }
        } catch (error) {
          deps.logger.error({ err: error }, 'export failed');
        }
        res.end();
      },
    );
  };
}

/** Sends the job as an `import` event on every change, and ends with the final one (or with the session). */
export function streamImportProgress(
  stream: EventStream,
  job: ImportJob,
  watch: (id: string, listener: (job: ImportJob) => void) => () => void,
): void {
  const send = (j: ImportJob) => stream.event('import', JSON.stringify(importJobJson(j)));
  send(job);
  if (job.report !== null || job.progress.phase === 'failed') {
    stream.end();
    return;
  }
  const stop = watch(job.id, (j) => {
    send(j);
    if (j.report !== null || j.progress.phase === 'failed') stream.end();
  });
  stream.signal.addEventListener('abort', stop);
}
