import type { ActionsView } from '../../../../app/dashboard/action-views.js';
import type { BenchmarkView, MapView } from '../../../../app/dashboard/benchmark-views.js';
import type { GemeenteSummary } from '../../../../app/dashboard/gemeente-summary.js';
import type { EmailView, ParticipantsView, TrendView } from '../../../../app/dashboard/participant-views.js';
import { ACTION_TYPES } from '../../../../domain/action/action-type.js';
import type { DayPeriod, TrendInterval } from '../../../../domain/dashboard/dashboard-period.js';
import { TREND_INTERVALS } from '../../../../domain/dashboard/dashboard-period.js';
import type { Catalogue } from '../../../../domain/messages/catalogue.js';
import { csrfField, textField } from '../../html/form-fields.js';
import { html, type SafeHtml } from '../../html/html.js';
import { renderTable, type DataTable } from './data-table.js';
import {
  actionListTable, actionsPerMonthTables, axisLabel, benchmarkTable, campaignsTable, emailTable, mapTable, monthLabel, outcomesTable,
  participantsTable, provinceRankingTable, trendTable,
} from './dashboard-tables.js';
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
    trendTable(d.trend),
    campaignsTable(d.trend),
    ...actionsPerMonthTables(d.actions, t),
    outcomesTable(d.actions, t),
    actionListTable(d.actions, t),
    benchmarkTable(d.benchmark, t, province),
    provinceRankingTable(d.benchmark, province),
    mapTable(d.map, d.provinces),
    emailTable(d.email),
  ];
}

function filterForm(d: GemeenteDashboard, t: Catalogue): SafeHtml {
  return html`<form method="get" action="/plein/dashboard/${d.gemeente.code}" class="filters" aria-label="Periode kiezen">
${textField({ name: 'from', label: 'Van', type: 'date', value: d.period.from, required: true })}
${textField({ name: 'to', label: 'Tot en met', type: 'date', value: d.period.to, required: true })}
<div class="field"><label for="veld-interval">Aanmeldingen</label><select id="veld-interval" name="interval">${TREND_INTERVALS.map(
    (i) => html`<option value="${i}"${i === d.requestedInterval ? html` selected` : null}>${t.dashboard.intervals[i]}</option>`,
  )}</select></div>
<div class="field"><button type="submit">Toon</button></div>
</form>`;
}

