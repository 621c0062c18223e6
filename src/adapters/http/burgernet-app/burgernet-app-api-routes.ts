import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { MediaDeps } from '../../../app/media/media-deps.js';
import { listPublicActions, readPublicPhoto, viewPublicAction } from '../../../app/public/public-actions.js';
import { sendTip } from '../../../app/public/send-tip.js';
import type { BurgernetAppHttpDeps } from './burgernet-app-http-deps.js';
import type { HttpDeps } from '../server/http-deps.js';
import { readUpload, uploadError } from '../server/multipart-upload.js';
import { sendInvalidFields, sendProblem } from '../server/problem.js';
import { clientKey } from '../server/client-key.js';
import type { RateLimiter } from '../../../app/ports/rate-limiter.js';
import { sendRateRefusal } from '../server/rate-refusal.js';
import { appActionParams, feedQuery, photoQuery, publicActionJson, tipFields } from './burgernet-app-schemas.js';
import { parsePhoneNumber } from '../server/phone-number.js';

const TAG = ['Burgernetapp'];
const HOUR_MS = 3_600_000;
/** A random id the app keeps on the phone, only to count its tips; never stored. */
const DEVICE_HEADER = 'x-burgernet-device';
const DEVICE_ID = /^[A-Za-z0-9-]{16,64}$/;

/** Same answer for everyone: caches (and the service worker) may keep it briefly; an ETag saves the body. */
function sendCacheable(request: FastifyRequest, reply: FastifyReply, body: unknown): FastifyReply {
  const json = JSON.stringify(body);
  const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 27)}"`;
  reply.header('cache-control', 'public, max-age=15').header('etag', etag).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(json);
}

/**
 * The app's API, without sign-up: the feed of public actions (the same for everyone; the device decides
 * which are near), one action, its photo, and tips. No request here can carry where the device is.
 */
