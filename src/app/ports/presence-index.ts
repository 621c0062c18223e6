import type { Area } from '../../domain/area/area.js';
import type { PresenceCell } from '../../domain/push/presence-cell.js';
import type { PushTarget } from './push-channel.js';

export interface PresentDevice {
  readonly target: PushTarget;
  readonly tokenHash: string;
}

/**
 * Which phones are roughly where, right now: a cell per subscription that expires after a short time. Memory
 * only, never persisted: this process's memory, or a Redis shared by the nodes that keeps nothing on disk.
 *
 * A shared index that cannot reach its store answers as if nobody were present (nobody found, nothing marked):
 * push targeting reaches fewer phones, or none, until it is back; it says so in its logs and counts.
 */
export interface PresenceIndex {
  /** 'arrived' when the device had no live cell or another one (it moved); 'stayed' when the cell is the same. */
  mark(device: PresentDevice, cell: PresenceCell, at: Date): Promise<'arrived' | 'stayed'>;
  /** The device while its presence is live. */
  find(subscriptionId: string, at: Date): Promise<PresentDevice | null>;
  forget(subscriptionId: string): Promise<void>;
  /** The cells (at the presence resolution) that overlap the area. */
  cellsCovering(area: Area): ReadonlySet<PresenceCell>;
  /** Devices whose live cell is one of these. */
  presentIn(cells: ReadonlySet<PresenceCell>, at: Date): Promise<PushTarget[]>;
  /** Live devices, for health figures. */
  count(at: Date): Promise<number>;
}
