/**
 * Where a phone roughly is, as it tells the server: an H3 cell at the presence resolution (see
 * adapters/presence), validated at the edge. Held in memory only, for a short time; never stored or logged.
 */
export type PresenceCell = string & { readonly __brand: 'PresenceCell' };
