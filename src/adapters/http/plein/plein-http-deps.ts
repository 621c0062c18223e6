import type { AuthDeps } from '../../../app/staff-auth/auth-deps.js';
import type { CallRoutedEvent } from '../../../app/ports/call-routed-listener.js';
import type { IdentityProviders } from '../../../app/ports/identity-providers.js';
import type { PlaceSearch } from '../../../app/ports/place-search.js';
import type { Extent } from '../../../domain/geo/extent.js';
import type { StaffEventStreams } from '../server/staff-event-streams.js';

/** What the portal (Burgernetplein) and the cookie side of the API need. */
export interface PleinHttpDeps {
  readonly auth: AuthDeps;
  /** Staff's open event streams: capped per staff member, ended with their session. */
  readonly streams: StaffEventStreams;
  /** Session cookie only over HTTPS, named __Host-burgernet_session. */
  readonly cookieSecure: boolean;
  readonly webauthn: { readonly rpId: string; readonly rpName: string; readonly origin: string | null };
  readonly map: {
    /** Base map tiles ({z}/{x}/{y}); null: the bundled gemeente boundaries only. */
    readonly tileUrl: string | null;
    readonly attribution: string;
    /** Where the console opens: each meldkamer's police unit by code (RE01…), and the country for the others. */
    readonly regionExtents: ReadonlyMap<string, Extent>;
    readonly countryExtent: Extent;
  };
  /** The console's search for addresses, places and postcodes. */
  readonly placeSearch: PlaceSearch;
  /** Single sign-on through the organisations' identity providers (none configured: an empty list). */
  readonly sso: IdentityProviders;
  /** The portal's origin for the providers' redirect URI; null: the request's own origin. */
  readonly ssoRedirectOrigin: string | null;
  /** Calls routed via 0800-0011, live (absent when the redirect helper's events are not wired). */
  readonly callRouted?: { subscribe(listener: (event: CallRoutedEvent) => void): () => void };
}
