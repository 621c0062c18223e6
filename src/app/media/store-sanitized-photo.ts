import type { StoredImage } from '../../domain/photo/stored-image.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { MediaDeps } from './media-deps.js';

/**
 * Checks and cleans an upload and writes the clean photo to storage. Nothing is written when the upload is
 * refused; the caller removes the file again when what refers to it cannot be saved.
 */
export async function storeSanitizedPhoto(
  deps: Pick<MediaDeps, 'photos' | 'images'>,
  bytes: Uint8Array,
): Promise<Result<StoredImage>> {
  const sanitized = await deps.images.sanitize(bytes);
  if (!sanitized.ok) {
    return fail(
      sanitized.problem === 'too-many-pixels'
        ? { code: 'photo.too-many-pixels', maxPixels: deps.images.maxPixels }
        : { code: 'photo.not-an-image' },
    );
  }
  const { image } = sanitized;
  const key = await deps.photos.save(image.bytes, image.contentType);
  return ok({
    key,
    contentType: image.contentType,
    width: image.width,
    height: image.height,
    bytes: image.bytes.byteLength,
  });
}

/** Runs `work` with the stored photo; when it fails or throws, the file goes again so that nothing is left. */
export async function withStoredPhoto<T>(
  deps: Pick<MediaDeps, 'photos'>,
  image: StoredImage | null,
  work: () => Promise<Result<T>>,
): Promise<Result<T>> {
  let outcome: Result<T>;
  try {
    outcome = await work();
  } catch (error) {
    if (image !== null) await deps.photos.remove(image.key);
    throw error;
  }
  if (!outcome.ok && image !== null) await deps.photos.remove(image.key);
  return outcome;
}
