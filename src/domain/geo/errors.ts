/** A meldkamer's settings: where 0800-0011 routes, and the public number the app dials. */
export type MeldkamerError =
  { readonly code: 'meldkamer.not-found' } | { readonly code: 'meldkamer.invalid-phone-number' };
