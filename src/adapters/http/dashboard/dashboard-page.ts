import type { ActionsView } from '../../../app/dashboard/action-views.js';
import type { BenchmarkView, MapView } from '../../../app/dashboard/benchmark-views.js';
import type { GemeenteSummary } from '../../../app/dashboard/gemeente-summary.js';
import type { EmailView, ParticipantsView, TrendView } from '../../../app/dashboard/participant-views.js';
import { ACTION_TYPES } from '../../../domain/action/action-type.js';
import type { DayPeriod, TrendInterval } from '../../../domain/dashboard/dashboard-period.js';
import { TREND_INTERVALS } from '../../../domain/dashboard/dashboard-period.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { csrfField, textField } from '../html/form-fields.js';
import { html, jsonBlock, type SafeHtml } from '../html/html.js';
import { renderTable, type DataTable } from './data-table.js';
import {
  actionListTable,
  actionsPerMonthTables,
  AREA_SLUG,
  axisTick,
  benchmarkTable,
  campaignsTable,
  emailTable,
  mapTable,
  monthTick,
  outcomesTable,
  participantsTable,
  provinceRankingTable,
  trendTable,
} from './dashboard-tables.js';
import { formatFigure, formatPercent } from './dashboard-numbers.js';
import { horizontalBars, lineChart, stackedColumns } from './svg-charts.js';

export interface GemeenteDashboard {
  readonly gemeente: GemeenteSummary;
  readonly period: DayPeriod;
  readonly requestedInterval: TrendInterval;
  readonly participants: ParticipantsView;
  readonly trend: TrendView;
  readonly actions: ActionsView;
  readonly benchmark: BenchmarkView;
  readonly map: MapView;
  readonly email: EmailView;
  readonly provinces: ReadonlyMap<string, string>;
}

/** Every table of a gemeente's dashboard, in page order: the page and the CSV downloads use this one list. */
export function dashboardTables(d: GemeenteDashboard, t: Catalogue): DataTable[] {
  const province = d.provinces.get(d.gemeente.provinceCode) ?? d.gemeente.provinceName;
  return [
    participantsTable(d.participants, t),
    trendTable(d.trend, t),
    campaignsTable(d.trend, t),
    ...actionsPerMonthTables(d.actions, t),
    outcomesTable(d.actions, t),
    actionListTable(d.actions, t),
    benchmarkTable(d.benchmark, t, province),
    provinceRankingTable(d.benchmark, t, province),
    mapTable(d.map, d.provinces, t),
    emailTable(d.email, t),
  ];
}

function filterForm(d: GemeenteDashboard, t: Catalogue): SafeHtml {
  const x = t.dashboard.page;
  return html`<form method="get" action="/plein/dashboard/${d.gemeente.code}" class="filters" aria-label="${x.filterLabel}">
${textField({ name: 'from', label: x.from, type: 'date', value: d.period.from, required: true })}
${textField({ name: 'to', label: x.to, type: 'date', value: d.period.to, required: true })}
<div class="field"><label for="veld-interval">${x.interval}</label><select id="veld-interval" name="interval">${TREND_INTERVALS.map(
    (i) =>
      html`<option value="${i}"${i === d.requestedInterval ? html` selected` : null}>${t.dashboard.intervals[i]}</option>`,
  )}</select></div>
<div class="field"><button type="submit">${x.show}</button></div>
</form>`;
}

function campaignForm(
  d: GemeenteDashboard,
  t: Catalogue,
  csrf: string,
  errors: Readonly<Record<string, string>>,
): SafeHtml {
  const x = t.dashboard.campaigns;
  return html`<details class="campaign-form"${Object.keys(errors).length > 0 ? html` open` : null}><summary>${x.summary}</summary>
<form method="post" action="/plein/dashboard/${d.gemeente.code}/campagnes">
${csrfField(csrf)}
${textField({ name: 'name', label: x.name, required: true, maxlength: 100, error: errors.name ?? null })}
${textField({ name: 'startsOn', label: x.startsOn, type: 'date', required: true, error: errors.startsOn ?? null })}
${textField({ name: 'endsOn', label: x.endsOn, type: 'date', required: true, error: errors.endsOn ?? null })}
<button type="submit">${x.submit}</button>
</form></details>`;
}

