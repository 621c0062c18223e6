import type { Gemeente } from '../../domain/geo/gemeente.js';
import { fmix32 } from '../../domain/random/fmix32.js';

/** A deterministic stream of numbers in [0, 1) (mulberry32): the same history for the same seed. */
export function randomStream(seed: number): () => number {
  let state = fmix32(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A number in [0, 1) fixed by two integers. */
export function unitOf(a: number, b: number): number {
  return fmix32((fmix32(a >>> 0) ^ Math.imul(b, 0x9e3779b9)) >>> 0) / 4_294_967_296;
}

export interface PlannedCampaign {
  readonly gemeenteCode: string;
  readonly name: string;
  readonly startsAt: Date;
  readonly days: number;
}

/** An action that moved people: a missing child found after a widely seen alert. Sign-ups follow for days. */
export interface PlannedImpact {
  readonly gemeenteCode: string;
  readonly at: Date;
}

export interface HistoryPlan {
  readonly from: Date;
  readonly to: Date;
  readonly campaigns: readonly PlannedCampaign[];
  readonly impacts: readonly PlannedImpact[];
  /** Campaigns and impacts per gemeente, for the sign-up dates. */
  readonly eventsOf: ReadonlyMap<
    string,
    readonly { readonly start: number; readonly days: number; readonly decay: boolean }[]
  >;
}

const DAY_MS = 86_400_000;
const CAMPAIGN_NAMES = [
  'Huis-aan-huisbrief',
  'Buurtkrant en posters',
  'Stand op de markt',
  'Campagne sociale media',
  'Wijkagent op pad',
  'Brief bij de gemeentegids',
];

/** Picks a gemeente with a chance proportional to its population. */
export function populationPicker(gemeenten: readonly Gemeente[]): (u: number) => Gemeente {
  const cumulative: number[] = [];
  let total = 0;
  for (const g of gemeenten) cumulative.push((total += g.population));
  return (u) => {
    const x = u * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return gemeenten[lo]!;
  };
}

/**
 * The story of two years: about one gemeente in eight ran a recruitment campaign (larger ones more often), and
 * a few dozen actions with impact drew sign-ups in their gemeente. Used for both the sign-up dates and the actions.
 */
export function planHistory(gemeenten: readonly Gemeente[], now: Date, months: number, seed: number): HistoryPlan {
  const random = randomStream(seed ^ 0x5eed);
  const to = new Date(now.getTime() - 2 * 3_600_000);
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months + 1, 1));
  const span = to.getTime() - from.getTime();
  const pick = populationPicker(gemeenten);
  const campaigns: PlannedCampaign[] = [];
  const chosen = new Set<string>();
  for (let i = 0; i < Math.round(gemeenten.length / 8); i++) {
    const g = pick(random());
    if (chosen.has(g.code)) continue;
    chosen.add(g.code);
    const days = 14 + Math.floor(random() * 29);
    const startsAt = new Date(from.getTime() + Math.floor((random() * (span - days * DAY_MS)) / DAY_MS) * DAY_MS);
    campaigns.push({
      gemeenteCode: g.code,
      name: CAMPAIGN_NAMES[Math.floor(random() * CAMPAIGN_NAMES.length)]!,
      startsAt,
      days,
    });
  }
  const impacts: PlannedImpact[] = [];
  for (let i = 0; i < Math.max(1, Math.round(months * 1.5)); i++) {
    const g = pick(random());
    impacts.push({ gemeenteCode: g.code, at: new Date(from.getTime() + random() * (span - 3 * DAY_MS)) });
  }
  const eventsOf = new Map<string, { start: number; days: number; decay: boolean }[]>();
  const add = (code: string, event: { start: number; days: number; decay: boolean }) =>
    eventsOf.set(code, [...(eventsOf.get(code) ?? []), event]);
  for (const c of campaigns) add(c.gemeenteCode, { start: c.startsAt.getTime(), days: c.days, decay: false });
  for (const m of impacts) add(m.gemeenteCode, { start: m.at.getTime(), days: 6, decay: true });
  return { from, to, campaigns, impacts, eventsOf };
}

/** Share of today's participants who registered before the two years the dashboard shows. */
const BEFORE_WINDOW = 0.72;
/** Share of those who registered in the window and whose gemeente had an event, who came because of it. */
const EVENT_SHARE = 0.3;

/**
 * When a participant registered: most before the window, the rest spread with slowly growing sign-ups, and in a
 * gemeente with a campaign or an impactful action a share during it (or in the days after it).
 */
export function registrationDate(plan: HistoryPlan, index: number, seed: number, gemeenteCode: string): Date {
  const u = unitOf(index, seed);
  const v = unitOf(index, seed ^ 0x51ed);
  const w = unitOf(index, seed ^ 0x2545);
  const from = plan.from.getTime();
  const span = plan.to.getTime() - from;
  if (u < BEFORE_WINDOW) return new Date(from - (1 + v * 3_650) * DAY_MS);
  const events = plan.eventsOf.get(gemeenteCode);
  if (events !== undefined && (u - BEFORE_WINDOW) / (1 - BEFORE_WINDOW) < EVENT_SHARE) {
    const event = events[Math.floor(v * events.length)]!;
    const offset = event.decay ? -Math.log(1 - w * 0.95) * DAY_MS : w * event.days * DAY_MS;
    return new Date(Math.min(plan.to.getTime(), event.start + offset));
  }
  // Density rising from 0.8 to 1.2 over the window: the inverse of its distribution function.
  const x = (-0.8 + Math.sqrt(0.64 + 0.8 * v)) / 0.4;
  return new Date(from + x * span);
}
