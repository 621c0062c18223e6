import type { Clock } from '../ports/clock.js';
import type { IdGenerator } from '../ports/id-generator.js';
import type { ImageSanitizer } from '../ports/image-sanitizer.js';
import type { PhotoStorage } from '../ports/photo-storage.js';
import type { Store } from '../ports/stores.js';

export interface MediaDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly photos: PhotoStorage;
  readonly images: ImageSanitizer;
}
