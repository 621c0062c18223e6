// Leaflet is loaded as a classic script (/static/vendor/leaflet/leaflet.js) before the pages' own scripts and sets
// the global `L`; this declares the part of its API these pages use. Leaflet 1.9 ships no types of its own.

export interface LatLng {
  readonly lat: number;
  readonly lng: number;
  toBounds(sizeInMetres: number): LatLngBounds;
}

export type LatLngInput = LatLng | readonly [number, number];

export interface LatLngBounds {
  readonly __brand?: 'LatLngBounds';
}

/** South-west and north-east corners, [lat, lng] each. */
export type LatLngBoundsLiteral = readonly [readonly [number, number], readonly [number, number]];

export interface LeafletMouseEvent {
  readonly latlng: LatLng;
}

export interface AttributionControl {
  addAttribution(text: string): this;
  setPrefix(prefix: string | false): this;
}

export interface LeafletMap {
  readonly attributionControl: AttributionControl;
  setView(centre: LatLngInput, zoom: number): this;
  fitBounds(
    bounds: LatLngBounds | LatLngBoundsLiteral,
    options?: { readonly padding?: readonly [number, number]; readonly maxZoom?: number },
  ): this;
  getCenter(): LatLng;
  invalidateSize(): this;
  hasLayer(layer: Layer): boolean;
  on(event: 'click' | 'dblclick' | 'mousemove', listener: (event: LeafletMouseEvent) => void): this;
  on(event: 'mouseout', listener: () => void): this;
}

export interface TileLayer extends Layer {
  /** A tile that could not be loaded (no network, the tile server down). */
  on(event: 'tileerror' | 'tileload', listener: () => void): this;
}

export interface Tooltip extends Layer {
  setLatLng(at: LatLng): this;
  setContent(content: string): this;
}

export interface Layer {
  addTo(map: LeafletMap): this;
  remove(): this;
  bindTooltip(content: string | ((layer: FeatureLayer) => string), options?: { readonly sticky?: boolean }): this;
}

export interface FeatureLayer extends Layer {
  readonly feature: BoundaryFeature;
}

export interface BoundsLayer extends Layer {
  getBounds(): LatLngBounds;
}

export interface GeoJsonLayer extends BoundsLayer {
  bringToBack(): this;
  setStyle(style: PathStyle): this;
}

/** The pages draw one kind of GeoJSON: the bundled gemeente boundaries. */
export interface BoundaryFeature {
  readonly properties: { readonly code: string; readonly name: string };
}

export interface PathStyle {
  readonly color?: string;
  readonly weight?: number;
  readonly fillColor?: string;
  readonly fillOpacity?: number;
  readonly dashArray?: string;
  readonly className?: string;
  readonly interactive?: boolean;
  readonly opacity?: number;
  readonly fill?: boolean;
}

export interface GeoJsonOptions {
  readonly style?: PathStyle | ((feature: BoundaryFeature) => PathStyle);
  readonly onEachFeature?: (feature: BoundaryFeature, layer: Layer) => void;
  readonly interactive?: boolean;
}

export interface MapOptions {
  readonly zoomControl?: boolean;
  readonly attributionControl?: boolean;
  readonly doubleClickZoom?: boolean;
  readonly dragging?: boolean;
  readonly keyboard?: boolean;
  readonly scrollWheelZoom?: boolean;
  readonly touchZoom?: boolean;
  readonly boxZoom?: boolean;
  readonly tap?: boolean;
  readonly preferCanvas?: boolean;
  readonly zoomSnap?: number;
}

export interface Leaflet {
  map(element: string | HTMLElement, options?: MapOptions): LeafletMap;
  tileLayer(urlTemplate: string, options?: { readonly attribution?: string; readonly maxZoom?: number }): TileLayer;
  tooltip(options?: {
    readonly direction?: 'top' | 'right' | 'bottom' | 'left' | 'center' | 'auto';
    readonly offset?: readonly [number, number];
    readonly className?: string;
  }): Tooltip;
  geoJSON(data: unknown, options?: GeoJsonOptions): GeoJsonLayer;
  latLng(lat: number, lng: number): LatLng;
  circle(centre: LatLngInput, options: PathStyle & { readonly radius: number }): BoundsLayer;
  circleMarker(centre: LatLngInput, options: PathStyle & { readonly radius: number }): Layer;
  polygon(points: readonly LatLngInput[] | readonly (readonly LatLngInput[])[], options?: PathStyle): BoundsLayer;
  polyline(points: readonly LatLngInput[], options?: PathStyle): BoundsLayer;
}

declare global {
  /** Undefined when leaflet.js did not load: the pages then work without their map. */
  var L: Leaflet | undefined;
}
