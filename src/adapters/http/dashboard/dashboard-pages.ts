import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { viewActions } from '../../../app/dashboard/action-views.js';
import { viewBenchmark, viewMap } from '../../../app/dashboard/benchmark-views.js';
import type { DashboardDeps } from '../../../app/dashboard/dashboard-deps.js';
import type { DashboardError } from '../../../domain/dashboard/errors.js';
import type { Result } from '../../../domain/result.js';
import { gemeentenInScope } from '../../../app/dashboard/gemeente-summary.js';
import { addCampaign, removeCampaign } from '../../../app/dashboard/manage-campaigns.js';
import { viewEmail, viewParticipants, viewTrend } from '../../../app/dashboard/participant-views.js';
import { mayManageCampaignsOf } from '../../../domain/dashboard/dashboard-access.js';
import { may } from '../../../domain/staff/permissions.js';
import { STAFF_ROLES, type Staff } from '../../../domain/staff/staff.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { DashboardTexts } from '../../../domain/messages/dashboard-texts.js';
import { html } from '../html/html.js';
import { problemStatus } from '../server/problem.js';
import { gemeenteParams, periodOf, periodQuery } from './dashboard-query.js';
import { gemeenteBoundariesJson } from '../plein/map-boundaries.js';
import { renderPortalPage } from '../plein/portal-page.js';
import { requireStaffPage, requireStaffRole } from '../plein/staff-page-guard.js';
import { tableCsv } from './data-table.js';
import {
  dashboardIndexMain,
  dashboardTables,
  gemeenteDashboardMain,
  type GemeenteDashboard,
} from './dashboard-page.js';
import { mapTable } from './dashboard-tables.js';

const PAGE = { hide: true } as const;
const STYLES = ['/static/vendor/leaflet/leaflet.css', '/static/dashboard/dashboard.css'];
const SCRIPTS = ['/static/vendor/leaflet/leaflet.js', '/static/dashboard/dashboard-map.js'];
const campaignForm = (t: DashboardTexts['campaigns']) =>
  z.object({
    name: z.string().trim().min(1, t.nameMissing).max(100, t.nameTooLong),
    startsOn: z.iso.date(t.startsOnMissing),
    endsOn: z.iso.date(t.endsOnMissing),
  });

