import type { ActionsView, ShownOutcome } from '../../../../app/dashboard/action-views.js';
import type { BenchmarkView, GemeenteParticipation, MapView } from '../../../../app/dashboard/benchmark-views.js';
import type { EmailView, ParticipantsView, TrendView } from '../../../../app/dashboard/participant-views.js';
import { ACTION_TYPES } from '../../../../domain/action/action-type.js';
import type { Catalogue } from '../../../../domain/messages/catalogue.js';
import { cell, percentCell, type DataTable } from './data-table.js';

const DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'short', year: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' });
const MONTH = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', month: 'short', year: 'numeric' });

export const dayLabel = (day: string): string => DATE.format(new Date(`${day}T12:00:00Z`));
export const monthLabel = (month: string): string => MONTH.format(new Date(`${month}-15T00:00:00Z`));

export function bucketLabel(bucket: string, interval: TrendView['interval']): string {
  switch (interval) {
    case 'day':
      return dayLabel(bucket);
    case 'week':
      return `week van ${dayLabel(bucket)}`;
    case 'month':
      return monthLabel(bucket.slice(0, 7));
  }
}

const SHORT_DAY = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'short' });

/** The short label under a chart's axis ("3 mrt", "mrt 2026"); the table says it in full. */
export function axisLabel(bucket: string, interval: TrendView['interval']): string {
  return interval === 'month' ? monthLabel(bucket.slice(0, 7)) : SHORT_DAY.format(new Date(`${bucket}T12:00:00Z`));
}

export function participantsTable(v: ParticipantsView, t: Catalogue): DataTable {
  const c = t.dashboard.channels;
  return {
    id: 'deelnemers',
    caption: `Deelnemers in ${v.gemeente.name} nu`,
    head: ['Kenmerk', 'Aantal'],
    rows: [
      [c.participants, cell(v.participants)],
      [c.sms, cell(v.sms)],
      [c.voice, cell(v.voice)],
      [c.email, cell(v.email)],
      ['Per 1.000 inwoners', cell(v.perThousand)],
      ['Inwoners (CBS, 1 januari 2024)', cell(v.gemeente.population)],
      ['Appgebruikers met pushmeldingen (landelijk)', cell(v.appUsersNational.subscriptions)],
      ['Appgebruikers actief in de laatste 30 dagen (landelijk)', cell(v.appUsersNational.seenLast30Days)],
    ],
  };
}

export function trendTable(v: TrendView): DataTable {
  const actionsIn = new Map<string, number>();
  for (const a of v.actions) {
    const bucket = v.buckets.findLast((b) => b.bucket <= a.day)?.bucket;
    if (bucket !== undefined) actionsIn.set(bucket, (actionsIn.get(bucket) ?? 0) + 1);
  }
  return {
    id: 'verloop',
    caption: `Aan- en afmeldingen in ${v.gemeente.name}, ${dayLabel(v.period.from)} tot en met ${dayLabel(v.period.to)}`,
    head: ['Periode', 'Aangemeld', 'Afgemeld', 'Burgernetacties', 'Wervingscampagne'],
    rows: v.buckets.map((b, i) => {
      const end = v.buckets[i + 1]?.bucket ?? '9999-12-31';
      const campaigns = v.campaigns.filter((c) => c.startsOn < end && c.endsOn >= b.bucket).map((c) => c.name);
      return [bucketLabel(b.bucket, v.interval), cell(b.joined), cell(b.leaving), cell(actionsIn.get(b.bucket) ?? 0), campaigns.join(', ') || '–'];
    }),
  };
}

export function campaignsTable(v: TrendView): DataTable {
  return {
    id: 'campagnes',
    caption: `Wervingscampagnes van ${v.gemeente.name} in deze periode`,
    head: ['Campagne', 'Van', 'Tot en met'],
    rows: v.campaigns.map((c) => [c.name, dayLabel(c.startsOn), dayLabel(c.endsOn)]),
  };
}

export const AREA_SLUG = { gemeente: 'gemeente', 'safety-region': 'veiligheidsregio', 'police-unit': 'politie-eenheid', national: 'landelijk' } as const;

export function actionsPerMonthTables(v: ActionsView, t: Catalogue): DataTable[] {
  return v.areas.map((a) => ({
    id: `acties-${AREA_SLUG[a.area.kind]}`,
    caption: `Burgernetacties per maand en type: ${t.dashboard.areaKinds[a.area.kind].toLowerCase()} ${a.name}`,
    head: ['Maand', ...ACTION_TYPES.map((type) => t.actionTypes[type]), 'Totaal'],
    rows: v.months.map((m) => {
      const counts = ACTION_TYPES.map((type) => a.perMonth.find((r) => r.month === m && r.type === type)?.actions ?? 0);
      return [monthLabel(m), ...counts.map(cell), cell(counts.reduce((x, y) => x + y, 0))];
    }),
  }));
}

function outcomeRow(area: string, o: ShownOutcome, t: Catalogue): string[] {
  return [
    area,
    o.type === null ? 'Alle typen' : t.actionTypes[o.type],
    cell(o.actions),
    cell(o.closed),
    cell(o.successes),
    percentCell(o.successRatio),
    cell(o.medianFirstMessageSeconds),
    cell(o.medianLastMessageSeconds),
    cell(o.medianRecipients),
    cell(o.callsPerAction),
    cell(o.tipsPerAction),
  ];
}

