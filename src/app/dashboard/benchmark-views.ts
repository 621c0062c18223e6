import { groupPerThousand, perThousand } from '../../domain/dashboard/participation.js';
import { sizeClassOf, type SizeClass } from '../../domain/dashboard/size-class.js';
import { shownCount, type ShownCount } from '../../domain/dashboard/suppression.js';
import type { DashboardError } from '../../domain/dashboard/errors.js';
import { ok, type Result } from '../../domain/result.js';
import type { DashboardDeps } from './dashboard-deps.js';
import { findGemeente, type GemeenteSummary } from './gemeente-summary.js';

/** One gemeente on the map and in the ranking: aggregates only, which every dashboard user may see. */
export interface GemeenteParticipation {
  readonly code: string;
  readonly name: string;
  readonly provinceCode: string;
  readonly population: number;
  readonly sizeClass: SizeClass;
  readonly participants: ShownCount;
  /** Null when the count is suppressed. */
  readonly perThousand: number | null;
  /** 1 = the highest participation; null when suppressed (such gemeenten come last, unranked). */
  readonly rank: number | null;
}

export interface MapView {
  readonly gemeenten: readonly GemeenteParticipation[];
  readonly nationalPerThousand: number | null;
}

interface Participation {
  readonly rows: GemeenteParticipation[];
  readonly raw: ReadonlyMap<string, number>;
}

async function participation(deps: DashboardDeps): Promise<Participation> {
  const raw = await deps.dashboard.participantsPerGemeente();
  const rows = [...deps.gemeenten.values()].map((g) => {
    const n = raw.get(g.code) ?? 0;
    return {
      code: g.code,
      name: g.name,
      provinceCode: g.provinceCode,
      population: g.population,
      sizeClass: sizeClassOf(g.population),
      participants: shownCount(n),
      perThousand: perThousand(n, g.population),
      rank: null as number | null,
    };
  });
  // Ranked by the exact share, not the rounded rate shown.
  const share = (r: { code: string; population: number }) => (raw.get(r.code) ?? 0) / Math.max(1, r.population);
  const ranked = rows
    .filter((r) => r.perThousand !== null)
    .sort((a, b) => share(b) - share(a) || a.name.localeCompare(b.name, 'nl'));
  ranked.forEach((r, i) => (r.rank = i + 1));
  rows.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.name.localeCompare(b.name, 'nl'),
  );
  return { rows, raw };
}

/** Participation per 1,000 inhabitants of every gemeente, ranked: the map and its table. */
export async function viewMap(deps: DashboardDeps): Promise<MapView> {
  const { rows, raw } = await participation(deps);
  return {
    gemeenten: rows,
    nationalPerThousand: groupPerThousand(
      [...deps.gemeenten.values()].map((g) => ({ participants: raw.get(g.code) ?? 0, population: g.population })),
    ),
  };
}

export interface BenchmarkGroup {
  readonly kind: 'gemeente' | 'size-class' | 'province' | 'national';
  /** The size class, province code, or gemeente code; null for the country. */
  readonly code: string | null;
  readonly gemeenten: number;
  readonly perThousand: number | null;
  /** The gemeente's place among the group's ranked gemeenten. */
  readonly rank: number | null;
  readonly ranked: number;
}

export interface BenchmarkView {
  readonly gemeente: GemeenteSummary;
  readonly participants: ShownCount;
  readonly perThousand: number | null;
  readonly groups: readonly BenchmarkGroup[];
  /** The gemeenten of the same province, highest participation first. */
  readonly provinceRanking: readonly GemeenteParticipation[];
  /** The gemeenten of the same size class, highest participation first. */
  readonly sizeClassRanking: readonly GemeenteParticipation[];
}

/** The gemeente beside comparable ones: the same size class, the same province, the country. */
export async function viewBenchmark(deps: DashboardDeps, code: string): Promise<Result<BenchmarkView, DashboardError>> {
  const found = findGemeente(deps, code);
  if (!found.ok) return found;
  const gemeente = found.value;
  const { rows, raw } = await participation(deps);
  const own = rows.find((r) => r.code === code);
  const group = (
    kind: BenchmarkGroup['kind'],
    groupCode: string | null,
    members: readonly GemeenteParticipation[],
  ): BenchmarkGroup => {
    const ranked = members.filter((m) => m.rank !== null);
    const place = ranked.findIndex((m) => m.code === code);
    return {
      kind,
      code: groupCode,
      gemeenten: members.length,
      perThousand: groupPerThousand(
        members.map((m) => ({ participants: raw.get(m.code) ?? 0, population: m.population })),
      ),
      rank: place < 0 ? null : place + 1,
      ranked: ranked.length,
    };
  };
  const sameSize = rows.filter((r) => r.sizeClass === gemeente.sizeClass);
  const sameProvince = rows.filter((r) => r.provinceCode === gemeente.provinceCode);
  return ok({
    gemeente,
    participants: own?.participants ?? 0,
    perThousand: own?.perThousand ?? null,
    groups: [
      group('gemeente', code, own === undefined ? [] : [own]),
      group('size-class', gemeente.sizeClass, sameSize),
      group('province', gemeente.provinceCode, sameProvince),
      group('national', null, rows),
    ],
    provinceRanking: sameProvince,
    sizeClassRanking: sameSize,
  });
}
