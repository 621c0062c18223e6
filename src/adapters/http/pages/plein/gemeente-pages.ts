import type { FastifyPluginAsync } from 'fastify';
import { html } from '../../html/html.js';
import type { HttpDeps } from '../../http-deps.js';
import { formatDateTime } from './audit-format.js';
import { gemeenteOfPoint } from '../../../geodata/gemeente-boundaries.js';
import { renderPortalPage } from './portal-page.js';
import { requireStaffPage, requireStaffRole } from './staff-page-guard.js';

const STATUS_NL: Record<string, string> = { concept: 'concept', actief: 'actief', afgesloten: 'afgesloten', ingetrokken: 'ingetrokken' };

/** The gemeente's page: its participants, recent actions in the gemeente, links to its tools. */
export function gemeentePages(deps: HttpDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/plein/gemeente', { preHandler: [requireStaffPage, requireStaffRole('gemeente', 'gemeente-beheer')] }, async (request, reply) => {
      const staff = request.staff!;
      if (staff.scope.kind !== 'gemeente') return reply.code(303).header('location', '/plein').send();
      const code = staff.scope.gemeenteCode;
      const gemeente = deps.referenceData.gemeenten.find((g) => g.code === code);
      // A count, not a read of anyone's data: no audit entry.
      const participants = await deps.store.participants.searchParticipants({ scope: staff.scope, text: null, msisdn: null, gemeenteCode: code, limit: 1, offset: 0 });
      const since = new Date(deps.clock.now().getTime() - 90 * 86_400_000);
      const ofMeldkamer = gemeente
        ? await deps.store.actions.searchActions({ meldkamerCode: gemeente.policeUnitCode, status: null, type: null, text: null, from: since, to: null, limit: 200, offset: 0 })
        : { items: [], total: 0 };
      const inGemeente = [];
      for (const a of ofMeldkamer.items) {
        if (a.status !== 'concept' && (await gemeenteOfPoint(a.area.centre)) === code) inGemeente.push(a);
      }
      return reply.type('text/html; charset=utf-8').send(
        renderPortalPage(request, reply, {
          title: gemeente ? `Gemeente ${gemeente.name}` : 'Gemeente',
          current: '/plein/gemeente',
          main: html`<h1>Gemeente ${gemeente?.name ?? code}</h1>
<div class="cards">
<div class="card"><h2>Deelnemers</h2><p class="figure" data-deelnemers>${participants.total}</p><p>met een aanmelding in uw gemeente</p><p><a href="/plein/relatiebeheer">Naar relatiebeheer</a></p></div>
<div class="card"><h2>Inwoners</h2><p class="figure">${gemeente?.population ?? '–'}</p><p>volgens CBS (2024)</p></div>
</div>
<h2>Recente acties in uw gemeente</h2>
${inGemeente.length === 0
  ? html`<p>Geen acties in de afgelopen 90 dagen.</p>`
  : html`<table><caption class="visually-hidden">Acties van de afgelopen 90 dagen</caption><thead><tr><th scope="col">Nummer</th><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Gestart</th></tr></thead><tbody>${inGemeente.map(
      (a) => html`<tr><td>${a.number}</td><td>${deps.catalogue.actionTypes[a.type]}</td><td>${STATUS_NL[a.status]}</td><td>${a.startedAt ? formatDateTime(a.startedAt) : '–'}</td></tr>`,
    )}</tbody></table>`}
<h2>Verder</h2>
<ul><li><a href="/plein/relatiebeheer">Relatiebeheer: deelnemers in uw gemeente</a></li><li><a href="/plein/account">Mijn account en recente activiteit</a></li></ul>`,
        }),
      );
    });
  };
}
