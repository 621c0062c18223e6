import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewActions } from '../../../app/dashboard/action-views.js';
import { viewBenchmark, viewMap } from '../../../app/dashboard/benchmark-views.js';
import type { DashboardDeps } from '../../../app/dashboard/dashboard-deps.js';
import { addCampaign, listCampaigns, removeCampaign } from '../../../app/dashboard/manage-campaigns.js';
import { viewEmail, viewParticipants, viewTrend } from '../../../app/dashboard/participant-views.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { staffOf } from '../server/authenticate.js';
import { sendProblem } from '../server/problem.js';
import { gemeenteParams, periodOf, periodQuery } from './dashboard-query.js';

const TAG = ['Dashboard'];
const SUPPRESSION = 'Aantallen personen van 1 tot en met 9 staan als de tekst "< 10".';
const campaignBody = z.object({
  name: z.string().trim().min(1).max(100),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
});

/**
 * The dashboard's figures as JSON: what the pages show, for other tools. Detail views answer only for the
 * gemeenten in the caller's scope (403 dashboard.out-of-scope otherwise); the map and the benchmark are aggregates
 * everyone with the dashboard may see.
 */
export function dashboardRoutes(deps: DashboardDeps, catalogue: Catalogue): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dashboard/map',
      {
        schema: {
          tags: TAG,
          summary: 'Deelnemers per 1.000 inwoners van alle gemeenten, met ranglijst',
          description: SUPPRESSION,
        },
      },
      async () => viewMap(deps),
    );

    app.get(
      '/dashboard/gemeenten/:code/participants',
      {
        schema: {
          tags: TAG,
          summary: 'Deelnemers van een gemeente nu, per kanaal en per 1.000 inwoners',
          description: SUPPRESSION,
          params: gemeenteParams,
        },
      },
      async (request, reply) => {
        const outcome = await viewParticipants(deps, staffOf(request), request.params.code);
        return outcome.ok ? outcome.value : sendProblem(reply, catalogue, outcome.error);
      },
    );

    app.get(
      '/dashboard/gemeenten/:code/trend',
      {
        schema: {
          tags: TAG,
          summary: 'Aanmeldingen en afmeldingen per dag, week of maand, met acties en wervingscampagnes',
          description: SUPPRESSION,
          params: gemeenteParams,
          querystring: periodQuery,
        },
      },
      async (request, reply) => {
        const outcome = await viewTrend(
          deps,
          staffOf(request),
          request.params.code,
          periodOf(request.query, deps.clock.now()),
          request.query.interval,
        );
        return outcome.ok ? outcome.value : sendProblem(reply, catalogue, outcome.error);
      },
    );

    app.get(
      '/dashboard/gemeenten/:code/actions',
      {
        schema: {
          tags: TAG,
          summary:
            'Acties per maand en type, succes, snelheid, bereik, 0800-0011 en tips: gemeente, regio, eenheid, land',
          description: SUPPRESSION,
          params: gemeenteParams,
          querystring: periodQuery,
        },
      },
      async (request, reply) => {
        const outcome = await viewActions(
          deps,
          staffOf(request),
          request.params.code,
          periodOf(request.query, deps.clock.now()),
        );
        return outcome.ok ? outcome.value : sendProblem(reply, catalogue, outcome.error);
      },
    );

    app.get(
      '/dashboard/gemeenten/:code/benchmark',
      {
        schema: {
          tags: TAG,
          summary: 'De gemeente naast vergelijkbare: grootteklasse, provincie, landelijk, met rang',
          description: SUPPRESSION,
          params: gemeenteParams,
        },
      },
      async (request, reply) => {
        const outcome = await viewBenchmark(deps, request.params.code);
        return outcome.ok ? outcome.value : sendProblem(reply, catalogue, outcome.error);
      },
    );

    app.get(
      '/dashboard/gemeenten/:code/email',
      {
        schema: {
          tags: TAG,
          summary: 'Burgernetmail: bevestigde e-mailadressen, verzonden mails, antwoorden op buurtonderzoek',
          description: `${SUPPRESSION} "mail" is null zolang Burgernetmail in deze database ontbreekt.`,
          params: gemeenteParams,
          querystring: periodQuery,
        },
      },
      async (request, reply) => {
        const outcome = await viewEmail(
          deps,
          staffOf(request),
          request.params.code,
          periodOf(request.query, deps.clock.now()),
        );
        return outcome.ok ? outcome.value : sendProblem(reply, catalogue, outcome.error);
      },
    );

    app.get(
      '/dashboard/gemeenten/:code/campaigns',
      { schema: { tags: TAG, summary: 'Wervingscampagnes van een gemeente', params: gemeenteParams } },
      async (request, reply) => {
        const outcome = await listCampaigns(deps, staffOf(request), request.params.code);
        return outcome.ok ? { items: outcome.value } : sendProblem(reply, catalogue, outcome.error);
      },
    );

    app.post(
      '/dashboard/gemeenten/:code/campaigns',
      {
        schema: {
          tags: TAG,
          summary: 'Een wervingscampagne vastleggen (periode, naam)',
          params: gemeenteParams,
          body: campaignBody,
        },
      },
      async (request, reply) => {
        const outcome = await addCampaign(deps, staffOf(request), request.params.code, request.body);
        return outcome.ok ? reply.code(201).send(outcome.value) : sendProblem(reply, catalogue, outcome.error);
      },
    );

    app.delete(
      '/dashboard/gemeenten/:code/campaigns/:id',
      {
        schema: {
          tags: TAG,
          summary: 'Een wervingscampagne verwijderen',
          params: gemeenteParams.extend({ id: z.uuid() }),
        },
      },
      async (request, reply) => {
        const outcome = await removeCampaign(deps, staffOf(request), request.params.code, request.params.id);
        return outcome.ok ? reply.code(204).send() : sendProblem(reply, catalogue, outcome.error);
      },
    );
  };
}
