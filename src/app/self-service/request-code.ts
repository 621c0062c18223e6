import { hourOf, type AbuseLimitName } from '../../domain/self-service/abuse-limit.js';
import type { CodePurpose } from '../../domain/self-service/verification.js';
import type { Stores } from '../ports/stores.js';
import { resolveTarget, type CodeTarget, type ResolvedTarget, type TargetRefusal } from './code-target.js';
import type { SelfServiceDeps } from './self-service-deps.js';

export const CODE_DIGITS = 6;

export type CodeRequestResult =
  | {
      readonly kind: 'sent';
      readonly verificationId: string;
      readonly channel: ResolvedTarget['channel'];
      readonly expiresAt: Date;
    }
  | {
      readonly kind: 'limited';
      readonly limit: Extract<AbuseLimitName, 'codes-per-number' | 'codes-per-ip' | 'codes-national'>;
    }
  | { readonly kind: 'not-allowed'; readonly reason: TargetRefusal };

export interface CodeRequest {
  readonly purpose: CodePurpose;
  readonly target: CodeTarget;
  /** The requester's IP address: counted (as a keyed hash), never stored. */
  readonly ip: string;
  /** Sign-up: what is stored once the code is entered. */
  readonly payload?: unknown;
  /**
   * Login: who owns the number or address, looked up by the caller; null when nobody does. The answer and the
   * work done are then the same, only no code leaves: a stranger cannot tell whether a number is registered.
   */
  readonly participantId?: string | null;
}

/**
 * Asks for a one-time code: checks where it may go and the limits (per number, per IP, nationally per hour),
 * stores the code hashed, and sends it after the answer (see BackgroundTasks).
 */
export async function requestCode(deps: SelfServiceDeps, request: CodeRequest): Promise<CodeRequestResult> {
  const now = deps.clock.now();
  const target = resolveTarget(deps, request.target);
  if (typeof target === 'string') {
    await deps.store.selfService.recordLimitHit('number-not-allowed', hourOf(now));
    return { kind: 'not-allowed', reason: target };
  }
  const participantId = request.purpose === 'login' ? (request.participantId ?? null) : null;
  // A login for a number or address nobody registered sends nothing: it must not use up the national brake.
  const mustSend = request.purpose === 'sign-up' || participantId !== null;
  const limited = await countRequest(deps, deps.store, target, request.ip, now, mustSend);
  if (limited !== null) return { kind: 'limited', limit: limited };

  const code = deps.crypto.newCode(CODE_DIGITS);
  const id = deps.ids.newId();
  const expiresAt = new Date(now.getTime() + deps.limits.codeValidityMinutes * 60_000);
  await deps.store.selfService.insertVerification({
    id,
    purpose: request.purpose,
    channel: target.channel,
    targetHash: target.hash,
    participantId,
    codeHash: deps.crypto.digest(`code:${id}`, code),
    payload: request.payload ?? null,
    attempts: 0,
    status: 'open',
    createdAt: now,
    expiresAt,
  });
  deps.background.run('send-code', async () => {
    if (!mustSend) {
      await deps.store.selfService.recordSendOutcome(id, 'skipped', null);
      return;
    }
    const outcome = await sendCode(deps, id, target, code, expiresAt);
    await deps.store.selfService.recordSendOutcome(id, outcome === null ? 'sent' : 'failed', outcome);
    if (outcome !== null)
      deps.logger.warn({ verificationId: id, channel: target.channel, reason: outcome }, 'code not sent');
  });
  // Codes and counters that can no longer be used go on the way (an indexed delete of a few rows).
  deps.background.run('purge-codes', () => deps.store.selfService.purgeExpired(now));
  return { kind: 'sent', verificationId: id, channel: target.channel, expiresAt };
}

/**
 * Counts the request against each limit in turn; the first one exceeded refuses it (and is counted as a hit).
 * The per-address and per-number limits count every request (they stop hunting for numbers); the national brake
 * caps what is sent, so it counts only codes that leave. A request that sends nothing is still refused once the
 * brake is reached, so that the answer does not tell a registered number from another.
 */
async function countRequest(
  deps: SelfServiceDeps,
  stores: Stores,
  target: ResolvedTarget,
  ip: string,
  now: Date,
  sends: boolean,
): Promise<Extract<AbuseLimitName, 'codes-per-number' | 'codes-per-ip' | 'codes-national'> | null> {
  const hour = hourOf(now);
  const checks = [
    { name: 'codes-per-ip', key: deps.crypto.digest('ip', ip), max: deps.limits.codesPerIpPerHour, counts: true },
    { name: 'codes-per-number', key: target.hash, max: deps.limits.codesPerNumberPerHour, counts: true },
    { name: 'codes-national', key: 'nl', max: deps.limits.codesNationalPerHour, counts: sends },
  ] as const;
  for (const check of checks) {
    const count = check.counts
      ? await stores.selfService.countUp(check.name, check.key, hour)
      : (await stores.selfService.countOf(check.name, check.key, hour)) + 1;
    if (count > check.max) {
      await stores.selfService.recordLimitHit(check.name, hour);
      return check.name;
    }
  }
  return null;
}

/** Sends the code; null when the channel accepted it, else why not. */
async function sendCode(
  deps: SelfServiceDeps,
  id: string,
  target: ResolvedTarget,
  code: string,
  expiresAt: Date,
): Promise<string | null> {
  const minutes = deps.limits.codeValidityMinutes;
  switch (target.channel) {
    case 'sms': {
      if (target.kind !== 'phone') return 'sms needs a number';
      const outcome = await deps.sms.submit({
        deliveryId: `code-${id}`,
        to: target.msisdn,
        text: deps.texts.codeSms({ code, minutes }),
        validUntil: expiresAt,
        // Nothing waits for its receipt: without one, no receipt is left over for no part.
        receipts: 'none',
      });
      return outcome.kind === 'accepted' ? null : outcome.reason;
    }
    case 'voice': {
      if (target.kind !== 'phone' || deps.voice === null) return 'no voice channel';
      const outcome = await deps.voice.placeCall({
        callId: `code-${id}`,
        to: target.msisdn,
        text: deps.texts.codeVoice({ code }),
        plays: 2,
        closing: null,
      });
      return outcome.kind === 'answered' ? null : outcome.kind;
    }
    case 'email': {
      if (target.kind !== 'email') return 'e-mail needs an address';
      const mail = deps.texts.codeEmail({ code, minutes });
      const outcome = await deps.email.send({
        to: target.email,
        subject: mail.subject,
        text: mail.text,
        unsubscribeUrl: null,
      });
      return outcome.kind === 'accepted' ? null : outcome.reason;
    }
  }
}
