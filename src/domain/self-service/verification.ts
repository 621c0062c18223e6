/** What a one-time code is for: finishing a sign-up, or logging in to "Mijn gegevens". */
export type CodePurpose = 'sign-up' | 'login';
/** How the code reaches the person: an SMS, a call that speaks it, or an e-mail. */
export type CodeChannel = 'sms' | 'voice' | 'email';

export interface CodeState {
  readonly attempts: number;
  readonly status: 'open' | 'used' | 'locked';
  readonly expiresAt: Date;
}

export type CodeCheck =
  /** The right code, in time: it is used now. */
  | { readonly kind: 'accepted' }
  /** Wrong; `attemptsLeft` more tries before the code is dead. */
  | { readonly kind: 'wrong'; readonly attemptsLeft: number }
  /** Wrong once too often: the code is dead, a new one must be asked for. */
  | { readonly kind: 'locked' }
  /** Too late, already used, or locked before: a new one must be asked for. */
  | { readonly kind: 'expired' };

/**
 * Judges one attempt. A code that is used, locked or expired never passes, whatever was typed; the caller
 * stores `attempts` and `status` from the result in the same transaction that read the code.
 */
export function judgeCode(
  state: CodeState,
  typedCodeMatches: boolean,
  now: Date,
  maxAttempts: number,
): { readonly check: CodeCheck; readonly attempts: number; readonly status: CodeState['status'] } {
  if (state.status !== 'open' || now.getTime() >= state.expiresAt.getTime()) {
    return { check: { kind: 'expired' }, attempts: state.attempts, status: state.status };
  }
  if (typedCodeMatches) return { check: { kind: 'accepted' }, attempts: state.attempts + 1, status: 'used' };
  const attempts = state.attempts + 1;
  if (attempts >= maxAttempts) return { check: { kind: 'locked' }, attempts, status: 'locked' };
  return { check: { kind: 'wrong', attemptsLeft: maxAttempts - attempts }, attempts, status: 'open' };
}
