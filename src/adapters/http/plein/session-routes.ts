import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { sessionEnds, sessionWarningMs } from '../../../domain/staff/staff-session.js';
import type { HttpDeps } from '../server/http-deps.js';

/**
 * When the portal session ends, for the page's warning (src/web/plein/session/): the server's own clock, so the
 * page never guesses. `idleEndsAt` moves with every request; `endsAt` is the absolute limit, which nothing moves.
 */
function sessionStatus(deps: HttpDeps, request: FastifyRequest, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
  const resolved = request.staffSession;
  if (resolved === null || resolved.session.stage !== 'active') return { active: false };
  const limits = deps.plein.auth.sessionLimits;
  const ends = sessionEnds(resolved.session, limits);
  return {
    active: true,
    now: deps.clock.now().toISOString(),
    idleEndsAt: ends.idleAt.toISOString(),
    endsAt: ends.absoluteAt.toISOString(),
    warnSeconds: Math.round(sessionWarningMs(limits) / 1000),
  };
}

/** The session's status, and "Blijf ingelogd" (also the console's keep-alive while it shows a live action). */
export function sessionRoutes(deps: HttpDeps): FastifyPluginAsync {
  return async (app) => {
    // Asking does not count as activity: otherwise the question would keep every open page logged in.
    app.get('/plein/sessie', { config: { sessionActivity: false } }, async (request, reply) =>
      sessionStatus(deps, request, reply),
    );
    // A request like any other (loadPortalSession counted it as activity); the answer is the new end.
    app.post('/plein/sessie/verlengen', { preHandler: app.csrfProtection }, async (request, reply) =>
      sessionStatus(deps, request, reply),
    );
  };
}
