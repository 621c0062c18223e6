import type { Staff } from '../../domain/staff/staff.js';
import type { BroadcastLogEntry } from '../ports/broadcast-outbox.js';
import type { Store } from '../ports/stores.js';

/**
 * The delivery log of broadcast channels: which event went to which destination, when, after how many
 * attempts, and why not. Beheer of a meldkamer sees its own actions' events; national beheer all of them.
 */
export async function readDeliveryLog(
  deps: { readonly store: Store },
  staff: Staff,
  filter: { readonly destination: string | null; readonly actionId: string | null; readonly limit: number },
): Promise<readonly BroadcastLogEntry[]> {
  const meldkamerCode = staff.scope.kind === 'meldkamer' ? staff.scope.meldkamerCode : null;
  if (staff.scope.kind === 'gemeente') return [];
  return deps.store.broadcast.log({ ...filter, meldkamerCode });
}