export interface PageExtras {
  readonly csrf: string;
  readonly mayManageCampaigns: boolean;
  readonly campaignErrors: Readonly<Record<string, string>>;
  readonly query: string;
}

/** The gemeente's dashboard: charts drawn on the server, each followed by its table and a CSV download. */
export function gemeenteDashboardMain(d: GemeenteDashboard, t: Catalogue, extras: PageExtras): SafeHtml {
  const x = t.dashboard.page;
  const charts = t.dashboard.charts;
  const tables = new Map(dashboardTables(d, t).map((table) => [table.id, table]));
  const csv = (id: string) => `/plein/dashboard/${d.gemeente.code}/csv/${id}${extras.query}`;
  const table = (id: string) => {
    const found = tables.get(id);
    return found === undefined ? null : renderTable(found, csv(id), t.dashboard.tables.download);
  };
  const asTable = (id: string) =>
    html`<details class="table-view"><summary>${x.tableView}</summary>${table(id)}</details>`;
  const p = d.participants;
  const n = (v: number | string) => (typeof v === 'number' ? v : null);
  const trend = d.trend;
  const bucketIndex = (day: string) =>
    Math.max(
      0,
      trend.buckets.findLastIndex((b) => b.bucket <= day),
    );
  const province = d.provinces.get(d.gemeente.provinceCode) ?? d.gemeente.provinceName;
  const gemeenteOutcomes = d.actions.areas[0]?.outcomes ?? [];
  const nationalOutcomes = d.actions.areas[3]?.outcomes ?? [];

  return html`<h1>${x.heading(d.gemeente.name)}</h1>
<p class="lead">${x.lead({ province: d.gemeente.provinceName, safetyRegion: d.gemeente.safetyRegionName, policeUnit: d.gemeente.policeUnitName, sizeClass: t.dashboard.sizeClasses[d.gemeente.sizeClass] })}</p>
${filterForm(d, t)}
<p class="note">${t.dashboard.notes.suppression}</p>
<nav aria-label="${x.tocLabel}" class="toc"><ul>
<li><a href="#deelnemers">${x.toc.participants}</a></li><li><a href="#verloop">${x.toc.trend}</a></li><li><a href="#acties">${x.toc.actions}</a></li>
<li><a href="#vergelijking">${x.toc.benchmark}</a></li><li><a href="#kaart-sectie">${x.toc.map}</a></li><li><a href="#burgernetmail">${x.toc.mail}</a></li></ul></nav>

<section aria-labelledby="deelnemers">
<h2 id="deelnemers">${x.participantsHeading}</h2>
<div class="cards">
<div class="card"><p class="figure" data-figure="participants">${formatFigure(p.participants)}</p><p>${x.participantsFigure}</p></div>
<div class="card"><p class="figure" data-figure="per-thousand">${formatFigure(p.perThousand)}</p><p>${x.perThousandFigure}</p></div>
<div class="card"><p class="figure" data-figure="app-users">${formatFigure(p.appUsersNational.subscriptions)}</p><p>${x.appUsersFigure}</p></div>
</div>
${horizontalBars(charts, 'kanalen', x.channelsChart(d.gemeente.name), [
  { label: t.dashboard.channels.sms, value: n(p.sms), note: formatFigure(p.sms) },
  { label: t.dashboard.channels.voice, value: n(p.voice), note: formatFigure(p.voice) },
  { label: t.dashboard.channels.email, value: n(p.email), note: formatFigure(p.email) },
])}
${table('deelnemers')}
<p class="note">${t.dashboard.notes.participantsCount}</p>
<p class="note">${t.dashboard.notes.appUsers}</p>
</section>

<section aria-labelledby="verloop">
<h2 id="verloop">${x.trendHeading(t.dashboard.intervals[trend.interval])}</h2>
${trend.interval !== d.requestedInterval ? html`<p class="note">${x.trendWeekly}</p>` : null}
<p>${x.periodTotals({ joined: html`<strong data-figure="joined">${trend.total.joined === null ? t.dashboard.notes.totalHidden : formatFigure(trend.total.joined)}</strong>`, leaving: html`<strong data-figure="leaving">${trend.total.leaving === null ? t.dashboard.notes.totalHidden : formatFigure(trend.total.leaving)}</strong>` })}</p>
${lineChart(
  charts,
  'verloop',
  x.trendChart({ gemeente: d.gemeente.name, interval: t.dashboard.intervals[trend.interval] }),
  trend.buckets.map((b) => axisTick(b.bucket, trend.interval)),
  [
    { label: x.joined, values: trend.buckets.map((b) => b.joined), dash: null, marker: 'circle' },
    { label: x.left, values: trend.buckets.map((b) => b.leaving), dash: '6 4', marker: 'square' },
  ],
  trend.actions.map((a) => ({ index: bucketIndex(a.day), label: `${a.number}: ${t.actionTypes[a.type]}` })),
  trend.campaigns.map((c) => ({
    from: bucketIndex(c.startsOn < d.period.from ? d.period.from : c.startsOn),
    to: bucketIndex(c.endsOn > d.period.to ? d.period.to : c.endsOn),
    label: c.name,
  })),
)}
<p class="note">${t.dashboard.notes.markers}</p>
${asTable('verloop')}
<h3>${x.campaignsHeading}</h3>
${trend.campaigns.length === 0 ? html`<p>${x.noCampaigns}</p>` : table('campagnes')}
${extras.mayManageCampaigns ? campaignForm(d, t, extras.csrf, extras.campaignErrors) : null}
${
  extras.mayManageCampaigns && trend.campaigns.length > 0
    ? html`<ul class="campaign-remove">${trend.campaigns.map((c) => html`<li><form method="post" action="/plein/dashboard/${d.gemeente.code}/campagnes/${c.id}/verwijderen" class="inline-form">${csrfField(extras.csrf)}<button type="submit" class="secondary small">${x.removeCampaign(c.name)}</button></form></li>`)}</ul>`
    : null
}
</section>

<section aria-labelledby="acties">
<h2 id="acties">${x.actionsHeading}</h2>
${d.actions.areas.map(
  (
    a,
  ) => html`<h3>${x.areaHeading({ kind: t.dashboard.areaKinds[a.area.kind], name: a.area.kind === 'national' ? null : a.name })}</h3>
${stackedColumns(
  charts,
  `acties-${a.area.kind}`,
  x.actionsChart({
    kind: t.dashboard.areaKinds[a.area.kind].toLowerCase(),
    name: a.area.kind === 'national' ? null : a.name,
  }),
  d.actions.months.map(monthTick),
  ACTION_TYPES.map((type) => ({
    label: t.actionTypes[type],
    values: d.actions.months.map((m) => a.perMonth.find((r) => r.month === m && r.type === type)?.actions ?? 0),
  })),
)}
${asTable(`acties-${AREA_SLUG[a.area.kind]}`)}`,
)}
<h3>${x.successHeading}</h3>
${horizontalBars(
  charts,
  'succes',
  x.successChart(d.gemeente.name),
  ACTION_TYPES.flatMap((type) => {
    const own = gemeenteOutcomes.find((o) => o.type === type);
    const all = nationalOutcomes.find((o) => o.type === type);
    return [
      {
        label: x.successOf({ type: t.actionTypes[type], area: d.gemeente.name }),
        value: own?.successRatio ?? null,
        note: x.noClosedActions,
        strong: true,
      },
      {
        label: x.successOf({ type: t.actionTypes[type], area: x.national }),
        value: all?.successRatio ?? null,
        note: x.noClosedActions,
      },
    ];
  }),
  formatPercent,
)}
<p class="note">${t.dashboard.notes.success} ${t.dashboard.notes.speed}</p>
${table('resultaten')}
<h3>${x.actionsIn(d.gemeente.name)}</h3>
${d.actions.actions.length === 0 ? html`<p>${x.noActions}</p>` : html`<details class="table-view"><summary>${x.allActions(formatFigure(d.actions.actions.length))}</summary>${table('actielijst')}</details>`}
</section>

<section aria-labelledby="vergelijking">
<h2 id="vergelijking">${x.benchmarkHeading}</h2>
${horizontalBars(
  charts,
  'vergelijking',
  x.benchmarkChart(d.gemeente.name),
  d.benchmark.groups.map((g) => ({
    label:
      g.kind === 'gemeente'
        ? d.gemeente.name
        : g.kind === 'size-class'
          ? x.sameSizeClass
          : g.kind === 'province'
            ? t.dashboard.tables.province(province)
            : t.dashboard.tables.national,
    value: g.perThousand,
    note: x.fewParticipants,
    strong: g.kind === 'gemeente',
  })),
)}
${table('vergelijking')}
<details class="table-view"><summary>${x.rankingSummary(province)}</summary>${table('ranglijst')}</details>
</section>

<section aria-labelledby="kaart-sectie">
<h2 id="kaart-sectie">${x.mapHeading}</h2>
${mapBlock(t, d.gemeente.code)}
<details class="table-view"><summary>${x.mapTableSummary}</summary>${table('kaart')}</details>
</section>

<section aria-labelledby="burgernetmail">
<h2 id="burgernetmail">${x.mailHeading}</h2>
${d.email.mail === null ? html`<p class="note">${t.dashboard.notes.emailNotYet}</p>` : null}
${table('burgernetmail')}
</section>`;
}

