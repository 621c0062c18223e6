import { mkdir, writeFile } from 'node:fs/promises';
import type { StoreResult } from './store-bench.js';

export const AIMS = { targeting2kmP95Ms: 50, firstSubmitMs: 200, messagesPerSecond: 10_000 } as const;

type Cell = string | number | null | undefined;

function table(title: string, head: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = (c: Cell) =>
    c === null || c === undefined ? '–' : typeof c === 'number' ? c.toLocaleString('en-US') : c;
  const cells = [head, ...rows.map((r) => r.map(text))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`\n${title}`, line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join(
    '\n',
  );
}

/** The compact figures for stdout; progress went to stderr. */
export function formatReport(results: readonly StoreResult[]): string {
  const parts: string[] = [];
  const seeded = results.filter((r) => r.seed !== null);
  if (seeded.length > 0) {
    parts.push(
      table(
        'SEED',
        ['store', 'participants', 'registrations', 'seconds', 'participants/s', 'vacuum s', 'db MiB', 'peak rss MiB'],
        seeded.map((r) => [
          r.store,
          r.seed!.participants,
          r.seed!.registrations,
          r.seed!.seconds,
          r.seed!.participantsPerSecond,
          r.seed!.vacuumSeconds,
          r.seed!.databaseMib,
          Math.max(r.seed!.memory.rssPeakMib, r.seed!.memory.processMaxRssMib),
        ]),
      ),
    );
  }
  const targeted = results.filter((r) => r.targeting !== null);
  const first = targeted[0]?.targeting ?? [];
  if (first.length > 0) {
    const head = [
      'place',
      'km',
      'candidates',
      'recipients',
      ...targeted.flatMap((r) => [`${r.store} p50 ms`, `${r.store} p95 ms`, `${r.store} cold ms`]),
    ];
    const rows = first.map((f, i) => [
      f.place,
      f.radiusKm,
      f.candidates,
      f.recipients,
      ...targeted.flatMap((r) => {
        const t = r.targeting![i];
        return [t?.total.p50, t?.total.p95, t?.coldMs];
      }),
    ]);
    parts.push(
      table(
        `TARGETING (findCandidates + selectRecipients; p50/p95 of ${first[0]?.total.runs ?? 0} warm runs after one cold run)`,
        head,
        rows,
      ),
    );
  }
  for (const r of results) {
    if (r.plan !== null) parts.push(`\nPLAN (${r.store}) of findCandidates, ${r.plan.area}\n${r.plan.plan.join('\n')}`);
  }
  const fanned = results.filter((r) => r.fanout !== null);
  if (fanned.length > 0) {
    parts.push(
      table(
        'FANOUT (start over HTTP → SMPP → SMSC simulator; ms after the start request was sent)',
        [
          'store',
          'radius km',
          'sms',
          'start req',
          'first submit',
          'last resp',
          'last stored',
          'msg/s',
          'end-to-end msg/s',
          'peak rss MiB',
          'exactly once',
        ],
        fanned.map((r) => {
          const f = r.fanout!;
          return [
            r.store,
            f.radiusKm,
            f.smsRecipients,
            f.startRequestMs,
            f.firstSubmitMs,
            f.lastSubmitRespMs,
            f.lastStoredMs,
            f.messagesPerSecond,
            f.endToEndPerSecond,
            f.memory.rssPeakMib,
            f.outcome.ok ? 'yes' : 'NO',
          ];
        }),
      ),
    );
  }
  for (const r of fanned) {
    parts.push(
      table(
        `FANOUT DATABASE TIME (${r.store}; summed waits per statement, so concurrent ones overlap)`,
        ['statement', 'calls', 'rows', 'ms'],
        r.fanout!.statements.map((s) => [s.sql, s.calls, s.rows, s.totalMs]),
      ),
    );
  }
  const redirected = results.filter((r) => r.redirect !== null);
  for (const r of redirected) {
    const f = r.redirect!;
    parts.push(
      table(
        `REDIRECT (0800-0011: SIPp INVITE over UDP → 302, ${r.store}, ${f.deliveries.toLocaleString('en-US')} deliveries, ${f.actions.active} active actions; ms INVITE → 302 at SIPp)`,
        [
          'offered/s',
          'calls',
          'failed',
          'shed',
          'answered/s',
          'p50 ms',
          'p99 ms',
          'max ms',
          'decision p50 ms',
          'decision p99 ms',
        ],
        f.steps.map((s) => [
          s.offeredPerSecond,
          s.calls,
          s.failed,
          s.shed,
          s.answeredPerSecond,
          s.p50Ms,
          s.p99Ms,
          s.maxMs,
          s.decisionP50Ms,
          s.decisionP99Ms,
        ]),
      ),
    );
    parts.push(
      `routing reasons: ${JSON.stringify(f.reasons)}; server: ${JSON.stringify(f.server)}; lookup uses deliveries_msisdn_recent and registrations_msisdn: ${f.planUsesIndex ? 'yes' : 'NO'}\nPLANS (${r.store}) of the two statements of call_routing_candidates\n${f.plan.join('\n')}`,
    );
  }
  for (const r of results.filter((x) => x.voice !== null)) {
    const v = r.voice!;
    parts.push(
      table(
        `VOICE (start over HTTP → SIP user agent → voice simulator, ${r.store}; "${v.message}", ${v.speech}: ${v.callAudioMs} ms of audio a call)`,
        [
          'recipients',
          'limit',
          'first call ms',
          'last call end s',
          'calls/min',
          'peak at trunk',
          'peak at agent',
          'limit held',
          'answered',
          'delivered',
          'not once',
          'peak rss MiB',
        ],
        [
          [
            v.recipients,
            v.maxConcurrentCalls,
            v.firstCallMs,
            Math.round(v.lastCallEndMs / 100) / 10,
            v.callsPerMinute,
            v.peakAtTrunk,
            v.peakAtAgent,
            v.limitHeld ? 'yes' : 'NO',
            v.answered,
            v.delivered,
            v.notOnce,
            Math.max(v.memory.rssPeakMib, v.memory.processMaxRssMib),
          ],
        ],
      ),
    );
  }
  for (const r of results.filter((x) => x.push !== null)) {
    const p = r.push!;
    parts.push(
      table(
        `PUSH (${p.subscriptions.toLocaleString('en-US')} phones in ${p.cells} cells; start over HTTP → Web Push adapter → local push service in a child process, ${r.store}; ms after the start request)`,
        [
          'enc threads',
          'start req',
          'first accepted',
          'last accepted',
          'push/s',
          'end-to-end push/s',
          'stored acc',
          'failed',
          'VAPID signed',
          'checked',
          'sample ok',
          'peak rss MiB',
          'peak heap MiB',
          'presence/s',
        ],
        p.runs.map((x) => [
          x.encryptionThreads,
          x.startRequestMs,
          x.firstAcceptedMs,
          x.lastAcceptedMs,
          x.pushesPerSecond,
          x.endToEndPerSecond,
          x.stored.accepted,
          x.stored.failed,
          x.tokensSigned,
          x.push.tokensVerified,
          `${x.push.decrypted}/${x.push.decrypted + x.push.decryptFailures}`,
          x.memory.rssPeakMib,
          x.memory.heapPeakMib,
          x.presencePerSecond,
        ]),
      ),
    );
    parts.push(`push subscriptions over HTTP: ${p.subscribePerSecond}/s`);
  }
  for (const r of results.filter((x) => x.dashboard !== null)) {
    const d = r.dashboard!;
    parts.push(
      table(
        `DASHBOARD (${r.store}; ${d.participants.toLocaleString('en-US')} participants, ${d.actions.toLocaleString('en-US')} actions over two years, ${d.historySeconds === null ? 'history kept from an earlier run' : `history seeded in ${d.historySeconds} s`}; ms per view, ${d.views[0]?.runs ?? 0} warm runs; aim p95 < ${d.aimMs} ms)`,
        ['view', 'gemeente', 'p50 ms', 'p95 ms', 'max ms', `p95 < ${d.aimMs} ms`],
        d.views.map((v) => [v.view, v.gemeente, v.p50, v.p95, v.max, v.p95 < d.aimMs ? 'yes' : 'NO']),
      ),
    );
  }
  for (const r of results.filter((x) => x.mail !== null)) {
    const m = r.mail!;
    parts.push(
      table(
        `MAIL (${m.recipients.toLocaleString('en-US')} recipients, one newsletter through the SMTP adapter (pooled, DKIM) to the SMTP simulator, ${r.store}; ms after the send request)`,
        [
          'queued',
          'first mail',
          'last mail',
          'mail/s',
          'cpu ms/mail',
          'peak rss MiB',
          'peak heap MiB',
          'exactly once',
          'sent',
          'yields',
        ],
        [
          [
            m.queuedMs,
            m.firstMailMs,
            m.lastMailMs,
            m.messagesPerSecond,
            m.cpuMsPerMail,
            Math.max(m.memory.rssPeakMib, m.memory.processMaxRssMib),
            m.memory.heapPeakMib,
            m.notExactlyOnce === 0 ? 'yes' : `NO (${m.notExactlyOnce})`,
            m.figures.sent,
            m.yields,
          ],
        ],
      ),
    );
    parts.push(
      table(
        `MAIL vs ACTION (${r.store}; an action with 500 SMS near Utrecht Centraal; ms after its start request)`,
        ['action', 'first SMS ms', 'last SMS ms'],
        [
          ['alone', m.actionAlone.firstSmsMs, m.actionAlone.lastSmsMs],
          ['half-way through the newsletter', m.actionDuringMail.firstSmsMs, m.actionDuringMail.lastSmsMs],
        ],
      ),
    );
    parts.push(`mail paused for the action: longest gap ${m.mailPausedMs} ms; config ${JSON.stringify(m.config)}`);
  }
  parts.push(formatAims(results));
  for (const r of results) {
    for (const e of r.errors) parts.push(`${r.store}: FAILED ${e}`);
    parts.push(
      `${r.store}: ${r.seconds} s${r.reusedDatabase ? ' (kept database reused, not seeded)' : ''}, load average ${r.loadAverage.start.toFixed(1)} → ${r.loadAverage.end.toFixed(1)}`,
    );
  }
  return `${parts.join('\n')}\n`;
}

function formatAims(results: readonly StoreResult[]): string {
  const lines = ['\nAIMS'];
  const mark = (ok: boolean) => (ok ? 'met    ' : 'NOT met');
  for (const r of results) {
    for (const t of (r.targeting ?? []).filter((f) => f.radiusKm === 2)) {
      lines.push(
        `${mark(t.total.p95 < AIMS.targeting2kmP95Ms)} ${r.store} targeting 2 km ${t.place}: p95 ${t.total.p95} ms (aim < ${AIMS.targeting2kmP95Ms}; aim set for PostgreSQL)`,
      );
    }
    const f = r.fanout;
    if (f !== null) {
      lines.push(
        `${mark(f.firstSubmitMs < AIMS.firstSubmitMs)} ${r.store} first SMS ${f.firstSubmitMs} ms after start (aim < ${AIMS.firstSubmitMs})`,
      );
      lines.push(
        `${mark(f.messagesPerSecond >= AIMS.messagesPerSecond)} ${r.store} ${f.messagesPerSecond} messages/s (aim ≥ ${AIMS.messagesPerSecond})`,
      );
      lines.push(
        `${mark(f.outcome.ok)} ${r.store} every SMS exactly once: ${JSON.stringify(f.outcome.byStatus)}, ${f.outcome.smscMessages} at the SMSC, ${f.outcome.duplicateNumbers} duplicates, ${f.outcome.missingAtSmsc} missing`,
      );
    }
  }
  return lines.join('\n');
}

export async function writeResults(file: URL, results: readonly StoreResult[]): Promise<void> {
  await mkdir(new URL('.', file), { recursive: true });
  await writeFile(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2)}\n`,
  );
}