function campaignForm(d: GemeenteDashboard, csrf: string, errors: Readonly<Record<string, string>>): SafeHtml {
  return html`<details class="campaign-form"${Object.keys(errors).length > 0 ? html` open` : null}><summary>Wervingscampagne vastleggen</summary>
<form method="post" action="/plein/dashboard/${d.gemeente.code}/campagnes">
${csrfField(csrf)}
${textField({ name: 'name', label: 'Naam van de campagne', required: true, maxlength: 100, error: errors.name ?? null })}
${textField({ name: 'startsOn', label: 'Eerste dag', type: 'date', required: true, error: errors.startsOn ?? null })}
${textField({ name: 'endsOn', label: 'Laatste dag', type: 'date', required: true, error: errors.endsOn ?? null })}
<button type="submit">Campagne vastleggen</button>
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
  const tables = new Map(dashboardTables(d, t).map((x) => [x.id, x]));
  const csv = (id: string) => `/plein/dashboard/${d.gemeente.code}/csv/${id}${extras.query}`;
  const table = (id: string) => {
    const found = tables.get(id);
    return found === undefined ? null : renderTable(found, csv(id));
  };
  const asTable = (id: string) => html`<details class="table-view"><summary>Tabel bij deze grafiek</summary>${table(id)}</details>`;
  const p = d.participants;
  const n = (v: number | string) => (typeof v === 'number' ? v : null);
  const trend = d.trend;
  const bucketIndex = (day: string) => Math.max(0, trend.buckets.findLastIndex((b) => b.bucket <= day));
  const province = d.provinces.get(d.gemeente.provinceCode) ?? d.gemeente.provinceName;
  const gemeenteOutcomes = d.actions.areas[0]?.outcomes ?? [];
  const nationalOutcomes = d.actions.areas[3]?.outcomes ?? [];

  return html`<h1>Dashboard ${d.gemeente.name}</h1>
<p class="lead">${d.gemeente.provinceName} · veiligheidsregio ${d.gemeente.safetyRegionName} · politie-eenheid ${d.gemeente.policeUnitName} · ${t.dashboard.sizeClasses[d.gemeente.sizeClass]}</p>
${filterForm(d, t)}
<p class="note">${t.dashboard.notes.suppression}</p>
<nav aria-label="Onderdelen van het dashboard" class="toc"><ul>
<li><a href="#deelnemers">Deelnemers</a></li><li><a href="#verloop">Aanmeldingen</a></li><li><a href="#acties">Acties</a></li>
<li><a href="#vergelijking">Vergelijking</a></li><li><a href="#kaart-sectie">Kaart</a></li><li><a href="#burgernetmail">Burgernetmail</a></li></ul></nav>

<section aria-labelledby="deelnemers">
<h2 id="deelnemers">Deelnemers nu</h2>
<div class="cards">
<div class="card"><p class="figure" data-figure="participants">${String(p.participants)}</p><p>deelnemers</p></div>
<div class="card"><p class="figure" data-figure="per-thousand">${p.perThousand === null ? '–' : p.perThousand.toLocaleString('nl-NL')}</p><p>per 1.000 inwoners</p></div>
<div class="card"><p class="figure">${p.appUsersNational.subscriptions.toLocaleString('nl-NL')}</p><p>appgebruikers met pushmeldingen (landelijk)</p></div>
</div>
${horizontalBars('kanalen', `Deelnemers in ${d.gemeente.name} per kanaal`, [
  { label: t.dashboard.channels.sms, value: n(p.sms), note: String(p.sms) },
  { label: t.dashboard.channels.voice, value: n(p.voice), note: String(p.voice) },
  { label: t.dashboard.channels.email, value: n(p.email), note: String(p.email) },
])}
${table('deelnemers')}
<p class="note">${t.dashboard.notes.participantsCount}</p>
<p class="note">${t.dashboard.notes.appUsers}</p>
</section>

<section aria-labelledby="verloop">
<h2 id="verloop">Aanmeldingen en afmeldingen ${t.dashboard.intervals[trend.interval]}</h2>
${trend.interval !== d.requestedInterval ? html`<p class="note">Over deze periode tonen we het verloop per week: per dag zijn het te veel punten.</p>` : null}
<p>In deze periode: <strong>${String(trend.total.joined ?? t.dashboard.notes.totalHidden)}</strong> aangemeld, <strong>${String(trend.total.leaving ?? t.dashboard.notes.totalHidden)}</strong> afgemeld.</p>
${lineChart('verloop', `Aan- en afmeldingen in ${d.gemeente.name} ${t.dashboard.intervals[trend.interval]}`, trend.buckets.map((b) => axisLabel(b.bucket, trend.interval)), [
  { label: 'Aangemeld', values: trend.buckets.map((b) => b.joined), dash: null, marker: 'circle' },
  { label: 'Afgemeld', values: trend.buckets.map((b) => b.leaving), dash: '6 4', marker: 'square' },
], trend.actions.map((a) => ({ index: bucketIndex(a.day), label: `${a.number}: ${t.actionTypes[a.type]}` })),
  trend.campaigns.map((c) => ({ from: bucketIndex(c.startsOn < d.period.from ? d.period.from : c.startsOn), to: bucketIndex(c.endsOn > d.period.to ? d.period.to : c.endsOn), label: c.name })))}
<p class="note">${t.dashboard.notes.markers}</p>
${asTable('verloop')}
<h3>Wervingscampagnes</h3>
${trend.campaigns.length === 0 ? html`<p>Geen wervingscampagnes in deze periode.</p>` : table('campagnes')}
${extras.mayManageCampaigns ? campaignForm(d, extras.csrf, extras.campaignErrors) : null}
${extras.mayManageCampaigns && trend.campaigns.length > 0
  ? html`<ul class="campaign-remove">${trend.campaigns.map((c) => html`<li><form method="post" action="/plein/dashboard/${d.gemeente.code}/campagnes/${c.id}/verwijderen" class="inline-form">${csrfField(extras.csrf)}<button type="submit" class="secondary small">Verwijder campagne ${c.name}</button></form></li>`)}</ul>`
  : null}
</section>

<section aria-labelledby="acties">
<h2 id="acties">Burgernetacties</h2>
${d.actions.areas.map((a) => html`<h3>${t.dashboard.areaKinds[a.area.kind]}${a.area.kind === 'national' ? '' : `: ${a.name}`}</h3>
${stackedColumns(`acties-${a.area.kind}`, `Acties per maand en type, ${t.dashboard.areaKinds[a.area.kind].toLowerCase()}${a.area.kind === 'national' ? '' : ` ${a.name}`}`, d.actions.months.map(monthLabel),
  ACTION_TYPES.map((type) => ({ label: t.actionTypes[type], values: d.actions.months.map((m) => a.perMonth.find((r) => r.month === m && r.type === type)?.actions ?? 0) })))}
${asTable(`acties-${({ gemeente: 'gemeente', 'safety-region': 'veiligheidsregio', 'police-unit': 'politie-eenheid', national: 'landelijk' } as const)[a.area.kind]}`)}`)}
<h3>Succes per type</h3>
${horizontalBars('succes', `Succespercentage per type: ${d.gemeente.name} en landelijk`, ACTION_TYPES.flatMap((type) => {
  const own = gemeenteOutcomes.find((o) => o.type === type);
  const all = nationalOutcomes.find((o) => o.type === type);
  return [
    { label: `${t.actionTypes[type]}, ${d.gemeente.name}`, value: own?.successRatio == null ? null : own.successRatio * 100, note: 'geen afgesloten acties', strong: true },
    { label: `${t.actionTypes[type]}, landelijk`, value: all?.successRatio == null ? null : all.successRatio * 100, note: 'geen afgesloten acties' },
  ];
}), (v) => `${v.toLocaleString('nl-NL', { maximumFractionDigits: 1 })}%`)}
<p class="note">${t.dashboard.notes.success} ${t.dashboard.notes.speed}</p>
${table('resultaten')}
<h3>Acties in ${d.gemeente.name}</h3>
${d.actions.actions.length === 0 ? html`<p>Geen acties in deze periode.</p>` : html`<details class="table-view"><summary>Alle ${d.actions.actions.length} acties in deze periode</summary>${table('actielijst')}</details>`}
</section>

<section aria-labelledby="vergelijking">
<h2 id="vergelijking">Vergelijking met andere gemeenten</h2>
${horizontalBars('vergelijking', `Deelnemers per 1.000 inwoners: ${d.gemeente.name} en vergelijkbare gemeenten`, d.benchmark.groups.map((g) => ({
  label: g.kind === 'gemeente' ? d.gemeente.name : g.kind === 'size-class' ? 'Zelfde grootteklasse' : g.kind === 'province' ? `Provincie ${province}` : 'Nederland',
  value: g.perThousand,
  note: '< 10 deelnemers',
  strong: g.kind === 'gemeente',
})))}
${table('vergelijking')}
<details class="table-view"><summary>Ranglijst van de provincie ${province}</summary>${table('ranglijst')}</details>
</section>

<section aria-labelledby="kaart-sectie">
<h2 id="kaart-sectie">Kaart: deelname per 1.000 inwoners</h2>
${mapBlock(t, d.gemeente.code)}
<details class="table-view"><summary>Tabel bij de kaart (alle gemeenten)</summary>${table('kaart')}</details>
</section>

<section aria-labelledby="burgernetmail">
<h2 id="burgernetmail">Burgernetmail</h2>
${d.email.mail === null ? html`<p class="note">${t.dashboard.notes.emailNotYet}</p>` : null}
${table('burgernetmail')}
</section>`;
}

/** The map's container; /static/dashboard/dashboard-map.js draws it with Leaflet and the bundled boundaries. */
export function mapBlock(t: Catalogue, gemeenteCode: string | null): SafeHtml {
  return html`<p class="note">${t.dashboard.notes.mapTable}</p>
<div role="region" aria-label="Kaart van Nederland: gemeenten gekleurd naar deelnemers per 1.000 inwoners. Dezelfde cijfers staan in de tabel bij de kaart.">
<div id="deelname-kaart" class="participation-map" data-gemeente="${gemeenteCode ?? ''}"></div>
</div>
<div id="kaart-legenda" class="map-legend" aria-hidden="true"></div>`;
}

/** The start page for staff of a region or the country: pick a gemeente; the map and ranking of all. */
export function dashboardIndexMain(gemeenten: readonly GemeenteSummary[], map: MapView, provinces: ReadonlyMap<string, string>, t: Catalogue): SafeHtml {
  return html`<h1>Dashboard</h1>
<form method="get" action="/plein/dashboard" class="filters">
<div class="field"><label for="veld-gemeente">Gemeente</label><select id="veld-gemeente" name="gemeente">${gemeenten.map((g) => html`<option value="${g.code}">${g.name}</option>`)}</select></div>
<div class="field"><button type="submit">Open dashboard</button></div>
</form>
<p>Landelijk: <strong>${map.nationalPerThousand === null ? '–' : map.nationalPerThousand.toLocaleString('nl-NL')}</strong> deelnemers per 1.000 inwoners.</p>
<h2>Kaart: deelname per 1.000 inwoners</h2>
${mapBlock(t, null)}
<details class="table-view"><summary>Tabel bij de kaart (alle gemeenten)</summary>${renderTable(mapTable(map, provinces), '/plein/dashboard/csv/kaart')}</details>`;
}
