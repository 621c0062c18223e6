import type { SelfServiceCrypto } from '../ports/self-service-crypto.js';
import type { MailSettings } from './mail-deps.js';

const UNSUBSCRIBE_DAYS = 3_650;
const DAY = 86_400_000;

/** A keyed hash of the address a mail went to: an unsubscribe or a bounce acts only while it is still the participant's. */
export function emailHashOf(crypto: SelfServiceCrypto, email: string): string {
  return crypto.digest('mail-address', email.trim().toLowerCase()).slice(0, 32);
}

export function unsubscribeUrl(
  crypto: SelfServiceCrypto,
  settings: MailSettings,
  recipientId: number,
  now: Date,
): string {
  const token = crypto.sign('mail-unsubscribe', String(recipientId), new Date(now.getTime() + UNSUBSCRIBE_DAYS * DAY));
  return `${settings.publicBaseUrl}/burgernetmail/afmelden?t=${token}`;
}

/** A personal link to the answer form, valid for `days` from when the mail is sent. */
export function answerUrl(
  crypto: SelfServiceCrypto,
  settings: MailSettings,
  recipientId: number,
  sentAt: Date,
  days: number,
): string {
  const token = crypto.sign('mail-answer', String(recipientId), new Date(sentAt.getTime() + days * DAY));
  return `${settings.publicBaseUrl}/burgernetmail/antwoord?t=${token}`;
}

/** The recipient a signed link belongs to, or null (forged, expired, another purpose). */
export function recipientOfLink(
  crypto: SelfServiceCrypto,
  purpose: 'mail-unsubscribe' | 'mail-answer',
  token: string,
  now: Date,
): number | null {
  const payload = crypto.open(purpose, token, now);
  return payload !== null && /^[1-9][0-9]{0,15}$/.test(payload) ? Number(payload) : null;
}

function verpMac(crypto: SelfServiceCrypto, recipientId: number): string {
  return crypto.digest('mail-verp', String(recipientId)).slice(0, 12);
}

/** VERP: the envelope sender per recipient, so a bounce names whom it is about: bounce+<id>-<mac>@domain. */
export function verpAddress(crypto: SelfServiceCrypto, settings: MailSettings, recipientId: number): string {
  return `bounce+${recipientId}-${verpMac(crypto, recipientId)}@${settings.bounceDomain}`;
}

/** The recipient a bounce was sent to, from the address it arrived at; null for anything we did not make. */
export function recipientOfVerp(crypto: SelfServiceCrypto, settings: MailSettings, address: string): number | null {
  const m = /^bounce\+([1-9][0-9]{0,15})-([0-9a-f]{12})@(.+)$/i.exec(address.trim());
  if (m === null || m[3]!.toLowerCase() !== settings.bounceDomain.toLowerCase()) return null;
  const id = Number(m[1]);
  return verpMac(crypto, id) === m[2]!.toLowerCase() ? id : null;
}
