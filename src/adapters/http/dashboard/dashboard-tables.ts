import type { ActionsView, ShownOutcome } from '../../../app/dashboard/action-views.js';
import type { BenchmarkView, GemeenteParticipation, MapView } from '../../../app/dashboard/benchmark-views.js';
import type { EmailView, ParticipantsView, TrendView } from '../../../app/dashboard/participant-views.js';
import { ACTION_TYPES } from '../../../domain/action/action-type.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import type { AxisTick } from './chart-axes.js';
import { cell, percentCell, type DataTable } from './data-table.js';

const DATE = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const DATE_TIME = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'short',
  timeStyle: 'short',
});
const MONTH = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', month: 'short', year: 'numeric' });

export const dayLabel = (day: string): string => DATE.format(new Date(`${day}T12:00:00Z`));
export const monthLabel = (month: string): string => MONTH.format(new Date(`${month}-15T00:00:00Z`));

export function bucketLabel(bucket: string, interval: TrendView['interval'], t: Catalogue): string {
  switch (interval) {
    case 'day':
      return dayLabel(bucket);
    case 'week':
      return t.dashboard.tables.weekOf(dayLabel(bucket));
    case 'month':
      return monthLabel(bucket.slice(0, 7));
  }
}

const SHORT_DAY = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const SHORT_MONTH = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', month: 'short' });

/** The label under a chart's axis for a month ("2026-03"): "mrt", its year below where the year changes. */
export const monthTick = (month: string): AxisTick => ({
  text: SHORT_MONTH.format(new Date(`${month}-15T00:00:00Z`)),
  year: month.slice(0, 4),
});

/** The short label under a chart's axis ("3 mrt", or "mrt" by month); the table says it in full. */
export function axisTick(bucket: string, interval: TrendView['interval']): AxisTick {
  return interval === 'month'
    ? monthTick(bucket.slice(0, 7))
    : { text: SHORT_DAY.format(new Date(`${bucket}T12:00:00Z`)), year: bucket.slice(0, 4) };
}

export function participantsTable(v: ParticipantsView, t: Catalogue): DataTable {
  const c = t.dashboard.channels;
  const x = t.dashboard.tables;
  return {
    id: 'deelnemers',
    caption: x.participantsCaption(v.gemeente.name),
    head: [x.feature, x.count],
    rows: [
      [c.participants, cell(v.participants)],
      [c.sms, cell(v.sms)],
      [c.voice, cell(v.voice)],
      [c.email, cell(v.email)],
      [x.perThousand, cell(v.perThousand)],
      [x.population, cell(v.gemeente.population)],
      [x.appUsers, cell(v.appUsersNational.subscriptions)],
      [x.appUsersActive, cell(v.appUsersNational.seenLast30Days)],
    ],
  };
}

export function trendTable(v: TrendView, t: Catalogue): DataTable {
  const x = t.dashboard.tables;
  const c = x.trendColumns;
  const actionsIn = new Map<string, number>();
  for (const a of v.actions) {
    const bucket = v.buckets.findLast((b) => b.bucket <= a.day)?.bucket;
    if (bucket !== undefined) actionsIn.set(bucket, (actionsIn.get(bucket) ?? 0) + 1);
  }
  return {
    id: 'verloop',
    caption: x.trendCaption({ gemeente: v.gemeente.name, from: dayLabel(v.period.from), to: dayLabel(v.period.to) }),
    head: [c.period, c.joined, c.left, c.actions, c.campaign],
    rows: v.buckets.map((b, i) => {
      const end = v.buckets[i + 1]?.bucket ?? '9999-12-31';
      const campaigns = v.campaigns.filter((c) => c.startsOn < end && c.endsOn >= b.bucket).map((c) => c.name);
      return [
        bucketLabel(b.bucket, v.interval, t),
        cell(b.joined),
        cell(b.leaving),
        cell(actionsIn.get(b.bucket) ?? 0),
        campaigns.join(', ') || '–',
      ];
    }),
  };
}

export function campaignsTable(v: TrendView, t: Catalogue): DataTable {
  const x = t.dashboard.tables;
  return {
    id: 'campagnes',
    caption: x.campaignsCaption(v.gemeente.name),
    head: [x.campaignColumns.campaign, x.campaignColumns.from, x.campaignColumns.to],
    rows: v.campaigns.map((c) => [c.name, dayLabel(c.startsOn), dayLabel(c.endsOn)]),
  };
}

export const AREA_SLUG = {
  gemeente: 'gemeente',
  'safety-region': 'veiligheidsregio',
  'police-unit': 'politie-eenheid',
  national: 'landelijk',
} as const;

export function actionsPerMonthTables(v: ActionsView, t: Catalogue): DataTable[] {
  const x = t.dashboard.tables;
  return v.areas.map((a) => ({
    id: `acties-${AREA_SLUG[a.area.kind]}`,
    caption: x.actionsPerMonthCaption({ area: t.dashboard.areaKinds[a.area.kind].toLowerCase(), name: a.name }),
    head: [x.month, ...ACTION_TYPES.map((type) => t.actionTypes[type]), x.total],
    rows: v.months.map((m) => {
      const counts = ACTION_TYPES.map((type) => a.perMonth.find((r) => r.month === m && r.type === type)?.actions ?? 0);
      return [monthLabel(m), ...counts.map(cell), cell(counts.reduce((x, y) => x + y, 0))];
    }),
  }));
}

