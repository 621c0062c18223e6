/** Photos of an action and with tips. */
export type PhotoError =
  | { readonly code: 'photo.not-an-image' }
  | { readonly code: 'photo.too-many-pixels'; readonly maxPixels: number }
  | { readonly code: 'photo.too-large'; readonly maxBytes: number }
  | { readonly code: 'photo.not-found' };
