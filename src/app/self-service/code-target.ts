import type { Msisdn } from '../../domain/participant/msisdn.js';
import type { PhoneNumber } from '../../domain/participant/phone-number.js';
import type { CodeChannel } from '../../domain/self-service/verification.js';
import type { SelfServiceDeps } from './self-service-deps.js';

/** Where a one-time code goes: a phone number (with its country, read at the edge) or an e-mail address. */
export type CodeTarget =
  | { readonly kind: 'phone'; readonly phone: PhoneNumber; readonly country: string }
  | { readonly kind: 'email'; readonly email: string };

export type TargetRefusal = 'country' | 'line-kind' | 'no-voice';

export type ResolvedTarget =
  | { readonly kind: 'phone'; readonly msisdn: Msisdn; readonly channel: 'sms' | 'voice'; readonly hash: string }
  | { readonly kind: 'email'; readonly email: string; readonly channel: 'email'; readonly hash: string };

/**
 * Codes go only where they are cheap and expected: an SMS to a mobile number, a call to a landline, both in the
 * allowed countries (SMS pumping sends codes to expensive foreign and premium numbers).
 */
export function resolveTarget(
  deps: Pick<SelfServiceDeps, 'crypto' | 'voice' | 'codeCountries'>,
  target: CodeTarget,
): ResolvedTarget | TargetRefusal {
  if (target.kind === 'email') {
    const email = normalizeEmail(target.email);
    return { kind: 'email', email, channel: 'email', hash: targetHash(deps, email) };
  }
  if (!deps.codeCountries.includes(target.country)) return 'country';
  let channel: CodeChannel;
  switch (target.phone.kind) {
    case 'mobile':
      channel = 'sms';
      break;
    case 'fixed':
      if (deps.voice === null) return 'no-voice';
      channel = 'voice';
      break;
    case 'other':
      return 'line-kind';
  }
  return { kind: 'phone', msisdn: target.phone.msisdn, channel, hash: targetHash(deps, target.phone.msisdn) };
}

/** The keyed hash under which codes and counters for a number or address are kept. */
export function targetHash(deps: Pick<SelfServiceDeps, 'crypto'>, msisdnOrEmail: string): string {
  return deps.crypto.digest('target', msisdnOrEmail.startsWith('+') ? msisdnOrEmail : normalizeEmail(msisdnOrEmail));
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
