import multipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { attachActionPhoto, readActionPhoto, removeActionPhoto } from '../../../app/media/action-photo.js';
import { listTips, readTipPhoto, type TipForStaff } from '../../../app/media/list-tips.js';
import { revealCallbackNumber } from '../../../app/media/reveal-callback-number.js';
import type { MediaDeps } from '../../../app/media/media-deps.js';
import { setPublication } from '../../../app/actions/set-publication.js';
import { setMeldkamerPhone } from '../../../app/meldkamers/set-meldkamer-phone.js';
import { staffOf } from '../server/authenticate.js';
import type { BurgernetAppHttpDeps } from '../burgernet-app/burgernet-app-http-deps.js';
import type { HttpDeps } from '../server/http-deps.js';
import { readUpload, uploadError } from '../server/multipart-upload.js';
import { sendProblem } from '../server/problem.js';
import { actionIdParams, actionJson } from './action-schemas.js';
import {
  displayPhone,
  toPublication,
  meldkamerParams,
  meldkamerPhoneBody,
  publicationWithVersionBody,
  tipParams,
  tipsQuery,
  callbackNumberBody,
  tipStreamQuery,
} from '../burgernet-app/burgernet-app-schemas.js';
import { parsePhoneNumber } from '../server/phone-number.js';
import { streamTips } from './tip-stream.js';
import { refuseTooManyStreams } from '../server/staff-event-streams.js';

const TAG = ['Burgernetapp: foto’s en tips'];

export function tipJson(actionId: string, t: TipForStaff) {
  return {
    id: t.id,
    seq: t.seq,
    text: t.text,
    receivedAt: t.receivedAt.toISOString(),
    callbackRequested: t.callbackRequested,
    photo:
      t.photo === null
        ? null
        : {
            url: `/api/v1/actions/${actionId}/tips/${t.id}/photo`,
            contentType: t.photo.contentType,
            width: t.photo.width,
            height: t.photo.height,
          },
  };
}

