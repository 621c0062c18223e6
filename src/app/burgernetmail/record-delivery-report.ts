import { judgeRecipientReport, type RecipientReport } from '../../domain/mail/bounce.js';
import type { MailDeps } from './mail-deps.js';
import { emailHashOf, recipientOfVerp } from './mail-links.js';

export interface DeliveryReport {
  /** The addresses the report was sent to (SMTP RCPT TO): our VERP return paths. */
  readonly envelopeRecipients: readonly string[];
  /** Per-recipient fields of the report (RFC 3464); empty when the message was no delivery status notification. */
  readonly recipients: readonly (RecipientReport & { readonly diagnostic: string | null })[];
}

export interface ReportOutcome {
  readonly hard: number;
  readonly soft: number;
  readonly delivered: number;
  readonly ignored: number;
}

/**
 * A bounce or delivery notification came back to a VERP address: the address names the recipient, the report
 * says what happened. A hard bounce stops mail to that address (until the participant changes it); every verdict
 * is counted once on the mail. Reports to addresses we did not make are ignored.
 */
export async function recordDeliveryReport(
  deps: Pick<MailDeps, 'store' | 'clock' | 'crypto' | 'settings' | 'logger'>,
  report: DeliveryReport,
): Promise<ReportOutcome> {
  const counts = { hard: 0, soft: 0, delivered: 0, ignored: 0 };
  // The worst news wins when one report holds several recipients (we send one recipient per message).
  const verdicts = report.recipients.map((r) => ({
    verdict: judgeRecipientReport(r),
    reason: [r.status, r.diagnostic].filter(Boolean).join(' ') || r.action,
  }));
  const chosen =
    verdicts.find((v) => v.verdict === 'hard') ??
    verdicts.find((v) => v.verdict === 'soft') ??
    verdicts.find((v) => v.verdict === 'delivered') ??
    null;
  for (const address of report.envelopeRecipients) {
    const recipientId = recipientOfVerp(deps.crypto, deps.settings, address);
    if (recipientId === null || chosen === null || chosen.verdict === 'ignore') {
      counts.ignored += 1;
      continue;
    }
    const verdict = chosen.verdict;
    const at = deps.clock.now();
    const changed = await deps.store.transaction(async (s) => {
      const recipient = await s.queue.findRecipient(recipientId);
      if (recipient === null) return false;
      const done = await s.queue.recordReport(
        recipientId,
        verdict,
        chosen.reason,
        (email) => recipient.emailHash !== null && emailHashOf(deps.crypto, email) === recipient.emailHash,
        at,
      );
      if (done && verdict === 'hard' && recipient.participantId !== null) {
        await s.audit.append({
          actorId: null,
          actorName: 'Burgernetmail',
          event: 'participant.email-bounced',
          subjectType: 'participant',
          subjectId: recipient.participantId,
          details: { mailId: recipient.mailId, status: chosen.reason.slice(0, 100) },
          at,
        });
      }
      return done;
    });
    if (changed) counts[verdict] += 1;
    else counts.ignored += 1;
  }
  deps.logger.info(counts, 'delivery report recorded');
  return counts;
}
