import type { PresenceIndex, PresentDevice } from '../../app/ports/presence-index.js';
import type { PushTarget } from '../../app/ports/push-channel.js';
import type { PresenceCell } from '../../domain/push/presence-cell.js';
import { presenceCellsCovering } from './presence-cells.js';

interface Entry {
  readonly device: PresentDevice;
  readonly cell: PresenceCell;
  expiresAt: number;
}

export interface InMemoryPresenceIndex extends PresenceIndex {
  /** Drops expired entries; returns how many. */
  sweep(at: Date): number;
}

/**
 * Presence of this process's phones, in memory only, each entry expiring `ttlMs` after the phone last sent
 * its cell. Nothing here is written anywhere; a restart forgets all of it (phones send their cell again).
 */
export function createInMemoryPresenceIndex(options: { readonly ttlMs: number }): InMemoryPresenceIndex {
  const entries = new Map<string, Entry>();
  const byCell = new Map<PresenceCell, Set<string>>();

  const unlink = (subscriptionId: string, entry: Entry) => {
    const ids = byCell.get(entry.cell);
    ids?.delete(subscriptionId);
    if (ids?.size === 0) byCell.delete(entry.cell);
  };
  const live = (entry: Entry | undefined, at: Date): entry is Entry =>
    entry !== undefined && entry.expiresAt > at.getTime();

  return {
    async mark(device, cell, at) {
      const id = device.target.subscriptionId;
      const previous = entries.get(id);
      const expiresAt = at.getTime() + options.ttlMs;
      if (live(previous, at) && previous.cell === cell && previous.device.tokenHash === device.tokenHash) {
        previous.expiresAt = expiresAt;
        return 'stayed';
      }
      if (previous !== undefined) unlink(id, previous);
      entries.set(id, { device, cell, expiresAt });
      let ids = byCell.get(cell);
      if (ids === undefined) byCell.set(cell, (ids = new Set()));
      ids.add(id);
      return 'arrived';
    },

    async find(subscriptionId, at) {
      const entry = entries.get(subscriptionId);
      return live(entry, at) ? entry.device : null;
    },

    async forget(subscriptionId) {
      const entry = entries.get(subscriptionId);
      if (entry === undefined) return;
      unlink(subscriptionId, entry);
      entries.delete(subscriptionId);
    },

    cellsCovering: presenceCellsCovering,

    async presentIn(cells, at) {
      const found: PushTarget[] = [];
      for (const cell of cells) {
        for (const id of byCell.get(cell) ?? []) {
          const entry = entries.get(id);
          if (live(entry, at)) found.push(entry.device.target);
        }
      }
      return found;
    },

    async count(at) {
      let n = 0;
      for (const entry of entries.values()) if (live(entry, at)) n += 1;
      return n;
    },

    sweep(at) {
      let dropped = 0;
      for (const [id, entry] of entries) {
        if (live(entry, at)) continue;
        unlink(id, entry);
        entries.delete(id);
        dropped += 1;
      }
      return dropped;
    },
  };
}
