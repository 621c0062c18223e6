import type { ImageSanitizer } from '../../../app/ports/image-sanitizer.js';
import type { PhotoStorage } from '../../../app/ports/photo-storage.js';

/** What the app, the public action page and the photo and tip routes need beyond the API's deps. */
export interface BurgernetAppHttpDeps {
  readonly photos: PhotoStorage;
  readonly images: ImageSanitizer;
  /** Ended public actions stay in the feed this long. */
  readonly recentHours: number;
  /** "Bel politie" for a meldkamer without a public number of its own. */
  readonly fallbackPhone: string;
  readonly maxPhotoBytes: number;
  readonly requestsPerMinute: number;
  readonly tipsPerHour: number;
  /** Map tiles (with {z}/{x}/{y}); null: the bundled gemeente boundaries only. */
  readonly mapTileUrl: string | null;
  readonly mapAttribution: string;
}
