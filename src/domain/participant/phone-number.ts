import type { Msisdn } from './msisdn.js';
import type { ContactChannel } from './registration.js';

/** A number checked at the edge: its E.164 form and what kind of line it is. */
export interface PhoneNumber {
  readonly msisdn: Msisdn;
  readonly kind: 'mobile' | 'fixed' | 'other';
}

/** SMS needs a mobile number; a voice call reaches a landline or a mobile. */
export function channelFitsNumber(channel: ContactChannel, number: PhoneNumber): boolean {
  switch (channel) {
    case 'sms':
      return number.kind === 'mobile';
    case 'voice':
      return number.kind === 'mobile' || number.kind === 'fixed';
  }
}
