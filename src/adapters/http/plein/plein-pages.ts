import { smsSimulatorPage } from './sms-simulator-page.js';
import type { FastifyPluginAsync } from 'fastify';
import { may } from '../../../domain/staff/permissions.js';
import type { HttpDeps } from '../server/http-deps.js';
import { accountPages } from './account-pages.js';
import { activationPages } from './activation-pages.js';
import { beheerPages } from './beheer-pages.js';
import { consolePages } from './console-pages.js';
import { gemeentePages } from './gemeente-pages.js';
import { historyPages } from './history-pages.js';
import { loginPages } from './login-pages.js';
import { ssoPages } from './sso-pages.js';
import { requireStaffPage } from './staff-page-guard.js';
import { sessionRoutes } from './session-routes.js';

/** Burgernetplein: every staff page under /plein. */
export function pleinPages(deps: HttpDeps): FastifyPluginAsync {
  return async (app) => {
    // Pages are not part of the API: keep them out of the OpenAPI document.
    app.addHook('onRoute', (route) => {
      route.schema = { ...(route.schema ?? {}), hide: true };
    });
    // The start page sends each role to where its work is.
    app.get('/plein', { preHandler: requireStaffPage }, async (request, reply) => {
      const staff = request.staff!;
      const target = may(staff, 'actions.run')
        ? '/plein/console'
        : staff.scope.kind === 'gemeente'
          ? '/plein/gemeente'
          : may(staff, 'staff.manage')
            ? '/plein/beheer'
            : '/plein/account';
      return reply.code(303).header('location', target).send();
    });
    await app.register(loginPages(deps));
    await app.register(sessionRoutes(deps));
    await app.register(ssoPages(deps));
    await app.register(activationPages(deps));
    await app.register(accountPages(deps));
    await app.register(consolePages(deps));
    await app.register(historyPages(deps));
    await app.register(gemeentePages(deps));
    await app.register(beheerPages(deps));
    await app.register(smsSimulatorPage(deps.smsSimulator, deps.catalogue));
  };
}