export function burgernetAppApiRoutes(deps: HttpDeps & { readonly app: BurgernetAppHttpDeps }): FastifyPluginAsyncZod {
  const media: MediaDeps = {
    store: deps.store,
    clock: deps.clock,
    ids: deps.ids,
    photos: deps.app.photos,
    images: deps.app.images,
  };
  // Tips fail closed: while the shared counters are away a flood of tips (with photos) must not reach the meldkamer.
  const tipsByAddress = deps.rateLimiters({
    name: 'app-tips-address',
    limit: deps.app.tipsPerHour,
    windowMs: HOUR_MS,
    whenUnavailable: 'refuse',
  });
  const tipsByDevice = deps.rateLimiters({
    name: 'app-tips-device',
    limit: deps.app.tipsPerHour,
    windowMs: HOUR_MS,
    whenUnavailable: 'refuse',
  });
  const callOptions = { fallbackPhone: deps.app.fallbackPhone };

  return async (app) => {
    await app.register(multipart);

    app.get(
      '/actions',
      {
        schema: {
          tags: TAG,
          summary: 'Actieve en recente openbare acties (voor iedereen dezelfde lijst)',
          querystring: feedQuery,
          security: [],
        },
      },
      async (request, reply) => {
        const items = await listPublicActions(deps, deps.app.recentHours);
        return sendCacheable(request, reply, {
          actions: items.map((item) => publicActionJson(item, deps.catalogue, callOptions)),
        });
      },
    );

    app.get(
      '/actions/:id',
      {
        schema: {
          tags: TAG,
          summary: 'Wat openbaar is van één actie',
          params: appActionParams,
          querystring: feedQuery,
          security: [],
        },
      },
      async (request, reply) => {
        const outcome = await viewPublicAction(deps, request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return sendCacheable(request, reply, publicActionJson(outcome.value, deps.catalogue, callOptions));
      },
    );

    app.get(
      '/actions/:id/photo',
      {
        schema: {
          tags: TAG,
          summary: 'De foto van de politie bij de actie, zolang die getoond mag worden',
          params: appActionParams,
          querystring: photoQuery,
          security: [],
        },
      },
      async (request, reply) => {
        const outcome = await readPublicPhoto({ ...deps, photos: deps.app.photos }, request.params.id);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        const { photo, bytes } = outcome.value;
        const etag = `"${photo.image.key.slice(0, 32)}"`;
        // no-cache: revalidated every time, so a photo that may no longer be shown is not served from a cache.
        reply.header('cache-control', 'no-cache').header('etag', etag).header('x-content-type-options', 'nosniff');
        if (request.headers['if-none-match'] === etag) return reply.code(304).send();
        return reply.type(photo.image.contentType).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      },
    );

    app.post(
      '/actions/:id/tips',
      {
        schema: {
          tags: TAG,
          summary:
            'Een tip aan de meldkamer: tekst, eventueel een foto en een terugbelnummer (multipart/form-data: text, phone, photo)',
          params: appActionParams,
          consumes: ['multipart/form-data'],
          security: [],
        },
      },
      async (request, reply) => {
        const now = Date.now();
        const device = String(request.headers[DEVICE_HEADER] ?? '');
        const limiters: [RateLimiter, string][] = [[tipsByAddress, clientKey(request.ip)]];
        if (DEVICE_ID.test(device)) limiters.push([tipsByDevice, device]);
        for (const [limiter, key] of limiters) {
          const decision = await limiter.take(key, now);
          if (decision.kind !== 'allowed') return sendRateRefusal(reply, deps, decision);
        }
        const upload = await readUpload(request, {
          maxFileBytes: deps.app.maxPhotoBytes,
          fields: ['text', 'phone'],
          fileField: 'photo',
          maxFieldBytes: 4_096,
        });
        if (!upload.ok)
          return sendProblem(
            reply,
            deps.catalogue,
            uploadError(upload.problem, deps.catalogue, deps.app.maxPhotoBytes),
          );
        const fields = tipFields.safeParse({
          text: upload.fields.text ?? '',
          ...(upload.fields.phone?.trim() ? { phone: upload.fields.phone } : {}),
        });
        if (!fields.success) {
          return sendInvalidFields(
            reply,
            deps.catalogue,
            fields.error.issues.map((i) => ({ path: i.path.join('/') || '/', message: i.message })),
          );
        }
        let callback = null;
        if (fields.data.phone !== undefined) {
          callback = parsePhoneNumber(fields.data.phone, deps.phoneCountries);
          if (callback === null) return sendProblem(reply, deps.catalogue, { code: 'tip.invalid-phone-number' });
        }
        const outcome = await sendTip(media, request.params.id, {
          text: fields.data.text,
          callbackMsisdn: callback?.msisdn ?? null,
          photo: upload.file,
        });
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(201).send({ id: outcome.value.id, receivedAt: outcome.value.receivedAt.toISOString() });
      },
    );
  };
}

/**
 * Every /app/v1 request counts against its address (the push routes count their own). In memory only (this
 * process's or Redis's); the addresses are never written anywhere. Fails open: the feed stays readable while the
 * shared counters are away.
 */
export function createBurgernetAppRequestLimit(
  deps: Pick<HttpDeps, 'catalogue' | 'rateLimiters'> & {
    readonly app: Pick<BurgernetAppHttpDeps, 'requestsPerMinute'>;
  },
) {
  const limiter = deps.rateLimiters({
    name: 'app-requests',
    limit: deps.app.requestsPerMinute,
    windowMs: 60_000,
    whenUnavailable: 'allow',
  });
  return async function appRequestLimit(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (!request.url.startsWith('/app/v1/') || request.url.startsWith('/app/v1/push/')) return;
    const decision = await limiter.take(clientKey(request.ip), Date.now());
    if (decision.kind !== 'allowed') await sendRateRefusal(reply, deps, decision);
  };
}
