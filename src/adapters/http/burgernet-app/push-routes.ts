import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { PushDeps } from '../../../app/push/push-deps.js';
import { registerPushSubscription } from '../../../app/push/register-push-subscription.js';
import { removePushSubscription } from '../../../app/push/remove-push-subscription.js';
import { updatePresence } from '../../../app/push/update-presence.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { parsePresenceCell } from '../../presence/presence-cells.js';
import { sendInvalidFields, sendProblem } from '../server/problem.js';
import { clientKey } from '../server/client-key.js';
import type { RateLimiter } from '../../../app/ports/rate-limiter.js';
import { sendRateRefusal } from '../server/rate-refusal.js';
import { presenceBody, subscribeBody, subscriptionParams } from './push-schemas.js';

export interface PushRouteDeps extends PushDeps {
  readonly catalogue: Catalogue;
  readonly vapidPublicKey: string;
  readonly endpointAllowed: (endpoint: URL) => boolean;
  /** Per client address, over all push routes (fails open: a phone can still report in while Redis is away). */
  readonly requestLimit: RateLimiter;
}

const TAG = ['Burgernetapp: meldingen'];
const BODY_LIMIT_BYTES = 4 * 1024;

/**
 * The app's push endpoints (public, no sign-up): subscribe, tell the server roughly where the phone is, and
 * unsubscribe. The phone proves it owns a subscription with its device token (`Authorization: Device <token>`).
 * Requests are not logged per request (`logLevel: warn`), so that no log line shows when a phone reported in.
 */
export function pushRoutes(deps: PushRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.addHook('onRequest', async (request, reply) => {
      const decision = await deps.requestLimit.take(clientKey(request.ip), Date.now());
      if (decision.kind !== 'allowed') return sendRateRefusal(reply, deps, decision);
    });
    const routeOptions = { logLevel: 'warn' as const, bodyLimit: BODY_LIMIT_BYTES };

    app.get(
      '/vapid-public-key',
      { ...routeOptions, schema: { tags: TAG, summary: 'De VAPID-sleutel voor PushManager.subscribe', security: [] } },
      async () => ({
        publicKey: deps.vapidPublicKey,
      }),
    );

    app.post(
      '/subscriptions',
      {
        ...routeOptions,
        schema: { tags: TAG, summary: 'Een toestel meldt zich aan voor meldingen', security: [], body: subscribeBody },
      },
      async (request, reply) => {
        const { endpoint, keys } = request.body.subscription;
        if (!deps.endpointAllowed(new URL(endpoint))) {
          return sendProblem(reply, deps.catalogue, { code: 'push.endpoint-not-allowed' });
        }
        const created = await registerPushSubscription(deps, { endpoint, p256dh: keys.p256dh, auth: keys.auth });
        return reply.code(201).header('cache-control', 'no-store').send(created);
      },
    );

    app.put(
      '/subscriptions/:id/presence',
      {
        ...routeOptions,
        schema: {
          tags: TAG,
          summary: 'Het toestel geeft zijn grove cel door (alleen in het geheugen, kort)',
          security: [],
          params: subscriptionParams,
          body: presenceBody,
        },
      },
      async (request, reply) => {
        const cell = parsePresenceCell(request.body.cell);
        if (cell === null)
          return sendInvalidFields(reply, deps.catalogue, [{ path: 'cell', message: 'Geen H3-cel op resolutie 7' }]);
        const outcome = await updatePresence(deps, request.params.id, deviceTokenOf(request), cell);
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(204).send();
      },
    );

    app.delete(
      '/subscriptions/:id',
      {
        ...routeOptions,
        schema: { tags: TAG, summary: 'Het toestel meldt zich af', security: [], params: subscriptionParams },
      },
      async (request, reply) => {
        const outcome = await removePushSubscription(deps, request.params.id, deviceTokenOf(request));
        if (!outcome.ok) return sendProblem(reply, deps.catalogue, outcome.error);
        return reply.code(204).send();
      },
    );
  };
}

function deviceTokenOf(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Device ') ? header.slice('Device '.length).trim() : '';
}
