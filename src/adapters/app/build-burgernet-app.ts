import { join, resolve } from 'node:path';
import { expireMedia } from '../../app/media/expire-media.js';
import type { Clock } from '../../app/ports/clock.js';
import type { Logger } from '../../app/ports/logger.js';
import type { Store } from '../../app/ports/stores.js';
import type { Config } from '../../config.js';
import type { AppHttpDeps } from '../http/app-http-deps.js';
import { createLocalPhotoStorage } from '../photos/local-photo-storage.js';
import { createSharpImageSanitizer } from '../photos/sharp-image-sanitizer.js';

export interface BurgernetApp {
  readonly http: AppHttpDeps;
  /** Starts the job that deletes photos and tips past their retention (once now, then every interval). */
  start(): void;
  stop(): Promise<void>;
}

/** Wires the Burgernetapp's side of the system: photo storage (a folder under DATA_DIR), the sanitizer, retention. */
export function buildBurgernetApp(config: Config, deps: { readonly store: Store; readonly clock: Clock; readonly logger: Logger }): BurgernetApp {
  const photos = createLocalPhotoStorage(join(resolve(config.DATA_DIR), 'photos'));
  const images = createSharpImageSanitizer({ maxPixels: config.PHOTO_MAX_PIXELS, maxSide: config.PHOTO_MAX_SIDE });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const runRetention = () => {
    running = running.then(() =>
      expireMedia({ store: deps.store, clock: deps.clock, photos }, config.MEDIA_RETENTION_DAYS).then(
        (expired) => {
          if (expired > 0) deps.logger.info({ actions: expired }, 'photos and tips past their retention deleted');
        },
        (error: unknown) => deps.logger.error({ err: error }, 'media retention failed'),
      ),
    );
  };

  return {
    http: {
      photos,
      images,
      recentHours: config.APP_RECENT_HOURS,
      fallbackPhone: config.APP_FALLBACK_POLICE_PHONE,
      maxPhotoBytes: config.PHOTO_MAX_BYTES,
      requestsPerMinute: config.APP_REQUESTS_PER_MINUTE,
      tipsPerHour: config.APP_TIPS_PER_HOUR,
      mapTileUrl: config.APP_MAP_TILE_URL ?? null,
      mapAttribution: config.APP_MAP_ATTRIBUTION,
    },
    start() {
      runRetention();
      timer = setInterval(runRetention, config.MEDIA_HOUSEKEEPING_MINUTES * 60_000);
      timer.unref();
    },
    async stop() {
      if (timer !== null) clearInterval(timer);
      await running;
    },
  };
}
