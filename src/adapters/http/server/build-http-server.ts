import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import { installApiAuthentication } from './api-authentication.js';
import { installSessionBoundCsrf } from './session-bound-csrf.js';
import { storableText, unstorableText } from './unstorable-text.js';
import { browserBundleRoutes, browserBundles } from './browser-bundles.js';
import { loadPortalSession } from '../plein/staff-page-guard.js';
import { pleinPages } from '../plein/plein-pages.js';
import { pleinApiRoutes } from '../plein/plein-api-routes.js';
import type { HttpDeps } from './http-deps.js';
import { PROBLEM_CONTENT_TYPE, problemOf, sendInvalidFields, sendProblem } from './problem.js';
import { installErrorPages, newErrorReference } from './error-page.js';
import { requestLogFields } from './request-log-fields.js';
import { isDatabaseUnavailable } from '../../store/database/database-unavailable.js';
import { actionRoutes } from '../actions/action-routes.js';
import { actionMediaRoutes } from '../actions/action-media-routes.js';
import { burgernetAppApiRoutes, createBurgernetAppRequestLimit } from '../burgernet-app/burgernet-app-api-routes.js';
import { pushRoutes } from '../burgernet-app/push-routes.js';
import { actionPages } from '../actions/action-pages.js';
import { burgernetAppPages } from '../burgernet-app/burgernet-app-pages.js';
import { callRoutingRoutes } from '../call-routing/call-routing-routes.js';
import { participantRoutes } from '../participants/participant-routes.js';
import { broadcastRoutes } from '../broadcast/broadcast-routes.js';
import { referenceRoutes } from '../reference/reference-routes.js';
import { relatiebeheerRoutes } from '../participants/relatiebeheer-routes.js';
import { abuseLimitRoutes } from '../plein/abuse-limit-routes.js';
import { selfServicePages } from '../site/self-service-pages.js';
import { mailRoutes } from '../burgernetmail/mail-routes.js';
import { mailPages } from '../burgernetmail/mail-pages.js';
import { dashboardRoutes } from '../dashboard/dashboard-routes.js';
import { dashboardPages } from '../dashboard/dashboard-pages.js';

z.config(z.locales.nl());

/** What a client is told to wait (Retry-After) while the database is away: about as long as a restart takes. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

const ERROR_DOCS = fileURLToPath(new URL('../../../../docs/errors/', import.meta.url));
// Styles and images; the page scripts are bundled from src/web/ (browser-bundles.ts).
const STATIC_ASSETS = fileURLToPath(new URL('../../../web/static/', import.meta.url));
const LEAFLET_ASSETS = fileURLToPath(new URL('../../../../node_modules/leaflet/dist/', import.meta.url));
// h3-js's browser build: the app computes its coarse presence cell on the phone.
const H3_ASSETS = fileURLToPath(new URL('../../../../node_modules/h3-js/dist/browser/', import.meta.url));
// NL Design System, Rijkshuisstijl community: the design tokens and the components' CSS (page-layout.ts, ADR 0024).
const RHC_TOKENS_ASSETS = fileURLToPath(
  new URL('../../../../node_modules/@rijkshuisstijl-community/design-tokens/dist/', import.meta.url),
);
const RHC_COMPONENTS_ASSETS = fileURLToPath(
  new URL('../../../../node_modules/@rijkshuisstijl-community/components-css/dist/', import.meta.url),
);

/**
 * Pages load only their own scripts and styles. Leaflet positions map tiles with inline styles, hence
 * 'unsafe-inline' for styles only; scripts are never inline.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');
const BODY_LIMIT_BYTES = 256 * 1024;

/** Every HTML answer: only its own scripts and styles, never sniffed, no referrer to other sites, never stored. */
function setPageHeaders(reply: FastifyReply): void {
  reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('referrer-policy', 'same-origin');
  reply.header('cache-control', 'no-store');
}
const HSTS = 'max-age=31536000; includeSubDomains';

