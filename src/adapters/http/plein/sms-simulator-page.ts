import type { FastifyPluginAsync } from 'fastify';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { html } from '../html/html.js';
import { sendProblem } from '../server/problem.js';
import { renderPortalPage } from './portal-page.js';
import { requireStaffPage } from './staff-page-guard.js';
import type { SmsSimulatorView } from './sms-simulator-view.js';

const PATH = '/plein/sms-simulator';
const SHOWN = 50;
const TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'short',
  timeStyle: 'medium',
});

/**
 * The demo's view of the SMSC simulator: the last SMS it received, newest first, so that a newcomer can read a
 * sign-up or login code and see what an alert looked like. Only in demo mode with the simulator as SMSC (any staff
 * member who is logged in); otherwise the path does not exist.
 */
export function smsSimulatorPage(simulator: SmsSimulatorView | undefined, catalogue: Catalogue): FastifyPluginAsync {
  const t = catalogue.plein.smsSimulator;
  return async (app) => {
    if (simulator === undefined) {
      app.get(PATH, async (_request, reply) => sendProblem(reply, catalogue, { code: 'request.not-found' }));
      return;
    }
    app.get(PATH, { preHandler: requireStaffPage }, async (request, reply) => {
      const messages = simulator.messages.slice(-SHOWN).reverse();
      const c = t.columns;
      const table =
        messages.length === 0
          ? html`<p>${t.none}</p>`
          : html`<table class="compact"><thead><tr><th scope="col">${c.at}</th><th scope="col">${c.to}</th><th scope="col">${c.text}</th><th scope="col">${c.parts}</th></tr></thead><tbody>
${messages.map((m) => html`<tr><td>${TIME.format(m.receivedAt)}</td><td>${m.to}</td><td>${m.text}</td><td>${m.parts}</td></tr>`)}
</tbody></table>`;
      return reply.type('text/html; charset=utf-8').send(
        renderPortalPage(request, reply, {
          title: t.title,
          main: html`<h1>${t.title}</h1><p>${t.intro({ received: simulator.messages.length, port: simulator.port, shown: messages.length })}</p>${table}`,
        }),
      );
    });
  };
}
