import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { asMsisdn } from '../../../domain/participant/msisdn.js';
import type { PhoneNumber } from '../../../domain/participant/phone-number.js';

/**
 * Reads a phone number as a Dutch user types it ("06 1234 5678", "+32 470 12 34 56"); only numbers of the
 * allowed countries (the Netherlands and its neighbours, for registrations across the border) pass.
 */
export function parsePhoneNumber(input: string, allowedCountries: readonly CountryCode[]): PhoneNumber | null {
  const parsed = parsePhoneNumberFromString(input, 'NL');
  if (parsed === undefined || !parsed.isValid() || parsed.country === undefined) return null;
  if (!allowedCountries.includes(parsed.country)) return null;
  const type = parsed.getType();
  const kind =
    type === 'MOBILE' ? 'mobile' : type === 'FIXED_LINE' || type === 'FIXED_LINE_OR_MOBILE' ? 'fixed' : 'other';
  return { msisdn: asMsisdn(parsed.number), kind };
}
