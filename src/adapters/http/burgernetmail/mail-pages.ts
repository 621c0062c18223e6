import type { FastifyPluginAsync } from 'fastify';
import type { HttpDeps } from '../server/http-deps.js';
import type { MailHttpDeps } from './mail-http-deps.js';
import { sendProblem } from '../server/problem.js';
import { mailPortalPages } from './mail-portal-pages.js';
import { mailPublicPages } from './mail-public-pages.js';
import { mailSimulatorPages } from './mail-simulator-pages.js';
import { mailTemplatePages } from './mail-template-pages.js';

/** Burgernetmail's pages: the portal section, templates, the links in mails, and (demo only) the simulator's messages. */
export function mailPages(deps: HttpDeps, mail: MailHttpDeps): FastifyPluginAsync {
  return async (app) => {
    await app.register(mailTemplatePages(deps, mail));
    if (mail.demo && mail.simulator !== null)
      await app.register(mailSimulatorPages(mail, deps.catalogue.mail.portal.simulator));
    // Outside the demo there is no such page (and the path is no mail id either).
    else
      app.get('/plein/burgernetmail/simulator', async (_request, reply) =>
        sendProblem(reply, deps.catalogue, { code: 'request.not-found' }),
      );
    await app.register(mailPortalPages(deps, mail));
    await app.register(mailPublicPages(deps, mail));
  };
}
