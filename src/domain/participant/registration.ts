import type { LatLon } from '../geo/lat-lon.js';
import type { TimeWindow } from '../time-window/time-window.js';
import type { Msisdn } from './msisdn.js';

export type ContactChannel = 'sms' | 'voice';
export const CONTACT_CHANNELS: readonly ContactChannel[] = ['sms', 'voice'];

export interface Address {
  readonly postcode: string; // "1234AB"
  readonly houseNumber: number;
  readonly houseNumberAddition: string | null;
}

/** One phone number at one address, with the times at which it wants messages there. */
export interface Registration {
  readonly id: string;
  readonly participantId: string;
  readonly msisdn: Msisdn;
  readonly channel: ContactChannel;
  readonly address: Address;
  readonly location: LatLon;
  readonly gemeenteCode: string;
  readonly timeWindows: readonly TimeWindow[];
}
