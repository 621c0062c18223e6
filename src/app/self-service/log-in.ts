import type { CodeCheck } from '../../domain/self-service/verification.js';
import { normalizeEmail, type CodeTarget } from './code-target.js';
import { checkCode } from './check-code.js';
import { requestCode, type CodeRequestResult } from './request-code.js';
import { SELF, type SelfServiceDeps } from './self-service-deps.js';
import { startSession } from './sessions.js';

/**
 * "Mijn gegevens": a code by SMS (or a call, for a landline) or by e-mail. Whether the number or address is
 * registered changes nothing in the answer or in the work done before it; only no code is sent.
 */
export async function requestLoginCode(
  deps: SelfServiceDeps,
  target: CodeTarget,
  ip: string,
): Promise<CodeRequestResult> {
  const participantId =
    target.kind === 'phone'
      ? ((await deps.store.selfService.participantsWithNumber(target.phone.msisdn))[0] ?? null)
      : await deps.store.selfService.participantWithConfirmedEmail(normalizeEmail(target.email));
  return requestCode(deps, { purpose: 'login', target, ip, participantId });
}

export type LoginConfirmation =
  | { readonly kind: 'logged-in'; readonly sessionToken: string }
  | { readonly kind: 'code'; readonly check: Exclude<CodeCheck, { kind: 'accepted' }> };

export async function confirmLogin(
  deps: SelfServiceDeps,
  verificationId: string,
  code: string,
): Promise<LoginConfirmation> {
  const participantId = await deps.store.transaction(async (stores) => {
    const { check, verification } = await checkCode(deps, stores, 'login', verificationId, code);
    if (check.kind !== 'accepted') return check;
    // A code for an unknown number was never sent; should it be guessed, it still logs nobody in.
    if (verification?.participantId == null) return { kind: 'expired' } as const;
    await stores.audit.append({
      ...SELF,
      event: 'participant.logged-in',
      subjectType: 'participant',
      subjectId: verification.participantId,
      details: { channel: verification.channel },
      at: deps.clock.now(),
    });
    return verification.participantId;
  });
  if (typeof participantId !== 'string') return { kind: 'code', check: participantId };
  return { kind: 'logged-in', sessionToken: await startSession(deps, participantId) };
}