/** Builds the HTTP API without listening, so that tests can drive it with `inject` or on port 0. */
export async function buildHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const app = Fastify({
    // Request log lines carry the path only (see request-log-fields.ts): no query strings, no app users' addresses.
    // The cast keeps the instance typed with Fastify's logger (pino's own Logger type would leak into every route).
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    loggerInstance: deps.logger.child(
      { component: 'http' },
      { serializers: { req: requestLogFields } },
    ) as FastifyBaseLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.trustProxy !== undefined && deps.trustProxy.length > 0 ? [...deps.trustProxy] : false,
    // Server-sent-event streams (progress, tips) stay open: on stop, end them instead of waiting for the
    // browser to leave. Clients reconnect to the next process.
    forceCloseConnections: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('staff', null);
  app.decorateRequest('staffCredential', null);
  // Only JSON bodies: without this, Fastify reads text/plain as a string and the schema says "expected object".
  app.removeContentTypeParser('text/plain');

  // Cookies carry the CSRF secret of forms (and the portal's session); the CSRF token is checked on every
  // state-changing form post and cookie-authenticated API call (`app.csrfProtection`).
  // Every answer: never sniffed; over HTTPS (as the trusted proxy says) stay on HTTPS. API answers carry staff
  // and participant data: never stored unless a route chose its own caching (the app's public feed does).
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    if (!reply.hasHeader('cache-control') && (request.url.startsWith('/api/') || request.url.startsWith('/app/v1/'))) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
  await app.register(cookie);
  await installSessionBoundCsrf(app, {
    secure: deps.plein.cookieSecure,
    hmacKey: deps.crypto?.digest('csrf-session-binding', 'hmac-key') ?? null,
  });
  await app.register(fastifyStatic, { root: STATIC_ASSETS, prefix: '/static/', index: false, maxAge: '1h' });
  const bundles = await browserBundles(deps.logger);
  await app.register(browserBundleRoutes(bundles));
  await app.register(fastifyStatic, {
    root: LEAFLET_ASSETS,
    prefix: '/static/vendor/leaflet/',
    decorateReply: false,
    index: false,
    maxAge: '1d',
  });
  await app.register(fastifyStatic, {
    root: H3_ASSETS,
    prefix: '/static/vendor/h3/',
    decorateReply: false,
    index: false,
    maxAge: '1d',
  });
  for (const [root, prefix] of [
    [RHC_TOKENS_ASSETS, '/static/vendor/rhc-tokens/'],
    [RHC_COMPONENTS_ASSETS, '/static/vendor/rhc-components/'],
  ] as const) {
    await app.register(fastifyStatic, { root, prefix, decorateReply: false, index: false, maxAge: '1d' });
  }
  const appDeps = deps.app === undefined ? null : { ...deps, app: deps.app };
  // Before the routes, so that it covers every /app/v1 route, wherever it is registered.
  if (appDeps !== null) app.addHook('onRequest', createBurgernetAppRequestLimit(appDeps));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Burgernet API',
        version: '1',
        description:
          'Burgernetacties starten, volgen en afsluiten; deelnemers beheren. Fouten volgen RFC 9457 (application/problem+json).',
      },
      tags: [
        {
          name: 'Deelnemers',
          description:
            'Deelnemers binnen uw gemeente of regio: u ziet en wijzigt alleen de aanmeldingen op een adres daarbinnen. Iemand daarbuiten geeft 404 participant.not-found, net als iemand die niet bestaat; elke poging wordt vastgelegd (participant.denied).',
        },
        {
          name: 'Relatiebeheer',
          description:
            'De gemeentelijke weergave van Deelnemers (dezelfde regels, foutcodes en audit; niet voor centralisten), plus CSV-import en -export.',
        },
      ],
      components: { securitySchemes: { token: { type: 'http', scheme: 'bearer' } } },
      security: [{ token: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs/api',
    // Its own policy with hashes of its inline parts; never framed, and no rewriting of http (TLS ends at the proxy).
    staticCSP: true,
    transformStaticCSP: (header) =>
      header.replace(/frame-ancestors [^;]*/, "frame-ancestors 'none'").replace(/\s*upgrade-insecure-requests;?/, ''),
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendInvalidFields(
        reply,
        deps.catalogue,
        error.validation.map((v) => ({
          path: `${error.validationContext ?? ''}${v.instancePath || ''}`.replace(/^body\/?/, '') || '/',
          message: v.message ?? 'ongeldig',
        })),
      );
    }
    if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
      return sendProblem(reply, deps.catalogue, { code: 'auth.csrf' });
    }
    if (isDatabaseUnavailable(error)) {
      // Not a fault of ours to look into: the database restarts or is out of reach. No reference, no stack.
      request.log.warn({ err: { message: error.message } }, 'request refused: database unavailable');
      return sendProblem(reply, deps.catalogue, {
        code: 'server.database-unavailable',
        retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return sendProblem(reply, deps.catalogue, { code: 'request.too-large' });
    if (status === 415)
      return sendProblem(reply, deps.catalogue, { code: 'request.unsupported-media-type', expected: 'json' });
    if (status >= 400 && status < 500)
      return sendProblem(reply, deps.catalogue, { code: 'request.invalid', reason: 'unreadable', status });
    // The reference is in the answer and in the log line, so that someone who quotes it can be helped.
    const reference = newErrorReference();
    request.log.error({ err: error, reference }, 'request failed');
    return reply
      .code(500)
      .type(PROBLEM_CONTENT_TYPE)
      .send({ ...problemOf(deps.catalogue, { code: 'server.internal' }), reference });
  });
  app.setNotFoundHandler((_request, reply) => sendProblem(reply, deps.catalogue, { code: 'request.not-found' }));
  // A browser gets those problems (and any a page sends) as a Dutch page; the API keeps RFC 9457 JSON.
  installErrorPages(app, deps.catalogue, setPageHeaders);

  // With each SMSC connection profile's state (up, down, half-open) and why, for whoever watches the failover;
  // 503 while the database does not answer, so that a load balancer sends requests to another node meanwhile.
  app.get('/health', { schema: { hide: true } }, async (request, reply) => {
    // The SMSCs' names, hosts and faults only for whoever asks on this machine; a load balancer needs the states.
    const local = request.ip === '127.0.0.1' || request.ip === '::1';
    const smsc =
      deps.smscHealth === undefined
        ? {}
        : {
            smsc: local
              ? deps.smscHealth()
              : deps.smscHealth().map(({ priority, state, bound }) => ({ priority, state, bound })),
          };
    if (deps.databaseReachable === undefined || (await deps.databaseReachable())) return { status: 'ok', ...smsc };
    return reply
      .code(503)
      .header('cache-control', 'no-store')
      .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
      .send({ status: 'database-unavailable', ...smsc });
  });
  app.get(
    '/docs/errors/:code',
    { schema: { hide: true, params: z.object({ code: z.string().regex(/^[a-z-]+\.[a-z-]+$/) }) } },
    async (request, reply) => {
      const text = await readFile(`${ERROR_DOCS}${request.params.code}.md`, 'utf8').catch(() => null);
      if (text === null) return sendProblem(reply, deps.catalogue, { code: 'request.not-found' });
      return reply.type('text/markdown; charset=utf-8').send(text);
    },
  );

  // JSON APIs: a text no field can store is refused before the handler, naming its path. (Pages clean their form
  // values themselves and answer in HTML.)
  const refuseUnstorableText = async (request: FastifyRequest, reply: FastifyReply) => {
    const error =
      unstorableText(request.body, '', deps.catalogue) ?? unstorableText(request.query, 'querystring', deps.catalogue);
    if (error === null) return;
    return sendInvalidFields(reply, deps.catalogue, [error]);
  };
  const withTextCheck =
    (routes: FastifyPluginAsync): FastifyPluginAsync =>
    async (scope) => {
      scope.addHook('preHandler', refuseUnstorableText);
      await scope.register(routes);
    };
  await app.register(
    async (api) => {
      installApiAuthentication(api, deps);
      api.addHook('preHandler', refuseUnstorableText);
      await api.register(actionRoutes(deps));
      await api.register(participantRoutes(deps));
      await api.register(referenceRoutes(deps));
      await api.register(broadcastRoutes(deps));
      if (appDeps !== null) await api.register(actionMediaRoutes(appDeps));
      if (deps.selfService !== undefined) {
        await api.register(relatiebeheerRoutes(deps, deps.selfService));
        await api.register(abuseLimitRoutes(deps.selfService));
      }
      await api.register(pleinApiRoutes(deps));
      if (deps.mail !== undefined) await api.register(mailRoutes(deps, deps.mail));
      if (deps.dashboard !== undefined) await api.register(dashboardRoutes(deps.dashboard, deps.catalogue));
    },
    { prefix: '/api/v1' },
  );
  // The Burgernetapp's API: anonymous, rate-limited per address, never told where a phone is.
  if (appDeps !== null) await app.register(withTextCheck(burgernetAppApiRoutes(appDeps)), { prefix: '/app/v1' });
  // Push subscriptions and presence: anonymous too; a phone's cell is held in memory only and never logged.
  if (deps.push !== undefined) await app.register(withTextCheck(pushRoutes(deps.push)), { prefix: '/app/v1/push' });
  // Telephony platforms, not staff: their own address allow-list and token instead of staff authentication.
  if (deps.callRouting !== undefined)
    await app.register(withTextCheck(callRoutingRoutes(deps.callRouting, deps.catalogue)), { prefix: '/api/v1' });

  // Pages (public site, app, portal): HTML forms post application/x-www-form-urlencoded, accepted only here.
  await app.register(async (web) => {
    await web.register(formbody, { bodyLimit: 64 * 1024 });
    // Pages are for people, not API clients: none of them belongs in the OpenAPI document.
    web.addHook('onRoute', (route) => {
      route.schema = { ...route.schema, hide: true };
    });
    web.addHook('onSend', async (_request, reply, payload) => {
      const type = String(reply.getHeader('content-type') ?? '');
      if (type.startsWith('text/html')) setPageHeaders(reply);
      return payload;
    });
    // A form value no field can store (NUL, half a surrogate pair) is cleaned before any page reads it.
    web.addHook('preValidation', async (request) => {
      request.body = storableText(request.body);
      request.query = storableText(request.query);
    });
    // The portal's session (request.staff) for every page; guards in plein/staff-page-guard.ts.
    web.addHook('onRequest', loadPortalSession(deps));
    // Page route plugins register here (src/adapters/http/<feature>/).
    await web.register(pleinPages(deps));
    if (deps.dashboard !== undefined) await web.register(dashboardPages(deps.dashboard, deps.catalogue));
    if (deps.selfService !== undefined) await web.register(selfServicePages(deps, deps.selfService));
    if (deps.mail !== undefined) await web.register(mailPages(deps, deps.mail));
    if (appDeps !== null) {
      await web.register(burgernetAppPages(appDeps, bundles));
      await web.register(actionPages(appDeps));
    }
  });
  return app;
}
