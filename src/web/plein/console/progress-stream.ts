import { byId, el } from '../../elements.js';
import { fillTemplate, templateParts } from '../../text-template.js';
import { amsterdamTime } from './amsterdam-time.js';
import type { ConsoleTexts } from './console-texts.js';
import type { CurrentAction } from './current-action.js';
import { ProgressChart } from './progress-chart.js';

type DeliveryCounts = Readonly<
  Record<'queued' | 'sending' | 'submitted' | 'delivered' | 'failed' | 'expired' | 'cancelled', number>
>;

/** The `progress` event of /api/v1/actions/:id/progress/stream. */
interface Progress {
  readonly status: string;
  readonly totals: DeliveryCounts;
  /** Counts per message kind (alert, update, …), then per channel. */
  readonly byKind: Readonly<Record<string, Readonly<Record<string, DeliveryCounts>>>>;
  readonly firstSubmittedAt: string | null;
  readonly lastSubmittedAt: string | null;
}

interface ChannelRow {
  total: number;
  sent: number;
  delivered: number;
  failed: number;
}

export interface ProgressStream {
  /** Follows this action's progress (closing the stream of the one before). */
  follow(actionId: string): void;
  close(): void;
}

/** A running action's progress, live: numbers per channel, a sentence with the totals, and a curve. */
export function createProgressStream(texts: ConsoleTexts, current: CurrentAction): ProgressStream {
  const chart = new ProgressChart(byId('voortgang-grafiek', HTMLCanvasElement), texts.chartLabels);
  let source: EventSource | null = null;

  function render(p: Progress): void {
    const t = p.totals;
    const sent = t.submitted + t.delivered + t.failed + t.expired;
    const byChannel: Record<string, ChannelRow> = {};
    for (const kind of Object.values(p.byKind)) {
      for (const [channel, counts] of Object.entries(kind)) {
        const c = (byChannel[channel] ??= { total: 0, sent: 0, delivered: 0, failed: 0 });
        c.total += Object.values(counts).reduce((s, n) => s + n, 0) - counts.cancelled;
        c.sent += counts.submitted + counts.delivered + counts.failed + counts.expired;
        c.delivered += counts.delivered;
        c.failed += counts.failed + counts.expired;
      }
    }
    const rows = Object.entries(byChannel)
      .filter(([, c]) => c.total > 0)
      .map(([ch, c]) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, texts.channels[ch] ?? ch),
          ...[c.total, c.sent, c.delivered, c.failed].map((n) => el('td', {}, n)),
        ),
      );
    byId('actie-status').textContent = p.status;
    if (current.action) current.action.status = p.status;
    const columns = texts.progressColumns;
    const counts = {
      sent: el('strong', { 'data-verzonden': '' }, sent),
      delivered: el('strong', { 'data-afgeleverd': '' }, t.delivered),
      failed: t.failed + t.expired,
      queued: t.queued + t.sending,
    };
    byId('voortgang').replaceChildren(
      el('p', {}, ...templateParts(texts.progress, counts)),
      el(
        'table',
        { class: 'compact' },
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...[columns.channel, columns.recipients, columns.sent, columns.delivered, columns.failed].map((label) =>
              el('th', { scope: 'col' }, label),
            ),
          ),
        ),
        el('tbody', {}, ...rows),
      ),
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
  }

  return {
    follow(actionId) {
      chart.reset();
      source?.close();
      source = new EventSource(`/api/v1/actions/${actionId}/progress/stream`);
      source.addEventListener('progress', (e) => render(JSON.parse(e.data as string) as Progress));
    },
    close() {
      source?.close();
    },
  };
}