/** The map's container; /static/dashboard/dashboard-map.js draws it with Leaflet and the bundled boundaries. */
export function mapBlock(t: Catalogue, gemeenteCode: string | null): SafeHtml {
  return html`<p class="note">${t.dashboard.notes.mapTable}</p>
<div role="region" aria-label="${t.dashboard.page.mapLabel}">
<div id="deelname-kaart" class="participation-map" data-gemeente="${gemeenteCode ?? ''}"></div>
</div>
<div id="kaart-legenda" class="map-legend" aria-hidden="true"></div>
${jsonBlock('texts-dashboard-map', t.dashboard.mapScript)}`;
}

/** The start page for staff of a region or the country: pick a gemeente; the map and ranking of all. */
export function dashboardIndexMain(
  gemeenten: readonly GemeenteSummary[],
  map: MapView,
  provinces: ReadonlyMap<string, string>,
  t: Catalogue,
): SafeHtml {
  const x = t.dashboard.page;
  return html`<h1>${t.dashboard.title}</h1>
<form method="get" action="/plein/dashboard" class="filters">
<div class="field"><label for="veld-gemeente">${x.pickGemeente}</label><select id="veld-gemeente" name="gemeente">${gemeenten.map((g) => html`<option value="${g.code}">${g.name}</option>`)}</select></div>
<div class="field"><button type="submit">${x.open}</button></div>
</form>
<p>${x.nationalFigure(html`<strong data-figure="national-per-thousand">${formatFigure(map.nationalPerThousand)}</strong>`)}</p>
<h2>${x.mapHeading}</h2>
${mapBlock(t, null)}
<details class="table-view"><summary>${x.mapTableSummary}</summary>${renderTable(mapTable(map, provinces, t), '/plein/dashboard/csv/kaart', t.dashboard.tables.download)}</details>`;
}
