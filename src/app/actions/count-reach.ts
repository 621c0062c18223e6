import type { Area } from '../../domain/area/area.js';
import { selectRecipients } from '../../domain/targeting/select-recipients.js';
import type { Stores } from '../ports/stores.js';

/** How many numbers an alert in the area would reach at `at`, leaving out those reached already. */
export async function countReach(
  stores: Pick<Stores, 'participants'>,
  area: Area,
  at: Date,
  reached: ReadonlySet<string> = new Set(),
): Promise<number> {
  return selectRecipients(await stores.participants.findCandidates(area), area, at, reached).length;
}