function outcomeRow(area: string, o: ShownOutcome, t: Catalogue): string[] {
  return [
    area,
    o.type === null ? t.dashboard.tables.allTypes : t.actionTypes[o.type],
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
  const x = t.dashboard.tables;
  const c = x.outcomeColumns;
  return {
    id: 'resultaten',
    caption: x.outcomesCaption,
    head: [
      c.area,
      c.type,
      c.actions,
      c.closed,
      c.successes,
      c.successRatio,
      c.medianFirst,
      c.medianLast,
      c.medianRecipients,
      c.calls,
      c.tips,
    ],
    rows: v.areas.flatMap((a) => {
      const label = `${t.dashboard.areaKinds[a.area.kind]} ${a.area.kind === 'national' ? '' : a.name}`.trim();
      const ordered = [...a.outcomes.filter((o) => o.type === null), ...a.outcomes.filter((o) => o.type !== null)];
      return ordered.map((o) => outcomeRow(label, o, t));
    }),
  };
}

export function actionListTable(v: ActionsView, t: Catalogue): DataTable {
  const x = t.dashboard.tables;
  const c = x.actionListColumns;
  return {
    id: 'actielijst',
    caption: x.actionListCaption(v.gemeente.name),
    head: [
      c.number,
      c.type,
      c.started,
      c.status,
      c.result,
      c.recipients,
      c.first,
      c.last,
      c.calls,
      c.tips,
      c.notifications,
    ],
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
  const x = t.dashboard.tables;
  const c = x.benchmarkColumns;
  const label = (g: BenchmarkView['groups'][number]) => {
    switch (g.kind) {
      case 'gemeente':
        return v.gemeente.name;
      case 'size-class':
        return x.sizeClassGroup(t.dashboard.sizeClasses[v.gemeente.sizeClass]);
      case 'province':
        return x.province(provinceName);
      case 'national':
        return x.national;
    }
  };
  return {
    id: 'vergelijking',
    caption: x.benchmarkCaption(v.gemeente.name),
    head: [c.group, c.gemeenten, c.perThousand, c.rank(v.gemeente.name)],
    rows: v.groups.map((g) => [
      label(g),
      cell(g.gemeenten),
      cell(g.perThousand),
      g.kind === 'gemeente' ? '–' : g.rank === null ? '–' : x.rankOf({ rank: g.rank, of: g.ranked }),
    ]),
  };
}

function rankingRows(rows: readonly GemeenteParticipation[], provinces?: ReadonlyMap<string, string>): string[][] {
  return rows.map((r) => [
    r.rank === null ? '–' : cell(r.rank),
    r.name,
    ...(provinces === undefined ? [] : [provinces.get(r.provinceCode) ?? r.provinceCode]),
    cell(r.population),
    cell(r.participants),
    cell(r.perThousand),
  ]);
}

export function provinceRankingTable(v: BenchmarkView, t: Catalogue, provinceName: string): DataTable {
  const x = t.dashboard.tables;
  const c = x.rankingColumns;
  const ranked = v.provinceRanking.filter((r) => r.rank !== null);
  return {
    id: 'ranglijst',
    caption: x.rankingCaption(provinceName),
    head: [c.rank, c.gemeente, c.population, c.participants, c.perThousand],
    rows: rankingRows([...ranked, ...v.provinceRanking.filter((r) => r.rank === null)]),
  };
}

export function mapTable(v: MapView, provinces: ReadonlyMap<string, string>, t: Catalogue): DataTable {
  const x = t.dashboard.tables;
  const c = x.rankingColumns;
  return {
    id: 'kaart',
    caption: x.mapCaption,
    head: [c.rank, c.gemeente, c.province, c.population, c.participants, c.perThousand],
    rows: rankingRows(v.gemeenten, provinces),
  };
}

export function emailTable(v: EmailView, t: Catalogue): DataTable {
  const x = t.dashboard.tables;
  const m = v.mail;
  return {
    id: 'burgernetmail',
    caption: x.mailCaption({ gemeente: v.gemeente.name, from: dayLabel(v.period.from), to: dayLabel(v.period.to) }),
    head: [x.feature, x.count],
    rows: [
      [x.mailConfirmed, cell(v.confirmedSubscribers)],
      [x.mailsReaching, m === null ? x.notYet : cell(m.mailsReaching)],
      ...(m === null ? [] : m.mailsReachingByKind.map((k) => [x.mailsOfKind(k.kind), cell(k.mails)])),
      [x.ownMails, m === null ? x.notYet : cell(m.ownMails)],
      [x.ownRecipients, m === null ? x.notYet : cell(m.ownRecipients)],
      [x.answers, m === null ? x.notYet : cell(m.buurtonderzoekAnswers)],
    ],
  };
}
