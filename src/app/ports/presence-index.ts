import type { Area } from '../../domain/area/area.js';
import type { PresenceCell } from '../../domain/push/presence-cell.js';
import type { PushTarget } from './push-channel.js';

export interface PresentDevice {
  readonly target: PushTarget;
  readonly tokenHash: string;
}

/**
 * Which phones are roughly where, right now: a cell per subscription that expires after a short time. Memory
 * only, never persisted. The in-process adapter serves one process; several processes would need a shared one
 * (e.g. Redis with key expiry) behind this port.
 */
export interface PresenceIndex {
  /** 'arrived' when the device had no live cell or another one (it moved); 'stayed' when the cell is the same. */
  mark(device: PresentDevice, cell: PresenceCell, at: Date): 'arrived' | 'stayed';
  /** The device while its presence is live. */
  find(subscriptionId: string, at: Date): PresentDevice | null;
  forget(subscriptionId: string): void;
  /** The cells (at the presence resolution) that overlap the area. */
  cellsCovering(area: Area): ReadonlySet<PresenceCell>;
  /** Devices whose live cell is one of these. */
  presentIn(cells: ReadonlySet<PresenceCell>, at: Date): PushTarget[];
  /** Live devices, for health figures. */
  count(at: Date): number;
}
