import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { searchParticipants, viewParticipant } from '../../../app/participants/find-participants.js';
import {
  deleteParticipant,
  registerParticipant,
  updateParticipant,
} from '../../../app/participants/manage-participant.js';
import {
  addRegistration,
  changeRegistration,
  removeRegistration,
} from '../../../app/participants/manage-registration.js';
import type { RegistrationInput } from '../../../app/participants/registration-input.js';
import type { ParticipantError } from '../../../domain/participant/errors.js';
import { fail, ok, type Result } from '../../../domain/result.js';
import { staffOf } from '../server/authenticate.js';
import type { HttpDeps } from '../server/http-deps.js';
import { sendProblem } from '../server/problem.js';
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
  searchParticipantsQuery,
} from './participant-schemas.js';

const TAG = ['Deelnemers'];

export function participantRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  function toRegistration(body: z.infer<typeof registrationBody>): Result<RegistrationInput, ParticipantError> {
    const phone = parsePhoneNumber(body.phone, deps.phoneCountries);
    if (phone === null) return fail({ code: 'participant.invalid-phone-number' });
    return ok({
      phone,
      channel: body.channel,
      address: {
        postcode: body.postcode,
        houseNumber: body.houseNumber,
        houseNumberAddition: body.houseNumberAddition?.toUpperCase() ?? null,
      },
      timeWindows: body.timeWindows,
    });
  }

  return async (app) => {
    app.get(
      '/participants',
      {
        schema: {
          tags: TAG,
          summary: 'Deelnemers zoeken (binnen uw gemeente of regio)',
          querystring: searchParticipantsQuery,
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
          deps,
          staffOf(request),
          { text: q.q ?? null, msisdn, gemeenteCode: q.gemeenteCode ?? null, limit: q.limit, offset: q.offset },
          q.purpose,
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return { total: outcome.value.total, items: outcome.value.items.map(participantJson) };
      },
    );

    app.post(
      '/participants',
      { schema: { tags: TAG, summary: 'Deelnemer aanmelden', body: createParticipantBody } },
      async (request, reply) => {
        const registrations: RegistrationInput[] = [];
        for (const r of request.body.registrations) {
          const parsed = toRegistration(r);
          if (!parsed.ok) return sendProblem(reply, deps.catalogue, parsed.error);
          registrations.push(parsed.value);
        }
        const outcome = await registerParticipant(deps, staffOf(request), {
          name: request.body.name,
          email: request.body.email ?? null,
          registrations,
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply
          .code(201)
          .header('location', `/api/v1/participants/${outcome.value.id}`)
          .send(participantJson(outcome.value));
      },
    );

    app.get(
      '/participants/:id',
      {
        schema: { tags: TAG, summary: 'Een deelnemer inzien', params: participantIdParams, querystring: purposeQuery },
      },
      async (request, reply) => {
        const outcome = await viewParticipant(deps, staffOf(request), request.params.id, request.query.purpose);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return participantJson(outcome.value);
      },
    );

    app.put(
      '/participants/:id',
      { schema: { tags: TAG, summary: 'Naam en e-mail wijzigen', params: participantIdParams, body: participantBody } },
      async (request, reply) => {
        const outcome = await updateParticipant(deps, staffOf(request), request.params.id, {
          name: request.body.name,
          email: request.body.email ?? null,
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return participantJson(outcome.value);
      },
    );

    app.delete(
      '/participants/:id',
      {
        schema: {
          tags: TAG,
          summary:
            'Deelnemer verwijderen: de aanmeldingen binnen uw gemeente of regio, en de hele deelnemer als er elders geen zijn',
          params: participantIdParams,
        },
      },
      async (request, reply) => {
        const outcome = await deleteParticipant(deps, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(204).send();
      },
    );

    app.post(
      '/participants/:id/registrations',
      {
        schema: {
          tags: TAG,
          summary: 'Nummer op een (extra) adres aanmelden',
          params: participantIdParams,
          body: registrationBody,
        },
      },
      async (request, reply) => {
        const parsed = toRegistration(request.body);
        if (!parsed.ok) return sendProblem(reply, deps.catalogue, parsed.error);
        const outcome = await addRegistration(deps, staffOf(request), request.params.id, parsed.value);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(201).send(registrationJson(outcome.value));
      },
    );

    app.put(
      '/participants/:id/registrations/:registrationId',
      { schema: { tags: TAG, summary: 'Aanmelding wijzigen', params: registrationIdParams, body: registrationBody } },
      async (request, reply) => {
        const parsed = toRegistration(request.body);
        if (!parsed.ok) return sendProblem(reply, deps.catalogue, parsed.error);
        const outcome = await changeRegistration(
          deps,
          staffOf(request),
          request.params.id,
          request.params.registrationId,
          parsed.value,
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return registrationJson(outcome.value);
      },
    );

    app.delete(
      '/participants/:id/registrations/:registrationId',
      { schema: { tags: TAG, summary: 'Aanmelding verwijderen', params: registrationIdParams } },
      async (request, reply) => {
        const outcome = await removeRegistration(
          deps,
          staffOf(request),
          request.params.id,
          request.params.registrationId,
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(204).send();
      },
    );
  };
}
