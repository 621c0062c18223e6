import type { Store } from '../src/app/ports/stores.js';
import type { Area } from '../src/domain/area/area.js';
import { countByChannel, selectRecipients } from '../src/domain/targeting/select-recipients.js';
import { BENCH_MOMENT, TARGETING_PLACES, TARGETING_RADII_METRES } from './bench-places.js';
import { startProgressBar } from './progress-bar.js';
import { round, summarize, type TimingSummary } from './stats.js';

export interface TargetingFigures {
  readonly place: string;
  readonly radiusKm: number;
  readonly candidates: number;
  readonly recipients: number;
  readonly smsRecipients: number;
  /** The first (cold) run, not part of the summaries. */
  readonly coldMs: number;
  /** findCandidates plus selectRecipients. */
  readonly total: TimingSummary;
  readonly findCandidates: TimingSummary;
  readonly select: TimingSummary;
}

/**
 * Times the selection the targeting runner makes: the store's coarse H3 lookup, then the exact rules in
 * the domain (inside the circle, time window, one per number, nearest first).
 */
export async function runTargetingBench(store: Store, runs: number, label: string): Promise<TargetingFigures[]> {
  const cases = TARGETING_PLACES.flatMap((place) =>
    TARGETING_RADII_METRES.map((radiusMetres) => ({ place, radiusMetres })),
  );
  const bar = startProgressBar(`targeting (${label})`, cases.length * (runs + 1));
  const figures: TargetingFigures[] = [];
  let done = 0;
  for (const { place, radiusMetres } of cases) {
    const area: Area = { kind: 'circle', centre: place.centre, radiusMetres };
    const total: number[] = [];
    const find: number[] = [];
    const select: number[] = [];
    let candidates = 0;
    let recipients = 0;
    let sms = 0;
    let coldMs = 0;
    for (let run = 0; run <= runs; run++) {
      const started = performance.now();
      const found = await store.participants.findCandidates(area);
      const foundAt = performance.now();
      const selected = selectRecipients(found, area, BENCH_MOMENT);
      const ended = performance.now();
      if (run === 0) {
        coldMs = ended - started;
        candidates = found.length;
        recipients = selected.length;
        sms = countByChannel(selected).sms;
      } else {
        total.push(ended - started);
        find.push(foundAt - started);
        select.push(ended - foundAt);
      }
      bar.update(++done);
    }
    figures.push({
      place: place.name,
      radiusKm: radiusMetres / 1000,
      candidates,
      recipients,
      smsRecipients: sms,
      coldMs: round(coldMs),
      total: roundSummary(summarize(total)),
      findCandidates: roundSummary(summarize(find)),
      select: roundSummary(summarize(select)),
    });
  }
  bar.stop();
  return figures;
}

function roundSummary(s: TimingSummary): TimingSummary {
  return {
    runs: s.runs,
    p50: round(s.p50),
    p95: round(s.p95),
    min: round(s.min),
    max: round(s.max),
    mean: round(s.mean),
  };
}
