/**
 * The corners clicked on a map as a closed GeoJSON ring ([lon, lat], six decimals). A double click that closes
 * the polygon also clicks twice, and rounding can merge two close clicks: the server refuses a corner repeated
 * in a row, so such repeats (the last against the first too) are dropped here.
 */
export function ringOfClicks(points: readonly { readonly lat: number; readonly lng: number }[]): number[][] {
  const rounded = points.map((p) => [Number(p.lng.toFixed(6)), Number(p.lat.toFixed(6))] as [number, number]);
  const same = (a: readonly number[], b: readonly number[]) => a[0] === b[0] && a[1] === b[1];
  const ring = rounded.filter((p, i) => i === 0 || !same(p, rounded[i - 1]!));
  while (ring.length > 1 && same(ring.at(-1)!, ring[0]!)) ring.pop();
  return ring.length === 0 ? [] : [...ring, ring[0]!];
}
