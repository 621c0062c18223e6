import { takeOverAction } from '../../../app/actions/take-over-action.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type z } from 'zod';
import { closeAction, withdrawAction } from '../../../app/actions/end-action.js';
import { createAction } from '../../../app/actions/create-action.js';
import { estimateReach } from '../../../app/actions/estimate-reach.js';
import { reviseAction } from '../../../app/actions/revise-action.js';
import { sendUpdate } from '../../../app/actions/send-update.js';
import { startAction } from '../../../app/actions/start-action.js';
import { actionProgress, searchActions, viewAction } from '../../../app/actions/view-action.js';
import { widenAction } from '../../../app/actions/widen-action.js';
import { moveActionArea } from '../../../app/actions/move-action-area.js';
import type { ActionDraft } from '../../../domain/action/action.js';
import { findGemeente } from '../../../domain/geo/find-gemeente.js';
import { mayRunActionsFor } from '../../../domain/staff/staff.js';
import { staffOf } from '../server/authenticate.js';
import type { HttpDeps } from '../server/http-deps.js';
import { sendInvalidFields, sendProblem } from '../server/problem.js';
import {
  type actionDraftBody,
  actionIdParams,
  actionJson,
  closeBody,
  createActionBody,
  messageJson,
  progressJson,
  reachBody,
  reviseActionBody,
  searchActionsQuery,
  updateBody,
  widenBody,
  moveAreaBody,
  withdrawBody,
} from './action-schemas.js';
import { fromArea, toArea } from './area-schema.js';
import { toPublication } from '../burgernet-app/burgernet-app-schemas.js';
import { streamProgress } from './progress-stream.js';
import { refuseTooManyStreams } from '../server/staff-event-streams.js';

const TAG = ['Burgernetacties'];

function toDraft(body: z.infer<typeof actionDraftBody>): ActionDraft {
  return {
    type: body.type,
    missingChild: body.missingChild,
    message: body.message,
    description: body.description || null,
    instructions: body.instructions || null,
    area: toArea(body.area),
    ...(body.publication === undefined ? {} : { publication: toPublication(body.publication) }),
  };
}

