import sharp, { type Metadata } from 'sharp';
import type { ImageSanitizer } from '../../app/ports/image-sanitizer.js';

export interface SharpSanitizerOptions {
  /** Refused above this many pixels (width × height), read from the header before decoding. */
  readonly maxPixels: number;
  /** The longer side after scaling down; a phone photo needs no more to be recognised. */
  readonly maxSide: number;
}

// Formats a phone or a meldkamer sends; anything else (SVG with scripts, PDF, TIFF tricks) is refused.
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'heif', 'avif']);

/**
 * Decodes for real with libvips (sharp): the bytes must be an image, whatever the file is called. The pixel
 * limit is checked on the header first and enforced again by libvips while decoding (a decompression bomb
 * stops there). The output is a fresh JPEG: turned upright from the EXIF orientation, then every piece of
 * metadata dropped (sharp keeps none unless asked), so no GPS position or camera serial survives.
 */
export function createSharpImageSanitizer(options: SharpSanitizerOptions): ImageSanitizer {
  return {
    maxPixels: options.maxPixels,
    async sanitize(bytes) {
      const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      let metadata: Metadata;
      try {
        metadata = await sharp(input, { limitInputPixels: false, failOn: 'error' }).metadata();
      } catch {
        return { ok: false, problem: 'not-an-image' };
      }
      if (
        metadata.format === undefined ||
        !ACCEPTED_FORMATS.has(metadata.format) ||
        !metadata.width ||
        !metadata.height
      ) {
        return { ok: false, problem: 'not-an-image' };
      }
      if (metadata.width * metadata.height > options.maxPixels) return { ok: false, problem: 'too-many-pixels' };
      try {
        const { data, info } = await sharp(input, { limitInputPixels: options.maxPixels, failOn: 'error', pages: 1 })
          .rotate()
          .resize({ width: options.maxSide, height: options.maxSide, fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 82, mozjpeg: true })
          .toBuffer({ resolveWithObject: true });
        return {
          ok: true,
          image: {
            bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
            contentType: 'image/jpeg',
            width: info.width,
            height: info.height,
          },
        };
      } catch (error) {
        if (error instanceof Error && /pixel limit/i.test(error.message))
          return { ok: false, problem: 'too-many-pixels' };
        return { ok: false, problem: 'not-an-image' };
      }
    },
  };
}
