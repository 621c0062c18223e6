import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { approveAction } from '../../../app/actions/approve-action.js';
import { searchActions, viewAction } from '../../../app/actions/view-action.js';
import { ACTION_TYPES } from '../../../domain/action/action-type.js';
import { scopeOfArea } from '../../../domain/action/geographic-scope.js';
import { areaSurfaceKm2 } from '../../../domain/area/region-reach.js';
import { findGemeente } from '../../../domain/geo/find-gemeente.js';
import { may } from '../../../domain/staff/permissions.js';
import { mayRunActionsFor } from '../../../domain/staff/staff.js';
import { csrfField, errorSummary } from '../html/form-fields.js';
import { html } from '../html/html.js';
import type { HttpDeps } from '../server/http-deps.js';
import { actionTypeSettings } from '../../../app/actions/action-type-settings.js';
import { actionPageControls, CONTROL_ASSETS, mayControl } from './action-page-controls.js';
import { auditActor, auditDetails, auditEventLabel, auditNames, formatDateTime } from './audit-format.js';
import { renderPortalPage } from './portal-page.js';
import { requireStaffPage, requireStaffRole } from './staff-page-guard.js';

const searchQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  type: z
    .enum(ACTION_TYPES as [string, ...string[]])
    .optional()
    .catch(undefined),
  plaats: z.string().trim().max(100).optional().catch(undefined),
  van: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  tot: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
});
const idParams = z.object({ id: z.uuid() });
const approveForm = z.object({ versie: z.coerce.number().int().min(1) });
const ROLES = ['centralist', 'meldkamer-beheer', 'landelijk-beheer'] as const;

