import { generate, generateSecret, generateURI, verify } from 'otplib';
import type { TotpVerifier } from '../../app/ports/staff-credentials.js';

const PERIOD_SECONDS = 30;

/** RFC 6238 with the parameters every authenticator app reads: SHA-1, 6 digits, 30 s; one step of clock skew back. */
export function createOtplibTotp(issuer: string): TotpVerifier {
  return {
    newSecret: () => generateSecret({ length: 20 }),
    enrolmentUri: (secret, accountLabel) =>
      generateURI({ issuer, label: accountLabel.replace(/^[^:]*:/, ''), secret, period: PERIOD_SECONDS, digits: 6 }),
    codeAt: (secret, now) =>
      generate({ secret, epoch: Math.floor(now.getTime() / 1000), period: PERIOD_SECONDS, digits: 6 }),
    async verify(secret, code, now) {
      if (!/^\d{6}$/.test(code)) return null;
      const result = await verify({
        secret,
        token: code,
        epoch: Math.floor(now.getTime() / 1000),
        period: PERIOD_SECONDS,
        epochTolerance: [PERIOD_SECONDS, 0],
      });
      return result.valid && 'timeStep' in result ? result.timeStep : null;
    },
  };
}