export function actionRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/actions',
      { schema: { tags: TAG, summary: 'Nieuwe actie (concept)', body: createActionBody } },
      async (request, reply) => {
        const code = request.body.meldkamerCode;
        // A well-formed code that names no meldkamer, or national staff not saying which one: client mistakes.
        const fieldProblem =
          code !== undefined && !deps.referenceData.meldkamers.some((m) => m.code === code)
            ? `Onbekende meldkamer ${code}`
            : code === undefined &&
                staffOf(request).scope.kind !== 'meldkamer' &&
                staffOf(request).role === 'landelijk-beheer'
              ? 'Kies de meldkamer waarvoor u de actie maakt'
              : null;
        if (fieldProblem !== null) {
          return sendInvalidFields(reply, deps.catalogue, [{ path: 'meldkamerCode', message: fieldProblem }]);
        }
        const outcome = await createAction(deps, staffOf(request), {
          meldkamerCode: request.body.meldkamerCode ?? null,
          draft: toDraft(request.body),
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply
          .code(201)
          .header('location', `/api/v1/actions/${outcome.value.id}`)
          .send(actionJson(outcome.value, deps.catalogue));
      },
    );

    app.get(
      '/actions',
      {
        schema: {
          tags: TAG,
          summary: 'Acties zoeken',
          description:
            'Een meldkamer vindt haar eigen acties en die van andere meldkamers waarvan het gebied tot in haar regio ' +
            'reikt; die laatste alleen om in te zien (readOnly: true).',
          querystring: searchActionsQuery,
        },
      },
      async (request, reply) => {
        const q = request.query;
        const place = q.place === undefined ? null : findGemeente(deps.referenceData.gemeenten, q.place);
        if (q.place !== undefined && place === null) {
          return sendInvalidFields(reply, deps.catalogue, [
            { path: 'place', message: deps.catalogue.plein.history.unknownPlace(q.place) },
          ]);
        }
        const outcome = await searchActions(deps, staffOf(request), {
          centreInGemeente: place?.code ?? null,
          meldkamerCode: q.meldkamerCode ?? null,
          status: q.status ?? null,
          type: q.type ?? null,
          text: q.q ?? null,
          from: q.from ? new Date(q.from) : null,
          to: q.to ? new Date(q.to) : null,
          limit: q.limit,
          offset: q.offset,
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        const staff = staffOf(request);
        return {
          total: outcome.value.total,
          items: outcome.value.items.map((a) => ({
            ...actionJson(a, deps.catalogue),
            readOnly: !mayRunActionsFor(staff, a.meldkamerCode),
          })),
        };
      },
    );

    app.get(
      '/actions/:id',
      { schema: { tags: TAG, summary: 'Een actie met haar berichten en voortgang', params: actionIdParams } },
      async (request, reply) => {
        const outcome = await viewAction(deps, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        const { action, messages, progress, areas, peoplePerMessage } = outcome.value;
        return {
          ...actionJson(action, deps.catalogue),
          // Another meldkamer's action that reached into this one's region: seen, not run.
          readOnly: !mayRunActionsFor(staffOf(request), action.meldkamerCode),
          messages: messages.map((m) => ({
            ...messageJson(m),
            people: peoplePerMessage.get(m.id) ?? { sms: 0, voice: 0 },
          })),
          progress: progressJson(progress),
          areas: areas.map((a) => ({ area: fromArea(a.area), at: a.at, recipients: a.recipients, change: a.change })),
        };
      },
    );

    app.put(
      '/actions/:id',
      { schema: { tags: TAG, summary: 'Concept wijzigen', params: actionIdParams, body: reviseActionBody } },
      async (request, reply) => {
        const outcome = await reviseAction(
          deps,
          staffOf(request),
          request.params.id,
          toDraft(request.body),
          request.body.version,
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return actionJson(outcome.value, deps.catalogue);
      },
    );

    app.post(
      '/actions/:id/start',
      { schema: { tags: TAG, summary: 'Actie starten: het bericht gaat uit', params: actionIdParams } },
      async (request, reply) => {
        const outcome = await startAction(deps, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return actionJson(outcome.value, deps.catalogue);
      },
    );

    app.post(
      '/actions/:id/take-over',
      {
        schema: {
          tags: TAG,
          summary: 'Een lopende actie openen om ermee verder te gaan (overnemen van een collega wordt vastgelegd)',
          params: actionIdParams,
        },
      },
      async (request, reply) => {
        const outcome = await takeOverAction(deps, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return actionJson(outcome.value, deps.catalogue);
      },
    );

    app.post(
      '/actions/:id/widen',
      {
        schema: {
          tags: TAG,
          summary: 'Gebied verruimen (alleen nieuwe ontvangers)',
          params: actionIdParams,
          body: widenBody,
        },
      },
      async (request, reply) => {
        const outcome = await widenAction(deps, staffOf(request), request.params.id, toArea(request.body.area));
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return actionJson(outcome.value, deps.catalogue);
      },
    );

    app.post(
      '/actions/:id/move-area',
      {
        schema: {
          tags: TAG,
          summary: 'Gebied verplaatsen: de melding gaat naar een andere plek (alleen nieuwe ontvangers)',
          description:
            'Wie in het oude gebied al bereikt is, blijft bij de actie en krijgt vervolg- en afloopberichten. ' +
            'Verruimen (het huidige gebied blijft erin) gaat via /widen.',
          params: actionIdParams,
          body: moveAreaBody,
        },
      },
      async (request, reply) => {
        const outcome = await moveActionArea(deps, staffOf(request), request.params.id, toArea(request.body.area));
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return actionJson(outcome.value, deps.catalogue);
      },
    );

    app.post(
      '/actions/:id/updates',
      {
        schema: {
          tags: TAG,
          summary: 'Vervolgbericht aan iedereen die de actie kreeg',
          params: actionIdParams,
          body: updateBody,
        },
      },
      async (request, reply) => {
        const outcome = await sendUpdate(deps, staffOf(request), request.params.id, request.body.text);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply
          .code(202)
          .send({ action: actionJson(outcome.value.action, deps.catalogue), recipients: outcome.value.recipients });
      },
    );

    app.post(
      '/actions/:id/close',
      {
        schema: {
          tags: TAG,
          summary: 'Afsluiten met resultaat; afloopbericht aan iedereen die de actie kreeg',
          params: actionIdParams,
          body: closeBody,
        },
      },
      async (request, reply) => {
        const outcome = await closeAction(
          deps,
          staffOf(request),
          request.params.id,
          request.body.result,
          request.body.closingText ?? null,
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        const { action, recipients, cancelled } = outcome.value;
        return { action: actionJson(action, deps.catalogue), recipients, cancelled };
      },
    );

    app.post(
      '/actions/:id/withdraw',
      { schema: { tags: TAG, summary: 'Intrekken', params: actionIdParams, body: withdrawBody } },
      async (request, reply) => {
        const outcome = await withdrawAction(
          deps,
          staffOf(request),
          request.params.id,
          request.body.closingText ?? null,
        );
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        const { action, recipients, cancelled } = outcome.value;
        return { action: actionJson(action, deps.catalogue), recipients, cancelled };
      },
    );

    app.post(
      '/reach-estimates',
      { schema: { tags: TAG, summary: 'Hoeveel deelnemers een actie in dit gebied nu bereikt', body: reachBody } },
      async (request, reply) => {
        const body = request.body;
        const outcome = await estimateReach(deps, staffOf(request), {
          area: toArea(body.area),
          actionId: body.actionId ?? null,
          draft: body.draft
            ? {
                type: body.draft.type,
                message: body.draft.message,
                description: body.draft.description || null,
                instructions: body.draft.instructions || null,
              }
            : null,
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return outcome.value;
      },
    );

    app.get(
      '/actions/:id/progress',
      { schema: { tags: TAG, summary: 'Voortgang: aantallen per status', params: actionIdParams } },
      async (request, reply) => {
        const outcome = await actionProgress(deps, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return { status: outcome.value.status, ...progressJson(outcome.value) };
      },
    );

    app.get(
      '/actions/:id/progress/stream',
      { schema: { tags: TAG, summary: 'Voortgang als server-sent events', params: actionIdParams } },
      async (request, reply) => {
        const staff = staffOf(request);
        const first = await actionProgress(deps, staff, request.params.id);
        if (!first.ok) return sendProblem(reply, deps.catalogue, first.error);
        const stream = deps.plein.streams.open(request, reply);
        if (stream === null) return refuseTooManyStreams(reply, deps);
        return streamProgress(stream, deps, () => actionProgress(deps, staff, request.params.id));
      },
    );
  };
}
