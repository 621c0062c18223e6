import { areaContains, type Area } from '../area/area.js';
import { distanceInMetres, type LatLon } from '../geo/lat-lon.js';
import type { Msisdn } from '../participant/msisdn.js';
import { isPausedAt, type Pause } from '../participant/pause.js';
import type { ContactChannel } from '../participant/registration.js';
import { amsterdamWallTime } from '../time-window/amsterdam-time.js';
import { isWithinTimeWindowsAt, type TimeWindow } from '../time-window/time-window.js';

/** A registration that may be in the area: the store finds these by a coarse index, we decide exactly. */
export interface Candidate {
  readonly registrationId: string;
  readonly msisdn: Msisdn;
  readonly channel: ContactChannel;
  readonly location: LatLon;
  readonly timeWindows: readonly TimeWindow[];
  /** The participant asked for no messages in this period (a holiday). */
  readonly pause?: Pause | null;
}

export interface Recipient {
  readonly registrationId: string;
  readonly msisdn: Msisdn;
  readonly channel: ContactChannel;
  readonly distanceMetres: number;
}

/**
 * Who gets an alert sent at `at`: registrations inside the area whose time window at that address holds
 * then and whose participant has not paused messages; one per phone number (its nearest such registration),
 * never a number already reached; nearest to the incident first.
 */
export function selectRecipients(
  candidates: Iterable<Candidate>,
  area: Area,
  at: Date,
  alreadyReached: ReadonlySet<string> = new Set(),
): Recipient[] {
  const best = new Map<string, Recipient>();
  const wallTime = amsterdamWallTime(at);
  for (const c of candidates) {
    if (alreadyReached.has(c.msisdn)) continue;
    if (!areaContains(area, c.location)) continue;
    if (!isWithinTimeWindowsAt(c.timeWindows, wallTime)) continue;
    if (c.pause != null && isPausedAt(c.pause, at)) continue;
    const distanceMetres = distanceInMetres(area.centre, c.location);
    const current = best.get(c.msisdn);
    if (current === undefined || distanceMetres < current.distanceMetres) {
      best.set(c.msisdn, { registrationId: c.registrationId, msisdn: c.msisdn, channel: c.channel, distanceMetres });
    }
  }
  return [...best.values()].sort(
    (a, b) => a.distanceMetres - b.distanceMetres || (a.msisdn < b.msisdn ? -1 : a.msisdn > b.msisdn ? 1 : 0),
  );
}

export type ReachByChannel = Record<ContactChannel, number>;

export function countByChannel(recipients: readonly Recipient[]): ReachByChannel {
  const counts: ReachByChannel = { sms: 0, voice: 0 };
  for (const r of recipients) counts[r.channel] += 1;
  return counts;
}