function sendImage(reply: FastifyReply, contentType: string, bytes: Uint8Array) {
  return reply
    .type(contentType)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', 'inline')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

/** Staff API: the meldkamer's photo of an action, what the public sees of it, the tips sent from the app. */
export function actionMediaRoutes(deps: HttpDeps & { readonly app: BurgernetAppHttpDeps }): FastifyPluginAsyncZod {
  const media: MediaDeps = {
    store: deps.store,
    clock: deps.clock,
    ids: deps.ids,
    photos: deps.app.photos,
    images: deps.app.images,
  };
  return async (app) => {
    await app.register(multipart);

    app.put(
      '/actions/:id/photo',
      {
        schema: {
          tags: TAG,
          summary: 'Foto bij de actie plaatsen of vervangen (multipart/form-data, veld "photo")',
          params: actionIdParams,
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const upload = await readUpload(request, {
          maxFileBytes: deps.app.maxPhotoBytes,
          fields: [],
          fileField: 'photo',
          maxFieldBytes: 1,
        });
        if (!upload.ok)
          return sendProblem(
            reply,
            deps.catalogue,
            uploadError(upload.problem, deps.catalogue, deps.app.maxPhotoBytes),
          );
        if (upload.file === null)
          return sendProblem(
            reply,
            deps.catalogue,
            uploadError('unexpected-field', deps.catalogue, deps.app.maxPhotoBytes),
          );
        const outcome = await attachActionPhoto(media, staffOf(request), request.params.id, upload.file);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        const { image, uploadedAt } = outcome.value;
        return {
          url: `/api/v1/actions/${request.params.id}/photo`,
          contentType: image.contentType,
          width: image.width,
          height: image.height,
          bytes: image.bytes,
          uploadedAt,
        };
      },
    );

    app.get(
      '/actions/:id/photo',
      { schema: { tags: TAG, summary: 'De foto bij de actie', params: actionIdParams } },
      async (request, reply) => {
        const outcome = await readActionPhoto(media, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return sendImage(reply, outcome.value.photo.image.contentType, outcome.value.bytes);
      },
    );

    app.delete(
      '/actions/:id/photo',
      { schema: { tags: TAG, summary: 'De foto bij de actie verwijderen', params: actionIdParams } },
      async (request, reply) => {
        const outcome = await removeActionPhoto(media, staffOf(request), request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(204).send();
      },
    );

    app.put(
      '/actions/:id/publication',
      {
        schema: {
          tags: TAG,
          summary: 'Wat de app en de openbare pagina van de actie tonen',
          params: actionIdParams,
          body: publicationWithVersionBody,
        },
      },
      async (request, reply) => {
        const { version, ...body } = request.body;
        const outcome = await setPublication(deps, staffOf(request), request.params.id, toPublication(body), version);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return actionJson(outcome.value, deps.catalogue);
      },
    );

    app.get(
      '/actions/:id/tips',
      {
        schema: {
          tags: TAG,
          summary: 'Tips uit de app (zonder terugbelnummers: die per tip met een doel, zie callback-number)',
          params: actionIdParams,
          querystring: tipsQuery,
        },
      },
      async (request, reply) => {
        const outcome = await listTips(media, staffOf(request), request.params.id, {
          afterSeq: request.query.after ?? null,
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return { items: outcome.value.map((t) => tipJson(request.params.id, t)) };
      },
    );

    app.get(
      '/actions/:id/tips/stream',
      {
        schema: {
          tags: TAG,
          summary: 'Tips uit de app als server-sent events',
          params: actionIdParams,
          querystring: tipStreamQuery,
        },
      },
      async (request, reply) => {
        const staff = staffOf(request);
        const first = await listTips(media, staff, request.params.id, { afterSeq: null });
        if (!first.ok) return sendProblem(reply, deps.catalogue, first.error);
        const lastEventId = Number(request.headers['last-event-id']);
        const afterSeq = Number.isSafeInteger(lastEventId) && lastEventId >= 0 ? lastEventId : null;
        const stream = deps.plein.streams.open(request, reply);
        if (stream === null) return refuseTooManyStreams(reply, deps);
        return streamTips(
          stream,
          deps,
          afterSeq,
          (after) => listTips(media, staff, request.params.id, { afterSeq: after }),
          (tip) => tipJson(request.params.id, tip),
        );
      },
    );

    app.post(
      '/actions/:id/tips/:tipId/callback-number',
      {
        schema: {
          tags: TAG,
          summary: 'Het terugbelnummer van één tip, met het doel (wordt vastgelegd; het nummer zelf niet)',
          params: tipParams,
          body: callbackNumberBody,
        },
      },
      async (request, reply) => {
        const outcome = await revealCallbackNumber(media, staffOf(request), request.params.id, request.params.tipId, {
          purpose: request.body.purpose,
          note: request.body.note || null,
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return { phone: outcome.value, display: displayPhone(outcome.value) };
      },
    );

    app.get(
      '/actions/:id/tips/:tipId/photo',
      { schema: { tags: TAG, summary: 'De foto bij een tip', params: tipParams } },
      async (request, reply) => {
        const outcome = await readTipPhoto(media, staffOf(request), request.params.id, request.params.tipId);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return sendImage(reply, outcome.value.contentType, outcome.value.bytes);
      },
    );

    app.put(
      '/meldkamers/:code/public-phone',
      {
        schema: {
          tags: ['Referentiegegevens'],
          summary: 'Het nummer dat "Bel politie" in de app belt voor acties van deze meldkamer',
          params: meldkamerParams,
          body: meldkamerPhoneBody,
        },
      },
      async (request, reply) => {
        let phone = null;
        if (request.body.phone !== null) {
          phone = parsePhoneNumber(request.body.phone, deps.phoneCountries);
          if (phone === null) return sendProblem(reply, deps.catalogue, { code: 'meldkamer.invalid-phone-number' });
        }
        const outcome = await setMeldkamerPhone(deps, staffOf(request), request.params.code, phone?.msisdn ?? null);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        const m = outcome.value;
        return {
          code: m.code,
          name: m.name,
          publicPhone: m.publicPhone,
          display: m.publicPhone === null ? null : displayPhone(m.publicPhone),
        };
      },
    );
  };
}
