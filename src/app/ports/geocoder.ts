import type { LatLon } from '../../domain/geo/lat-lon.js';
import type { Address } from '../../domain/participant/registration.js';

export interface GeocodedAddress {
  readonly address: Address;
  readonly street: string | null;
  readonly city: string;
  readonly location: LatLon;
  readonly gemeenteCode: string;
}

export type GeocodeOutcome =
  | { readonly kind: 'found'; readonly result: GeocodedAddress }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unavailable'; readonly reason: string };

export interface Geocoder {
  geocode(address: Address): Promise<GeocodeOutcome>;
}