/** History: search past actions by number or words, type, place (gemeente) and period; each with its full timeline. */
export function historyPages(deps: HttpDeps): FastifyPluginAsync {
  const guard = [requireStaffPage, requireStaffRole(...ROLES)];
  return async (app) => {
    app.get('/plein/acties', { preHandler: guard }, async (request, reply) => {
      const t = deps.catalogue.plein.history;
      const q = searchQuery.parse(request.query ?? {});
      const amsterdamDay = (d: string, end: boolean) => new Date(`${d}T${end ? '23:59:59' : '00:00:00'}+01:00`);
      const place = q.plaats ? findGemeente(deps.referenceData.gemeenten, q.plaats) : null;
      const unknownPlace = q.plaats && place === null ? t.unknownPlace(q.plaats) : null;
      const outcome =
        unknownPlace === null
          ? await searchActions(deps, request.staff!, {
              meldkamerCode: null,
              status: null,
              type: (q.type as (typeof ACTION_TYPES)[number] | undefined) ?? null,
              text: q.q || null,
              centreInGemeente: place?.code ?? null,
              from: q.van ? amsterdamDay(q.van, false) : null,
              to: q.tot ? amsterdamDay(q.tot, true) : null,
              limit: 100,
              offset: 0,
            })
          : null;
      const items = outcome?.ok ? outcome.value.items : [];
      const c = t.columns;
      // Other meldkamers' actions that reached into this one's region: listed, marked, opened read-only.
      const readOnly = (meldkamerCode: string) => !mayRunActionsFor(request.staff!, meldkamerCode);
      return reply
        .code(unknownPlace === null ? 200 : 422)
        .type('text/html; charset=utf-8')
        .send(
          renderPortalPage(request, reply, {
            title: t.title,
            current: '/plein/acties',
            main: html`<h1>${t.title}</h1>
${unknownPlace === null ? null : errorSummary({ plaats: unknownPlace })}
<form method="get" action="/plein/acties" class="filters">
<div class="field"><label for="zoek-q">${t.text}</label><input id="zoek-q" name="q" type="search" value="${q.q ?? ''}" maxlength="100"></div>
<div class="field"><label for="zoek-type">${t.type}</label><select id="zoek-type" name="type"><option value="">${t.allTypes}</option>${ACTION_TYPES.map((type) => html`<option value="${type}"${q.type === type ? html` selected` : null}>${deps.catalogue.actionTypes[type]}</option>`)}</select></div>
<div class="field${unknownPlace === null ? '' : ' has-error'}"><label for="veld-plaats">${t.place}</label><span class="hint" id="veld-plaats-hint">${t.placeHint}</span><input id="veld-plaats" name="plaats" type="text" list="gemeenten" value="${q.plaats ?? ''}" maxlength="100" autocomplete="off" aria-describedby="veld-plaats-hint"${unknownPlace === null ? null : html` aria-invalid="true"`}>
<datalist id="gemeenten">${deps.referenceData.gemeenten.map((g) => html`<option value="${g.name}"></option>`)}</datalist></div>
<div class="field"><label for="zoek-van">${t.from}</label><input id="zoek-van" name="van" type="date" value="${q.van ?? ''}"></div>
<div class="field"><label for="zoek-tot">${t.to}</label><input id="zoek-tot" name="tot" type="date" value="${q.tot ?? ''}"></div>
<button type="submit">${t.search}</button>
</form>
${outcome === null ? null : html`<p data-aantal>${outcome.ok ? t.count(outcome.value.total) : t.noAccess}</p>`}
<div class="table-scroll utrecht-table-container" tabindex="0" role="region" aria-label="${t.caption}"><table><caption class="visually-hidden">${t.caption}</caption><thead><tr><th scope="col">${c.number}</th><th scope="col">${c.type}</th><th scope="col">${c.status}</th><th scope="col">${c.meldkamer}</th><th scope="col">${c.created}</th><th scope="col">${c.message}</th></tr></thead>
<tbody>${items.map(
              (a) =>
                html`<tr><td><a href="/plein/acties/${a.id}">${a.number}</a></td><td>${deps.catalogue.actionTypes[a.type]}</td><td><span class="status status-${a.status}">${deps.catalogue.plein.actionStatuses[a.status]}</span></td><td>${a.meldkamerCode}${readOnly(a.meldkamerCode) ? html` <span class="muted">(${t.readOnlyMark})</span>` : null}</td><td>${formatDateTime(a.createdAt)}</td><td>${a.message.slice(0, 80)}</td></tr>`,
            )}</tbody></table></div>`,
          }),
        );
    });

    app.get('/plein/acties/:id', { preHandler: guard }, async (request, reply) => {
      const t = deps.catalogue.plein;
      const h = t.history;
      const params = idParams.safeParse(request.params);
      const outcome = params.success ? await viewAction(deps, request.staff!, params.data.id) : null;
      if (outcome === null || !outcome.ok) {
        return reply
          .code(404)
          .type('text/html; charset=utf-8')
          .send(
            renderPortalPage(request, reply, {
              title: h.notFoundTitle,
              main: html`<h1>${h.notFoundHeading}</h1><p><a href="/plein/acties">${h.back}</a></p>`,
            }),
          );
      }
      const { action, messages, progress } = outcome.value;
      const audit = await deps.store.auditSearch.search({
        actorId: null,
        event: null,
        subjectType: 'action',
        subjectId: action.id,
        from: null,
        to: null,
        meldkamerCode: null,
        gemeenteCode: null,
        limit: 500,
        offset: 0,
      });
      const staff = request.staff!;
      const approval = await deps.store.actionTypeSettings.approvalOf(action.id, action.version);
      const readOnly = !mayRunActionsFor(staff, action.meldkamerCode);
      const canApprove =
        action.status === 'concept' &&
        !readOnly &&
        may(staff, 'actions.approve') &&
        action.createdBy !== staff.id &&
        approval === null;
      // Other meldkamers reached beyond the margin approve for their region; this page shows who did and who not yet.
      const regional =
        action.status === 'concept' ? await deps.store.regionApprovals.of(action.id, action.version) : [];
      const approvedRegions = regional.filter((r) => r.approvedAt !== null);
      const waitingRegions = regional.filter((r) => r.approvedAt === null).map((r) => r.meldkamerCode);
      const ownRegion = staff.scope.kind === 'meldkamer' ? staff.scope.meldkamerCode : null;
      const canApproveForRegion =
        readOnly &&
        ownRegion !== null &&
        action.status === 'concept' &&
        may(staff, 'actions.approve') &&
        !approvedRegions.some((r) => r.meldkamerCode === ownRegion) &&
        scopeOfArea(deps.geography, action.area, action.meldkamerCode).needsApprovalOf.includes(ownRegion);
      const totals = Object.values(progress.byKind).flatMap((k) => Object.values(k));
      const count = (s: 'delivered' | 'failed' | 'submitted') => totals.reduce((n, c) => n + c[s], 0);
      const words = { catalogue: deps.catalogue, names: auditNames(audit.items), viewerId: request.staff!.id };
      const timeline = [
        ...audit.items.map((e) => ({
          at: e.at,
          text: h.eventBy({ event: auditEventLabel(t, e.event), actor: auditActor(e, words) }),
          detail: auditDetails(e, words),
        })),
        ...messages.map((m) => ({ at: m.createdAt, text: h.messageKinds[m.kind], detail: m.text })),
      ].sort((a, b) => a.at.getTime() - b.at.getTime());
      const summary = h.summary({
        type: deps.catalogue.actionTypes[action.type],
        status: html`<span class="status status-${action.status}" id="actie-status">${t.actionStatuses[action.status]}</span>`,
        meldkamer: action.meldkamerCode,
        result: action.result ? deps.catalogue.results[action.result] : null,
      });
      const when = (at: Date | null) => (at ? formatDateTime(at) : '–');
      const decimal = (n: number, digits: number) =>
        n.toLocaleString('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits });
      const where = { lat: decimal(action.area.centre.lat, 4), lon: decimal(action.area.centre.lon, 4) };
      const km2 = decimal(areaSurfaceKm2(action.area), 1);
      const areaText =
        action.area.kind === 'circle'
          ? h.areaCircle({ radiusKm: decimal(action.area.radiusMetres / 1000, 1), ...where, km2 })
          : h.areaPolygon({ points: action.area.rings[0]?.length ?? 0, ...where, km2 });
      // A live action the centralist may run has the console's controls here too.
      const controls = actionPageControls(deps, staff, action, await actionTypeSettings(deps));
      const assets = controls !== null && mayControl(staff, action) ? CONTROL_ASSETS : null;
      return reply.type('text/html; charset=utf-8').send(
        renderPortalPage(request, reply, {
          title: h.actionTitle(action.number),
          current: '/plein/acties',
          ...(assets === null ? {} : { styles: assets.styles, scripts: assets.scripts }),
          main: html`<h1>${h.actionTitle(action.number)}</h1>
<p id="actie-samenvatting" data-ververs>${summary}</p>
<p id="actie-voortgang" data-ververs>${h.progress({ sent: count('submitted') + count('delivered') + count('failed'), delivered: count('delivered'), failed: count('failed'), first: when(progress.firstSubmittedAt), last: when(progress.lastSubmittedAt) })}</p>
<p>${areaText}${action.reachesMeldkamers.length > 0 ? ` ${h.reachesRegions(action.reachesMeldkamers.join(', '))}` : ''}</p>
${readOnly && ownRegion !== null ? html`<p class="notice">${h.readOnlyNotice(action.meldkamerCode)}</p>` : null}
${approval ? html`<p class="notice">${h.approvedOn(formatDateTime(approval.approvedAt))}</p>` : null}
${approvedRegions.map((r) => html`<p class="notice">${h.regionApprovedOn({ meldkamer: r.meldkamerCode, at: formatDateTime(r.approvedAt!) })}</p>`)}
${waitingRegions.length > 0 ? html`<p class="notice">${h.regionApprovalWaiting(waitingRegions.join(', '))}</p>` : null}
${mayControl(staff, action) ? html`<p><a class="button secondary" href="/plein/console?actie=${action.id}">${h.openInConsole}</a></p>` : null}
${controls}
${canApprove ? html`<form method="post" action="/plein/acties/${action.id}/goedkeuren">${csrfField(reply.generateCsrf())}<input type="hidden" name="versie" value="${action.version}"><button type="submit">${h.approve}</button></form>` : null}
${canApproveForRegion ? html`<p>${h.regionApprovalAsked({ meldkamer: action.meldkamerCode, margin: (deps.geography.limits.regionMarginMetres / 1000).toLocaleString('nl-NL') })}</p><form method="post" action="/plein/acties/${action.id}/goedkeuren">${csrfField(reply.generateCsrf())}<input type="hidden" name="versie" value="${action.version}"><button type="submit">${h.approveForRegion(ownRegion)}</button></form>` : null}
<h2>${h.timeline}</h2>
<div id="actie-tijdlijn" data-ververs><ol class="timeline">${timeline.map((e) => html`<li><time>${formatDateTime(e.at)}</time>${e.text}${e.detail ? html`<br><span class="muted">${e.detail}</span>` : null}</li>`)}</ol></div>
<p><a href="/plein/acties">${h.back}</a></p>`,
        }),
      );
    });

    app.post('/plein/acties/:id/goedkeuren', { preHandler: [...guard, app.csrfProtection] }, async (request, reply) => {
      const params = idParams.safeParse(request.params);
      const form = approveForm.safeParse(request.body ?? {});
      // The version the approver saw: a concept revised since then is not approved (the page shows the new one).
      if (params.success)
        await approveAction(deps, request.staff!, params.data.id, form.success ? form.data.versie : null);
      return reply
        .code(303)
        .header('location', params.success ? `/plein/acties/${params.data.id}` : '/plein/acties')
        .send();
    });
  };
}
