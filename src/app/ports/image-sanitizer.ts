import type { ImageContentType, ImageProblem } from '../../domain/photo/stored-image.js';

export interface SanitizedImage {
  readonly bytes: Uint8Array;
  readonly contentType: ImageContentType;
  readonly width: number;
  readonly height: number;
}

export type SanitizeOutcome =
  { readonly ok: true; readonly image: SanitizedImage } | { readonly ok: false; readonly problem: ImageProblem };

/**
 * Turns untrusted upload bytes into a safe photo: decoded for real (the name and the declared type are not
 * believed), refused above a pixel limit before it is decoded in full, turned upright, stripped of every
 * piece of metadata (EXIF, GPS, XMP, ICC), scaled down and encoded afresh.
 */
export interface ImageSanitizer {
  readonly maxPixels: number;
  sanitize(bytes: Uint8Array): Promise<SanitizeOutcome>;
}
