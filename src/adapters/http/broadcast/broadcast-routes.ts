import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readDeliveryLog } from '../../../app/broadcast/read-delivery-log.js';
import { ACTION_EVENT_KINDS } from '../../../domain/broadcast/action-event.js';
import { OUTBOX_STATUSES } from '../../../domain/broadcast/outbox-delivery.js';
import { staffOf } from '../server/authenticate.js';
import type { HttpDeps } from '../server/http-deps.js';

const TAG = ['Partners en kanalen'];

const deliveryLogQuery = z.object({
  destination: z.string().min(1).max(200).optional(),
  actionId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const deliveryLogEntry = z.object({
  destination: z.string(),
  eventId: z.string(),
  kind: z.enum(ACTION_EVENT_KINDS),
  actionId: z.string(),
  actionNumber: z.string(),
  sequence: z.number().int(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastHttpStatus: z.number().int().nullable(),
  lastReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  nextAttemptAt: z.iso.datetime(),
  settledAt: z.iso.datetime().nullable(),
});

export function broadcastRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/broadcast-deliveries',
      {
        schema: {
          tags: TAG,
          summary: 'Afleverlogboek van partnerkanalen (webhooks): per gebeurtenis en bestemming de status en pogingen',
          querystring: deliveryLogQuery,
          response: { 200: z.object({ items: z.array(deliveryLogEntry) }) },
        },
      },
      async (request) => {
        const entries = await readDeliveryLog(deps, staffOf(request), {
          destination: request.query.destination ?? null,
          actionId: request.query.actionId ?? null,
          limit: request.query.limit,
        });
        return {
          items: entries.map((e) => ({
            ...e,
            createdAt: e.createdAt.toISOString(),
            nextAttemptAt: e.nextAttemptAt.toISOString(),
            settledAt: e.settledAt?.toISOString() ?? null,
          })),
        };
      },
    );
  };
}
