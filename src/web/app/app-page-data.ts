// What the app's pages give their scripts (the #app-gegevens block), and an action as the app API sends it.

export interface AppTexts {
  readonly locationAsking: string;
  readonly locationKnown: string;
  readonly locationDenied: string;
  readonly locationUnavailable: string;
  readonly notificationsOn: string;
  readonly notificationsUnavailable: string;
  readonly notificationsDenied: string;
  readonly offline: string;
  readonly loadFailed: string;
  /** {time} */
  readonly lastUpdated: string;
  /** {date}, {time} */
  readonly lastUpdatedOn: string;
  readonly retrying: string;
  readonly noneAtLastUpdate: string;
  readonly nearNoneAtLastUpdate: string;
  readonly open: string;
  readonly started: string;
  readonly ended: string;
  readonly tipSending: string;
  readonly tipSent: string;
  readonly tipFailed: string;
  readonly tipTextRequired: string;
  readonly tipErrorsHeading: string;
  readonly tipTooLarge: string;
  readonly mapLabel: string;
  readonly callMeldkamer: string;
  readonly call112: string;
  readonly photoAlt: string;
  readonly allNone: string;
  readonly nearNone: string;
}

/** How the app draws maps: over the bundled gemeente boundaries, or over a configured tile server. */
export interface AppMapSettings {
  readonly boundariesUrl: string;
  readonly boundariesAttribution: string;
  readonly tileUrl: string | null;
  readonly tileAttribution: string;
}

export interface AppPageData {
  readonly texts: AppTexts;
  readonly map: AppMapSettings;
  /** The start page only: when the server listed the actions the page shows without script (ISO time). */
  readonly listedAt?: string;
}

export interface Point {
  readonly lat: number;
  readonly lon: number;
}

/** An action's area as the app API sends it: a circle, or a GeoJSON polygon ([lon, lat] positions). */
export type PublicArea =
  | { readonly kind: 'circle'; readonly centre: Point; readonly radiusMetres: number }
  | {
      readonly kind: 'polygon';
      readonly centre: Point;
      readonly polygon: {
        readonly type: 'Polygon';
        readonly coordinates: readonly (readonly (readonly [number, number])[])[];
      };
    };

export interface PublicAction {
  readonly id: string;
  readonly title: string;
  /** actief, afgesloten or ingetrokken. */
  readonly status: string;
  readonly statusLabel: string;
  readonly text: string | null;
  readonly description: string | null;
  readonly area: PublicArea | null;
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly resultLabel: string | null;
  readonly closingText: string | null;
  readonly photoUrl: string | null;
  readonly meldkamer: { readonly code: string; readonly name: string };
  readonly call: { readonly kind: '112' | 'meldkamer'; readonly href: string } | null;
  readonly url: string;
}
