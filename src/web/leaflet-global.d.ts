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
    bounds: LatLngBounds,
    options?: { readonly padding?: readonly [number, number]; readonly maxZoom?: number },
  ): this;
  getCenter(): LatLng;
  invalidateSize(): this;
  on(event: 'click', listener: (event: LeafletMouseEvent) => void): this;
  on(event: 'dblclick', listener: (event: LeafletMouseEvent) => void): this;
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
  tileLayer(urlTemplate: string, options?: { readonly attribution?: string; readonly maxZoom?: number }): Layer;
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
