import type { Extent } from '../../domain/geo/extent.js';
import type { LatLon } from '../../domain/geo/lat-lon.js';

/**
 * What a found place is, and so how precise its centre is: an address is a point, the others are areas whose
 * middle stands in for them (a four-digit postcode area is all the offline search knows of a full postcode).
 */
export type PlaceKind = 'address' | 'postcode' | 'postcode-area' | 'street' | 'woonplaats' | 'gemeente';

/** One candidate for what was typed, to pick from. */
export interface PlaceSuggestion {
  /** Opaque to callers; `lookup` takes it back. */
  readonly id: string;
  readonly kind: PlaceKind;
  /** As the source writes it: "Oudegracht 150, 3511AZ Utrecht", "Utrecht", "1071". */
  readonly name: string;
  /** The woonplaats, when `name` does not say it (a postcode area). */
  readonly city: string | null;
}

export interface Place extends PlaceSuggestion {
  readonly centre: LatLon;
  /** The area it covers, when the source knows it; null: only the centre. */
  readonly extent: Extent | null;
}

export type PlaceSuggestOutcome =
  | { readonly kind: 'suggestions'; readonly suggestions: readonly PlaceSuggestion[] }
  | { readonly kind: 'unavailable'; readonly reason: string };

export type PlaceLookupOutcome =
  | { readonly kind: 'found'; readonly place: Place }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unavailable'; readonly reason: string };

/** Finds places by street and house number, place name or postcode (the console's search field). */
export interface PlaceSearch {
  /** The best candidates first, at most `limit`; none when nothing matches. */
  suggest(query: string, limit: number): Promise<PlaceSuggestOutcome>;
  lookup(id: string): Promise<PlaceLookupOutcome>;
}
