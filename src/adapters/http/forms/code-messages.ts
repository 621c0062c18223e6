import type { CodeRequestResult } from '../../../app/self-service/request-code.js';
import type { CodeCheck } from '../../../domain/self-service/verification.js';
import type { SelfServiceTexts } from '../../../domain/messages/self-service-texts.js';

/** Why no code was sent, as a message next to the phone field. */
export function refusalMessage(texts: SelfServiceTexts, result: Exclude<CodeRequestResult, { kind: 'sent' }>): string {
  if (result.kind === 'limited') return texts.errors.limited;
  switch (result.reason) {
    case 'country':
      return texts.errors.phoneCountry;
    case 'line-kind':
      return texts.errors.phoneLineKind;
    case 'no-voice':
      return texts.errors.noVoice;
  }
}

export function codeCheckMessage(texts: SelfServiceTexts, check: Exclude<CodeCheck, { kind: 'accepted' }>): string {
  switch (check.kind) {
    case 'wrong':
      return texts.errors.codeWrong(check.attemptsLeft);
    case 'locked':
      return texts.errors.codeLocked;
    case 'expired':
      return texts.errors.codeExpired;
  }
}