export function outcomesTable(v: ActionsView, t: Catalogue): DataTable {
  return {
    id: 'resultaten',
    caption: 'Succes, snelheid en reacties per type actie',
    head: ['Gebied', 'Type', 'Acties', 'Afgesloten', 'Succes', 'Succespercentage', 'Mediaan tot eerste bericht (s)', 'Mediaan tot laatste bericht (s)', 'Mediaan ontvangers', '0800-0011 per actie', 'Apptips per actie'],
    rows: v.areas.flatMap((a) => {
      const label = `${t.dashboard.areaKinds[a.area.kind]} ${a.area.kind === 'national' ? '' : a.name}`.trim();
      const ordered = [...a.outcomes.filter((o) => o.type === null), ...a.outcomes.filter((o) => o.type !== null)];
      return ordered.map((o) => outcomeRow(label, o, t));
    }),
  };
}

export function actionListTable(v: ActionsView, t: Catalogue): DataTable {
  return {
    id: 'actielijst',
    caption: `Burgernetacties in ${v.gemeente.name}`,
    head: ['Nummer', 'Type', 'Gestart', 'Status', 'Resultaat', 'Ontvangers', 'Eerste bericht (s)', 'Laatste bericht (s)', '0800-0011', 'Apptips', 'Appmeldingen'],
    rows: v.actions.map((a) => [
      a.number,
      t.actionTypes[a.type],
      DATE_TIME.format(a.startedAt),
      t.dashboard.statuses[a.status],
      a.result === null ? '–' : t.results[a.result],
      cell(a.recipients),
      cell(a.firstMessageMs === null ? null : Math.round(a.firstMessageMs / 100) / 10),
      cell(a.lastMessageMs === null ? null : Math.round(a.lastMessageMs / 100) / 10),
      cell(a.calls),
      cell(a.tips),
      cell(a.appNotifications),
    ]),
  };
}

export function benchmarkTable(v: BenchmarkView, t: Catalogue, provinceName: string): DataTable {
  const label = (g: BenchmarkView['groups'][number]) => {
    switch (g.kind) {
      case 'gemeente':
        return v.gemeente.name;
      case 'size-class':
        return `Gemeenten met ${t.dashboard.sizeClasses[v.gemeente.sizeClass]}`;
      case 'province':
        return `Provincie ${provinceName}`;
      case 'national':
        return 'Nederland';
    }
  };
  return {
    id: 'vergelijking',
    caption: `${v.gemeente.name} vergeleken: deelnemers per 1.000 inwoners`,
    head: ['Groep', 'Gemeenten', 'Per 1.000 inwoners', `Plaats van ${v.gemeente.name}`],
    rows: v.groups.map((g) => [label(g), cell(g.gemeenten), cell(g.perThousand), g.kind === 'gemeente' ? '–' : g.rank === null ? '–' : `${g.rank} van ${g.ranked}`]),
  };
}

function rankingRows(rows: readonly GemeenteParticipation[], provinces?: ReadonlyMap<string, string>): string[][] {
  return rows.map((r) => [
    r.rank === null ? '–' : String(r.rank),
    r.name,
    ...(provinces === undefined ? [] : [provinces.get(r.provinceCode) ?? r.provinceCode]),
    cell(r.population),
    cell(r.participants),
    cell(r.perThousand),
  ]);
}

export function provinceRankingTable(v: BenchmarkView, provinceName: string): DataTable {
  const ranked = v.provinceRanking.filter((r) => r.rank !== null);
  return {
    id: 'ranglijst',
    caption: `Ranglijst van de gemeenten in ${provinceName} (plaats in Nederland)`,
    head: ['Plaats', 'Gemeente', 'Inwoners', 'Deelnemers', 'Per 1.000 inwoners'],
    rows: rankingRows([...ranked, ...v.provinceRanking.filter((r) => r.rank === null)]),
  };
}

export function mapTable(v: MapView, provinces: ReadonlyMap<string, string>): DataTable {
  return {
    id: 'kaart',
    caption: 'Alle gemeenten: deelnemers per 1.000 inwoners (de cijfers van de kaart)',
    head: ['Plaats', 'Gemeente', 'Provincie', 'Inwoners', 'Deelnemers', 'Per 1.000 inwoners'],
    rows: rankingRows(v.gemeenten, provinces),
  };
}

const NOT_YET = 'nog niet beschikbaar';

export function emailTable(v: EmailView): DataTable {
  const m = v.mail;
  return {
    id: 'burgernetmail',
    caption: `Burgernetmail in ${v.gemeente.name}, ${dayLabel(v.period.from)} tot en met ${dayLabel(v.period.to)}`,
    head: ['Kenmerk', 'Aantal'],
    rows: [
      ['Deelnemers met een bevestigd e-mailadres (nu)', cell(v.confirmedSubscribers)],
      ['Burgernetmails met ontvangers in de gemeente', m === null ? NOT_YET : cell(m.mailsReaching)],
      ...(m === null ? [] : m.mailsReachingByKind.map((k) => [`  waarvan ${k.kind}`, cell(k.mails)])),
      ['Burgernetmails verstuurd door de gemeente', m === null ? NOT_YET : cell(m.ownMails)],
      ['Ontvangers van die mails', m === null ? NOT_YET : cell(m.ownRecipients)],
      ['Antwoorden op buurtonderzoek uit de gemeente', m === null ? NOT_YET : cell(m.buurtonderzoekAnswers)],
    ],
  };
}
