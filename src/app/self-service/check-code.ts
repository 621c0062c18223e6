import { hourOf } from '../../domain/self-service/abuse-limit.js';
import { judgeCode, type CodeCheck, type CodePurpose } from '../../domain/self-service/verification.js';
import type { Verification } from '../ports/self-service-repository.js';
import type { Stores } from '../ports/stores.js';
import type { SelfServiceDeps } from './self-service-deps.js';

export const CODE_PATTERN = /^\d{6}$/;

/**
 * One attempt at a code, inside the caller's transaction (the row is locked, so parallel guesses each count).
 * An unknown id answers as an expired code does.
 */
export async function checkCode(
  deps: SelfServiceDeps,
  stores: Stores,
  purpose: CodePurpose,
  verificationId: string,
  typed: string,
): Promise<{ readonly check: CodeCheck; readonly verification: Verification | null }> {
  const now = deps.clock.now();
  const verification = await stores.selfService.findVerificationForUpdate(verificationId);
  if (verification === null || verification.purpose !== purpose)
    return { check: { kind: 'expired' }, verification: null };
  const code = typed.replace(/\s+/g, '');
  // The hash is compared also for a malformed code, so that both take the same path.
  const matches =
    deps.crypto.matches(`code:${verification.id}`, code, verification.codeHash) && CODE_PATTERN.test(code);
  const judged = judgeCode(verification, matches, now, deps.limits.maxAttempts);
  if (judged.attempts !== verification.attempts || judged.status !== verification.status) {
    await stores.selfService.updateVerification(verification.id, { attempts: judged.attempts, status: judged.status });
  }
  if (judged.check.kind === 'locked') await stores.selfService.recordLimitHit('code-locked', hourOf(now));
  return { check: judged.check, verification };
}
