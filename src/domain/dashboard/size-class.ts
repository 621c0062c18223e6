/**
 * Size classes of gemeenten by inhabitants, after CBS's gemeentegrootteklassen (merged where a class would hold
 * only a handful of gemeenten): the "comparable gemeenten" of the benchmark.
 */
export type SizeClass = 'tot-20k' | '20k-50k' | '50k-100k' | '100k-250k' | 'vanaf-250k';

export const SIZE_CLASSES: readonly SizeClass[] = ['tot-20k', '20k-50k', '50k-100k', '100k-250k', 'vanaf-250k'];

export function sizeClassOf(population: number): SizeClass {
  if (population < 20_000) return 'tot-20k';
  if (population < 50_000) return '20k-50k';
  if (population < 100_000) return '50k-100k';
  if (population < 250_000) return '100k-250k';
  return 'vanaf-250k';
}
