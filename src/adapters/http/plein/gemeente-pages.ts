import type { FastifyPluginAsync } from 'fastify';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { formatDateTime } from './audit-format.js';
import { gemeenteOfPoint } from '../../geodata/gemeente-boundaries.js';
import { renderPortalPage } from './portal-page.js';
import { requireStaffPage, requireStaffRole } from './staff-page-guard.js';

/** The gemeente's page: its participants, recent actions in the gemeente, links to its tools. */
export function gemeentePages(deps: HttpDeps): FastifyPluginAsync {
  return async (app) => {
    app.get(
      '/plein/gemeente',
      { preHandler: [requireStaffPage, requireStaffRole('gemeente', 'gemeente-beheer')] },
      async (request, reply) => {
        const staff = request.staff!;
        if (staff.scope.kind !== 'gemeente') return reply.code(303).header('location', '/plein').send();
        const code = staff.scope.gemeenteCode;
        const gemeente = deps.referenceData.gemeenten.find((g) => g.code === code);
        // A count, not a read of anyone's data: no audit entry.
        const participants = await deps.store.participants.searchParticipants({
          scope: staff.scope,
          text: null,
          msisdn: null,
          gemeenteCode: code,
          limit: 1,
          offset: 0,
        });
        const since = new Date(deps.clock.now().getTime() - 90 * 86_400_000);
        const ofMeldkamer = gemeente
          ? await deps.store.actions.searchActions({
              meldkamerCode: gemeente.policeUnitCode,
              status: null,
              type: null,
              text: null,
              from: since,
              to: null,
              limit: 200,
              offset: 0,
            })
          : { items: [], total: 0 };
        const inGemeente = [];
        for (const a of ofMeldkamer.items) {
          if (a.status !== 'concept' && (await gemeenteOfPoint(a.area.centre)) === code) inGemeente.push(a);
        }
        const g = deps.catalogue.plein.gemeentePage;
        return reply.type('text/html; charset=utf-8').send(
          renderPortalPage(request, reply, {
            title: g.title(gemeente?.name ?? null),
            current: '/plein/gemeente',
            main: html`<h1>${g.heading(gemeente?.name ?? code)}</h1>
<div class="cards">
<div class="card"><h2>${g.participants}</h2><p class="figure" data-deelnemers>${participants.total}</p><p>${g.participantsText}</p><p><a href="/plein/relatiebeheer">${g.toRelatiebeheer}</a></p></div>
<div class="card"><h2>${g.population}</h2><p class="figure">${gemeente?.population ?? '–'}</p><p>${g.populationSource}</p></div>
</div>
<h2>${g.recentHeading}</h2>
${
  inGemeente.length === 0
    ? html`<p>${g.noRecent}</p>`
    : html`<table><caption class="visually-hidden">${g.recentCaption}</caption><thead><tr><th scope="col">${g.columns.number}</th><th scope="col">${g.columns.type}</th><th scope="col">${g.columns.status}</th><th scope="col">${g.columns.started}</th></tr></thead><tbody>${inGemeente.map(
        (a) =>
          html`<tr><td>${a.number}</td><td>${deps.catalogue.actionTypes[a.type]}</td><td>${deps.catalogue.plein.actionStatuses[a.status]}</td><td>${a.startedAt ? formatDateTime(a.startedAt) : '–'}</td></tr>`,
      )}</tbody></table>`
}
<h2>${g.moreHeading}</h2>
<ul><li><a href="/plein/relatiebeheer">${g.relatiebeheerLink}</a></li><li><a href="/plein/account">${g.accountLink}</a></li></ul>`,
          }),
        );
      },
    );
  };
}
