import type { GeocodeOutcome, Geocoder } from '../../app/ports/geocoder.js';
import { pointInDisc } from '../../domain/geo/displace.js';
import type { Pc4Centroid } from '../../domain/geo/pc4-centroid.js';
import { normalizePostcode, pc4Of } from '../../domain/geo/postcode.js';
import type { Address } from '../../domain/participant/registration.js';
import { fmix32 } from '../../domain/random/fmix32.js';

/** Stays under the promised 400 m so that rounding never pushes a point past it. */
const JITTER_RADIUS_M = 380;

/**
 * The default geocoder, offline: every address in a known four-digit area lies near that area's centroid.
 * The spread is a hash of the address, so one address always lands on the same spot and neighbours differ.
 */
export function createPc4Geocoder(pc4Centroids: readonly Pc4Centroid[]): Geocoder {
  const byPc4 = new Map<string, Pc4Centroid & { readonly gemeenteCode: string }>();
  for (const c of pc4Centroids) {
    // A centroid outside every gemeente cannot place a registration in one: treat it as unknown.
    if (c.gemeenteCode !== null) byPc4.set(c.pc4, { ...c, gemeenteCode: c.gemeenteCode });
  }

  return {
    async geocode(address: Address): Promise<GeocodeOutcome> {
      const postcode = normalizePostcode(address.postcode);
      if (postcode === null || !isHouseNumber(address.houseNumber)) return { kind: 'not-found' };
      const centroid = byPc4.get(pc4Of(postcode));
      if (centroid === undefined) return { kind: 'not-found' };
      const addition = normalizeAddition(address.houseNumberAddition);
      const h1 = fnv1a(`${postcode}|${address.houseNumber}|${addition ?? ''}`);
      const h2 = fmix32(h1 ^ 0x9e3779b9);
      return {
        kind: 'found',
        result: {
          address: { postcode, houseNumber: address.houseNumber, houseNumberAddition: addition },
          street: null,
          city: centroid.city,
          location: pointInDisc(centroid.location, JITTER_RADIUS_M, h1 / 2 ** 32, h2 / 2 ** 32),
          gemeenteCode: centroid.gemeenteCode,
        },
      };
    },
  };
}

const isHouseNumber = (n: number): boolean => Number.isInteger(n) && n >= 1 && n <= 99_999;

/** "a", " A ", "-a" all mean the same addition; an empty one is none. */
function normalizeAddition(addition: string | null): string | null {
  const cleaned = addition?.replace(/[\s-]+/g, '').toUpperCase() ?? '';
  return cleaned === '' ? null : cleaned;
}

/** FNV-1a, 32 bits: small, stable across runs and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
