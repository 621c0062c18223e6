import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { HttpDeps } from '../server/http-deps.js';

const TAG = ['Referentiegegevens'];

export function referenceRoutes(deps: HttpDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/meldkamers',
      { schema: { tags: TAG, summary: 'De tien meldkamers (politie-eenheden)' } },
      async () => deps.referenceData.meldkamers,
    );
    app.get(
      '/gemeenten',
      {
        schema: { tags: TAG, summary: 'De 342 gemeenten met provincie, veiligheidsregio, politie-eenheid en inwoners' },
      },
      async () => deps.referenceData.gemeenten,
    );
  };
}