/** Burgernetplein's dashboard pages: the start page, a gemeente's dashboard, its CSV downloads and campaigns. */
export function dashboardPages(deps: DashboardDeps, catalogue: Catalogue): FastifyPluginAsync {
  const guard = [requireStaffPage, requireStaffRole(...STAFF_ROLES.filter((role) => may({ role }, 'dashboard.view')))];
  const provinces = new Map([...deps.gemeenten.values()].map((g) => [g.provinceCode, g.provinceName]));
  const t = catalogue.dashboard;
  const campaignFormOf = campaignForm(t.campaigns);

  const refused = (request: FastifyRequest, reply: FastifyReply, error: DashboardError) =>
    reply
      .code(problemStatus(error))
      .type('text/html; charset=utf-8')
      .send(
        renderPortalPage(request, reply, {
          title: catalogue.problems[error.code] ?? t.title,
          current: '/plein/dashboard',
          main: html`<h1>${catalogue.problems[error.code] ?? error.code}</h1>${error.code === 'dashboard.invalid-period' ? html`<p>${t.periodProblems[error.problem]}</p>` : null}<p><a href="/plein/dashboard">${t.page.toDashboard}</a></p>`,
        }),
      );

  async function load(
    staff: Staff,
    code: string,
    query: z.infer<typeof periodQuery>,
  ): Promise<Result<GemeenteDashboard, DashboardError>> {
    const period = periodOf(query, deps.clock.now());
    const participants = await viewParticipants(deps, staff, code);
    if (!participants.ok) return participants;
    const [trend, actions, benchmark, map, email] = await Promise.all([
      viewTrend(deps, staff, code, period, query.interval),
      viewActions(deps, staff, code, period),
      viewBenchmark(deps, code),
      viewMap(deps),
      viewEmail(deps, staff, code, period),
    ]);
    if (!trend.ok) return trend;
    if (!actions.ok) return actions;
    if (!benchmark.ok) return benchmark;
    if (!email.ok) return email;
    return {
      ok: true,
      value: {
        gemeente: participants.value.gemeente,
        period,
        requestedInterval: query.interval,
        participants: participants.value,
        trend: trend.value,
        actions: actions.value,
        benchmark: benchmark.value,
        map,
        email: email.value,
        provinces,
      },
    };
  }

  const queryOf = (request: FastifyRequest) => {
    const q = request.url.indexOf('?');
    return q < 0 ? '' : request.url.slice(q);
  };

  async function renderDashboard(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    query: z.infer<typeof periodQuery>,
    campaignErrors: Record<string, string> = {},
    status = 200,
  ) {
    const staff = request.staff!;
    const loaded = await load(staff, code, query);
    if (!loaded.ok) return refused(request, reply, loaded.error);
    const d = loaded.value;
    const notice =
      (request.query as Record<string, unknown>).campagne === 'opgeslagen'
        ? html`<p class="notice" role="status">${t.campaigns.saved}</p>`
        : (request.query as Record<string, unknown>).campagne === 'verwijderd'
          ? html`<p class="notice" role="status">${t.campaigns.removed}</p>`
          : null;
    return reply
      .code(status)
      .type('text/html; charset=utf-8')
      .send(
        renderPortalPage(request, reply, {
          title: t.page.heading(d.gemeente.name),
          current: '/plein/dashboard',
          styles: STYLES,
          scripts: SCRIPTS,
          notice,
          main: gemeenteDashboardMain(d, catalogue, {
            csrf: reply.generateCsrf(),
            mayManageCampaigns: may(staff, 'campaigns.manage') && mayManageCampaignsOf(staff, code),
            campaignErrors,
            query: status === 200 ? queryOf(request) : '',
          }),
        }),
      );
  }

  return async (app) => {
    app.get('/plein/dashboard', { schema: PAGE, preHandler: guard }, async (request, reply) => {
      const staff = request.staff!;
      const picked = z
        .object({
          gemeente: z
            .string()
            .regex(/^GM\d{4}$/)
            .optional(),
        })
        .safeParse(request.query);
      if (picked.success && picked.data.gemeente !== undefined)
        return reply.code(303).header('location', `/plein/dashboard/${picked.data.gemeente}`).send();
      if (staff.scope.kind === 'gemeente')
        return reply.code(303).header('location', `/plein/dashboard/${staff.scope.gemeenteCode}`).send();
      const map = await viewMap(deps);
      return reply.type('text/html; charset=utf-8').send(
        renderPortalPage(request, reply, {
          title: t.title,
          current: '/plein/dashboard',
          styles: STYLES,
          scripts: SCRIPTS,
          main: dashboardIndexMain(gemeentenInScope(deps, staff), map, provinces, catalogue),
        }),
      );
    });

    app.get('/plein/dashboard/csv/kaart', { schema: PAGE, preHandler: guard }, async (_request, reply) => {
      const table = mapTable(await viewMap(deps), provinces, catalogue);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="kaart.csv"')
        .send(tableCsv(table));
    });

    app.get('/plein/dashboard/kaart/gemeenten.geojson', { schema: PAGE, preHandler: guard }, async (_request, reply) =>
      reply
        .type('application/geo+json')
        .header('cache-control', 'private, max-age=3600')
        .send(await gemeenteBoundariesJson()),
    );

    app.get('/plein/dashboard/:code', { schema: PAGE, preHandler: guard }, async (request, reply) => {
      const params = gemeenteParams.safeParse(request.params);
      const query = periodQuery.safeParse(request.query);
      if (!params.success) return refused(request, reply, { code: 'dashboard.unknown-gemeente' });
      if (!query.success) return refused(request, reply, { code: 'dashboard.invalid-period', problem: 'order' });
      return renderDashboard(request, reply, params.data.code, query.data);
    });

    app.get('/plein/dashboard/:code/csv/:table', { schema: PAGE, preHandler: guard }, async (request, reply) => {
      const params = gemeenteParams.extend({ table: z.string().regex(/^[a-z-]{1,40}$/) }).safeParse(request.params);
      const query = periodQuery.safeParse(request.query);
      if (!params.success || !query.success)
        return reply.code(404).type('text/plain; charset=utf-8').send(t.page.unknownTable);
      const loaded = await load(request.staff!, params.data.code, query.data);
      if (!loaded.ok) return refused(request, reply, loaded.error);
      const table = dashboardTables(loaded.value, catalogue).find((x) => x.id === params.data.table);
      if (table === undefined) return reply.code(404).type('text/plain; charset=utf-8').send(t.page.unknownTable);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${params.data.code}-${table.id}.csv"`)
        .send(tableCsv(table));
    });

    app.post(
      '/plein/dashboard/:code/campagnes',
      { schema: PAGE, preHandler: [...guard, app.csrfProtection] },
      async (request, reply) => {
        const params = gemeenteParams.safeParse(request.params);
        if (!params.success) return refused(request, reply, { code: 'dashboard.unknown-gemeente' });
        const form = campaignFormOf.safeParse(request.body);
        const defaults = periodQuery.parse({});
        if (!form.success) {
          const errors: Record<string, string> = {};
          for (const issue of form.error.issues) errors[String(issue.path[0])] ??= issue.message;
          return renderDashboard(request, reply, params.data.code, defaults, errors, 422);
        }
        const outcome = await addCampaign(deps, request.staff!, params.data.code, form.data);
        if (!outcome.ok) {
          if (outcome.error.code !== 'dashboard.invalid-period') return refused(request, reply, outcome.error);
          return renderDashboard(
            request,
            reply,
            params.data.code,
            defaults,
            { endsOn: t.periodProblems[outcome.error.problem] },
            422,
          );
        }
        return reply
          .code(303)
          .header('location', `/plein/dashboard/${params.data.code}?campagne=opgeslagen#verloop`)
          .send();
      },
    );

    app.post(
      '/plein/dashboard/:code/campagnes/:id/verwijderen',
      { schema: PAGE, preHandler: [...guard, app.csrfProtection] },
      async (request, reply) => {
        const params = gemeenteParams.extend({ id: z.uuid() }).safeParse(request.params);
        if (!params.success) return refused(request, reply, { code: 'campaign.not-found' });
        const outcome = await removeCampaign(deps, request.staff!, params.data.code, params.data.id);
        if (!outcome.ok) return refused(request, reply, outcome.error);
        return reply
          .code(303)
          .header('location', `/plein/dashboard/${params.data.code}?campagne=verwijderd#verloop`)
          .send();
      },
    );
  };
}
