import { byId, el } from '../../elements.js';
import { fillTemplate, templateParts } from '../../text-template.js';
import { amsterdamTime } from './amsterdam-time.js';
import type { ConsoleTexts } from './console-texts.js';
import type { CurrentAction } from './current-action.js';
import { ProgressChart } from './progress-chart.js';
import { showStatus } from './status-badge.js';
import { closeWhenSessionEnds } from '../session/stream-end.js';

type DeliveryCounts = Readonly<
  Record<'queued' | 'sending' | 'submitted' | 'delivered' | 'failed' | 'expired' | 'cancelled', number>
>;

/** The `progress` event of /api/v1/actions/:id/progress/stream. */
interface Progress {
  readonly status: string;
  readonly totals: DeliveryCounts;
  /** Counts per message kind (alert, update, …), then per channel: one delivery per message and person. */
  readonly byKind: Readonly<Record<string, Readonly<Record<string, DeliveryCounts>>>>;
  readonly firstSubmittedAt: string | null;
  readonly lastSubmittedAt: string | null;
  /** The app's notifications: phones, not people. */
  readonly push?: {
    readonly totals: PushCounts;
    readonly byKind: Readonly<Record<string, PushCounts>>;
  };
  /** Voice calls by outcome, and calls waiting to be tried again. */
  readonly calls?: { readonly byOutcome: Readonly<Record<string, number>>; readonly waitingForRetry: number };
  /** SMS parts per SMSC connection profile: accepted there, and with a receipt. */
  readonly smsBySmsc?: readonly { readonly smsc: string; readonly parts: number; readonly receipts: number }[];
}

interface PushCounts {
  readonly targeted: number;
  readonly accepted: number;
  readonly gone: number;
  readonly failed: number;
}

interface ChannelRow {
  readonly channel: string;
  /** People the alert went to (or is going to). */
  readonly people: number;
  readonly delivered: number;
  readonly failed: number;
  /** Every message of every kind: the alert, updates, the closing message. */
  readonly messages: number;
}

export interface ProgressStream {
  /** Follows this action's progress (closing the stream of the one before); the chart's time runs from `startedAt`. */
  follow(actionId: string, startedAt: string | null): void;
  close(): void;
}

const notCancelled = (c: DeliveryCounts) => Object.values(c).reduce((s, n) => s + n, 0) - c.cancelled;

/** Rows per channel: people (the alert's deliveries) apart from messages (all of them). */
function channelRows(p: Progress): ChannelRow[] {
  const rows: ChannelRow[] = [];
  for (const channel of ['sms', 'voice']) {
    const alert = p.byKind.alert?.[channel];
    const messages = Object.values(p.byKind).reduce(
      (n, kind) => n + (kind[channel] ? notCancelled(kind[channel]) : 0),
      0,
    );
    if (alert === undefined || messages === 0) continue;
    rows.push({
      channel,
      people: notCancelled(alert),
      delivered: alert.delivered,
      failed: alert.failed + alert.expired,
      messages,
    });
  }
  const app = p.push?.byKind.alert;
  if (p.push && app && p.push.totals.targeted > 0) {
    rows.push({
      channel: 'push',
      people: app.targeted,
      delivered: app.accepted,
      failed: app.failed + app.gone,
      messages: p.push.totals.targeted,
    });
  }
  return rows;
}

/** A running action's progress, live: people per channel, a sentence with the totals, calls now, and a curve. */
export function createProgressStream(
  texts: ConsoleTexts,
  current: CurrentAction,
  /** Runs when the counts changed (at most every few seconds): the timeline reads its numbers again. */
  onChange: () => void = () => undefined,
): ProgressStream {
  let lastChange = 0;
  let pendingChange: ReturnType<typeof setTimeout> | null = null;
  const changed = () => {
    if (pendingChange !== null) return;
    const wait = Math.max(0, lastChange + 3000 - Date.now());
    pendingChange = setTimeout(() => {
      pendingChange = null;
      lastChange = Date.now();
      onChange();
    }, wait);
  };
  const chart = new ProgressChart(byId('voortgang-grafiek', HTMLCanvasElement), {
    ...texts.chartLabels,
    start: texts.live.chartStart,
    empty: texts.live.chartEmpty,
  });
  let source: EventSource | null = null;

  function render(p: Progress): void {
    const t = p.totals;
    const sent = t.submitted + t.delivered + t.failed + t.expired;
    const rows = channelRows(p);
    showStatus(p.status);
    if (current.action) current.action.status = p.status;
    const columns = texts.live.peopleColumns;
    const counts = {
      people: el(
        'strong',
        { 'data-mensen': '' },
        rows.filter((r) => r.channel !== 'push').reduce((n, r) => n + r.people, 0),
      ),
      sent: el('strong', { 'data-verzonden': '' }, sent),
      delivered: el('strong', { 'data-afgeleverd': '' }, t.delivered),
      failed: t.failed + t.expired,
      queued: t.queued + t.sending,
    };
    const ringing = p.byKind.alert?.voice
      ? Object.values(p.byKind).reduce((n, kind) => n + (kind.voice?.sending ?? 0), 0)
      : 0;
    const voice = rows.some((r) => r.channel === 'voice')
      ? el(
          'p',
          { 'data-spraak': '' },
          fillTemplate(texts.live.voiceNow, {
            ringing,
            answered: p.calls?.byOutcome.answered ?? 0,
            retry: p.calls?.waitingForRetry ?? 0,
          }),
        )
      : null;
    byId('voortgang').replaceChildren(
      el('p', {}, ...templateParts(texts.live.peopleSummary, counts)),
      el(
        'table',
        { class: 'compact' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[columns.channel, columns.people, columns.delivered, columns.failed, columns.messages].map((label) =>
              el('th', { scope: 'col' }, label),
            ),
          ),
        ),
        el(
          'tbody',
          {},
          ...rows.map((r) =>
            el(
              'tr',
              { 'data-kanaal': r.channel },
              el('th', { scope: 'row' }, texts.channels[r.channel] ?? r.channel),
              ...[r.people, r.delivered, r.failed, r.messages].map((n) => el('td', {}, n)),
            ),
          ),
        ),
      ),
      ...(voice ? [voice] : []),
      ...(p.smsBySmsc !== undefined && p.smsBySmsc.length > 0
        ? [
            el(
              'p',
              { class: 'muted', 'data-smsc': '' },
              fillTemplate(texts.live.smscLine, {
                list: p.smsBySmsc.map((s) => fillTemplate(texts.live.smscItem, s)).join(', '),
              }),
            ),
          ]
        : []),
      el(
        'p',
        { class: 'muted' },
        fillTemplate(texts.progressTimes, {
          first: amsterdamTime(p.firstSubmittedAt),
          last: amsterdamTime(p.lastSubmittedAt),
        }),
      ),
    );
    chart.add(Date.now(), sent, t.delivered);
    changed();
  }

  return {
    follow(actionId, startedAt) {
      chart.reset(startedAt === null ? Date.now() : Date.parse(startedAt));
      source?.close();
      source = new EventSource(`/api/v1/actions/${actionId}/progress/stream`);
      source.addEventListener('progress', (e) => render(JSON.parse(e.data as string) as Progress));
      closeWhenSessionEnds(source);
    },
    close() {
      source?.close();
    },
  };
}
