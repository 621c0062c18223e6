import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ABUSE_LIMIT_NAMES, hourOf } from '../../../domain/self-service/abuse-limit.js';
import type { SelfServiceHttpDeps } from '../self-service/self-service-http-deps.js';

const hitsQuery = z
  .object({
    hours: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 31)
      .default(48)
      .describe('Hoeveel uur terug'),
  })
  .strict();

/** For the dashboard: the limits on one-time codes and how often each refused something, per hour. */
export function abuseLimitRoutes(self: SelfServiceHttpDeps): FastifyPluginAsyncZod {
  const ss = self.selfService;
  return async (app) => {
    app.get(
      '/abuse-limits',
      {
        schema: {
          tags: ['Beheer'],
          summary: 'Limieten op verificatiecodes en hoe vaak ze weigerden (per uur)',
          querystring: hitsQuery,
        },
      },
      async (request) => {
        const since = hourOf(new Date(ss.clock.now().getTime() - (request.query.hours - 1) * 3_600_000));
        const hits = await ss.store.selfService.limitHitsSince(since);
        const totals = Object.fromEntries(
          ABUSE_LIMIT_NAMES.map((name) => [
            name,
            hits.filter((h) => h.limitName === name).reduce((n, h) => n + h.hits, 0),
          ]),
        );
        return {
          limits: { ...ss.limits, codeCountries: ss.codeCountries },
          since,
          totals,
          hours: hits.map((h) => ({ limit: h.limitName, hour: h.hour, hits: h.hits })),
        };
      },
    );
  };
}
