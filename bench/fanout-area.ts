import type { Store } from '../src/app/ports/stores.js';
import { MAX_RADIUS_METRES, type Area } from '../src/domain/area/area.js';
import { selectRecipients } from '../src/domain/targeting/select-recipients.js';
import type { BenchPlace } from './bench-places.js';

export interface FanoutArea {
  readonly area: Area & { readonly kind: 'circle' };
  /** SMS recipients the area holds at the moment, as the targeting run will select them. */
  readonly smsRecipients: number;
  readonly recipients: number;
}

const STEP_METRES = 100;

/**
 * The smallest circle around the place (in steps of 100 m) holding at least `target` SMS recipients at `at`,
 * or the largest circle allowed when the data set is too small for that.
 */
export async function findFanoutArea(store: Store, place: BenchPlace, target: number, at: Date): Promise<FanoutArea> {
  let radius = 10_000;
  const circle = (radiusMetres: number) => ({ kind: 'circle', centre: place.centre, radiusMetres }) as const;
  let recipients = selectRecipients(await store.participants.findCandidates(circle(radius)), circle(radius), at);
  while (recipients.filter((r) => r.channel === 'sms').length < target && radius < MAX_RADIUS_METRES) {
    radius = Math.min(MAX_RADIUS_METRES, radius * 2);
    recipients = selectRecipients(await store.participants.findCandidates(circle(radius)), circle(radius), at);
  }
  // Recipients come nearest first: the target-th SMS recipient's distance is the radius needed.
  const sms = recipients.filter((r) => r.channel === 'sms');
  const needed = sms[Math.min(target, sms.length) - 1]?.distanceMetres ?? radius;
  const chosen = circle(Math.min(radius, Math.max(1_000, Math.ceil(needed / STEP_METRES) * STEP_METRES)));
  const inside = recipients.filter((r) => r.distanceMetres <= chosen.radiusMetres);
  return { area: chosen, smsRecipients: inside.filter((r) => r.channel === 'sms').length, recipients: inside.length };
}
