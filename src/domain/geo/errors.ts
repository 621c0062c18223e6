/** A meldkamer's settings: where 0800-0011 routes, and the public number the app dials. */
export type MeldkamerError =
  { readonly code: 'meldkamer.not-found' } | { readonly code: 'meldkamer.invalid-phone-number' };

/** The console's place search: nothing matched, or the search service (PDOK Locatieserver) did not answer. */
export type PlaceError =
  { readonly code: 'place.not-found' } | { readonly code: 'place.search-unavailable'; readonly reason: string };
