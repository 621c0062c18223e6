import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { expireMedia } from '../app/media/expire-media.js';
import type { Clock } from '../app/ports/clock.js';
import type { Store } from '../app/ports/stores.js';
import type { BurgernetAppHttpDeps } from '../adapters/http/burgernet-app/burgernet-app-http-deps.js';
import { createLocalPhotoStorage } from '../adapters/photos/local-photo-storage.js';
import { createSharpImageSanitizer } from '../adapters/photos/sharp-image-sanitizer.js';
import type { PeriodicJobs } from '../app/cluster/periodic-jobs.js';
import type { Component } from './component.js';
import type { Section } from './config-section.js';

export const BURGERNET_APP_KEYS = [
  'DATA_DIR',
  'PHOTO_MAX_PIXELS',
  'PHOTO_MAX_SIDE',
  'PHOTO_MAX_BYTES',
  'MEDIA_RETENTION_DAYS',
  'MEDIA_HOUSEKEEPING_MINUTES',
  'APP_RECENT_HOURS',
  'APP_FALLBACK_POLICE_PHONE',
  'APP_REQUESTS_PER_MINUTE',
  'APP_TIPS_PER_HOUR',
  'APP_MAP_TILE_URL',
  'APP_MAP_ATTRIBUTION',
] as const;

/**
 * The Burgernetapp's side of the system: photo storage (a folder under DATA_DIR), the sanitizer, and the job
 * that deletes photos and tips past their retention (once at start, then every interval).
 */
export function burgernetAppComponent(
  config: Section<typeof BURGERNET_APP_KEYS>,
  deps: {
    readonly store: Store;
    readonly clock: Clock;
    readonly logger: Logger;
    /** Null on an API node: retention runs on the worker nodes, one at a time. */
    readonly periodic: PeriodicJobs | null;
  },
): Component<BurgernetAppHttpDeps> {
  return {
    name: 'burgernet-app',
    async start() {
      const logger = deps.logger.child({ component: 'app' });
      const photos = createLocalPhotoStorage(join(resolve(config.DATA_DIR), 'photos'));
      const images = createSharpImageSanitizer({ maxPixels: config.PHOTO_MAX_PIXELS, maxSide: config.PHOTO_MAX_SIDE });
      let running: Promise<void> = Promise.resolve();
      const intervalMs = config.MEDIA_HOUSEKEEPING_MINUTES * 60_000;
      const retention = async () => {
        const expired = await expireMedia(
          { store: deps.store, clock: deps.clock, photos },
          config.MEDIA_RETENTION_DAYS,
        );
        if (expired > 0) logger.info({ actions: expired }, 'photos and tips past their retention deleted');
      };
      const periodic = deps.periodic?.onOneNode('media-retention', intervalMs, retention);
      const runRetention = () => {
        if (periodic === undefined) return;
        running = running
          .then(periodic)
          .catch((error: unknown) => logger.error({ err: error }, 'media retention failed'));
      };
      runRetention();
      const timer = setInterval(runRetention, intervalMs);
      timer.unref();
      return {
        value: {
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
        async stop() {
          clearInterval(timer);
          await running;
        },
      };
    },
  };
}
