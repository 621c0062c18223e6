/**
 * The limits on one-time codes (each costs an SMS or a call, and SMS pumping is a known fraud): per number,
 * per IP address and nationally per hour, plus wrong codes. Their numbers are configuration.
 */
export type AbuseLimitName =
  'codes-per-number' | 'codes-per-ip' | 'codes-national' | 'code-locked' | 'number-not-allowed';
export const ABUSE_LIMIT_NAMES: readonly AbuseLimitName[] = [
  'codes-per-number',
  'codes-per-ip',
  'codes-national',
  'code-locked',
  'number-not-allowed',
];

export interface AbuseLimits {
  readonly codesPerNumberPerHour: number;
  readonly codesPerIpPerHour: number;
  readonly codesNationalPerHour: number;
  readonly maxAttempts: number;
  readonly codeValidityMinutes: number;
}

/** The start of the hour `at` falls in: the window the counters use. */
export function hourOf(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}
