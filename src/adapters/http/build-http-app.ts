import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createAuthenticate } from './authenticate.js';
import type { HttpDeps } from './http-deps.js';
import { PROBLEM_CONTENT_TYPE, problem } from './problem.js';
import { actionRoutes } from './routes/action-routes.js';
import { participantRoutes } from './routes/participant-routes.js';
import { referenceRoutes } from './routes/reference-routes.js';

z.config(z.locales.nl());

const ERROR_DOCS = fileURLToPath(new URL('../../../docs/errors/', import.meta.url));
const BODY_LIMIT_BYTES = 256 * 1024;

/** Builds the HTTP API without listening, so that tests can drive it with `inject` or on port 0. */
export async function buildHttpApp(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger.child({ component: 'http' }) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('staff', null);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Burgernet API',
        version: '1',
        description: 'Burgernetacties starten, volgen en afsluiten; deelnemers beheren. Fouten volgen RFC 9457 (application/problem+json).',
      },
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
      security: [{ token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs/api' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      return reply
        .code(400)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          problem(deps.catalogue, 'request.invalid', 400, {
            detail: 'Controleer de gemarkeerde velden.',
            errors: error.validation.map((v) => ({
              path: `${error.validationContext ?? ''}${v.instancePath || ''}`.replace(/^body\/?/, '') || '/',
              message: v.message ?? 'ongeldig',
            })),
          }),
        );
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.code(413).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'request.too-large', 413));
    if (status === 415) return reply.code(415).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'request.unsupported-media-type', 415));
    if (status >= 400 && status < 500) {
      return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'request.invalid', status, { detail: 'De aanvraag kon niet worden gelezen.' }));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'server.internal', 500));
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'request.not-found', 404)),
  );

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/docs/errors/:code', { schema: { hide: true, params: z.object({ code: z.string().regex(/^[a-z-]+\.[a-z-]+$/) }) } }, async (request, reply) => {
    const text = await readFile(`${ERROR_DOCS}${request.params.code}.md`, 'utf8').catch(() => null);
    if (text === null) return reply.code(404).type(PROBLEM_CONTENT_TYPE).send(problem(deps.catalogue, 'request.not-found', 404));
    return reply.type('text/markdown; charset=utf-8').send(text);
  });

  await app.register(
    async (api) => {
      api.addHook('onRequest', createAuthenticate(deps.store.staff, deps.catalogue));
      await api.register(actionRoutes(deps));
      await api.register(participantRoutes(deps));
      await api.register(referenceRoutes(deps));
    },
    { prefix: '/api/v1' },
  );
  return app;
}
