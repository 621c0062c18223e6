/** A period in which a participant wants no messages at all (a holiday): from inclusive, until exclusive. */
export interface Pause {
  readonly from: Date;
  readonly until: Date;
}

/** The longest pause one can set: after it, messages come again without anyone having to remember. */
export const MAX_PAUSE_DAYS = 366;

export type PauseProblem = 'until-before-from' | 'too-long' | 'in-the-past';

export function isPausedAt(pause: Pause | null | undefined, at: Date): boolean {
  if (pause === null || pause === undefined) return false;
  const t = at.getTime();
  return t >= pause.from.getTime() && t < pause.until.getTime();
}

/** Checks a pause a participant asks for at `now`; null when it is fine. */
export function checkPause(pause: Pause, now: Date): PauseProblem | null {
  if (pause.until.getTime() <= pause.from.getTime()) return 'until-before-from';
  if (pause.until.getTime() <= now.getTime()) return 'in-the-past';
  if (pause.until.getTime() - pause.from.getTime() > MAX_PAUSE_DAYS * 24 * 3_600_000) return 'too-long';
  return null;
}
