import { mediaExpiresAt } from '../../domain/photo/media-retention.js';
import type { MediaDeps } from './media-deps.js';

/**
 * Deletes the photos and tips of actions past their retention. The files go inside the transaction that
 * deletes their rows: a crash before the commit leaves rows whose files are gone, which the next run deletes
 * (removing a missing file is fine), and never a file that no row points to any more.
 */
export async function expireMedia(
  deps: Pick<MediaDeps, 'store' | 'clock' | 'photos'>,
  defaultRetentionDays: number,
): Promise<number> {
  const now = deps.clock.now();
  const candidates = await deps.store.media.listEndedWithMedia();
  let expired = 0;
  for (const action of candidates) {
    const expiresAt = mediaExpiresAt(action, defaultRetentionDays);
    if (expiresAt === null || expiresAt > now) continue;
    await deps.store.transaction(async (stores) => {
      const deleted = await stores.media.deleteMedia(action.id);
      for (const key of deleted) await deps.photos.remove(key);
      await stores.audit.append({
        actorId: null,
        actorName: 'bewaartermijn',
        event: 'action.media-expired',
        subjectType: 'action',
        subjectId: action.id,
        details: { files: deleted.length },
        at: now,
      });
    });
    expired += 1;
  }
  return expired;
}
