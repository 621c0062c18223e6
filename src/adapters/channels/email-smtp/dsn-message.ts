import { randomUUID } from 'node:crypto';

export interface DsnRecipient {
  readonly address: string;
  readonly action: 'failed' | 'delivered' | 'delayed';
  readonly status: string;
  readonly diagnostic: string | null;
}

/**
 * A delivery status notification as an MTA writes it (RFC 3464, multipart/report): a human part, the
 * machine-readable status, and the original message's headers. Used by the SMTP simulator and the tests.
 */
export function buildDsn(options: {
  readonly reportingMta: string;
  readonly to: string;
  readonly recipients: readonly DsnRecipient[];
  readonly originalHeaders: string;
  readonly at: Date;
}): string {
  const boundary = `dsn-${randomUUID()}`;
  const failed = options.recipients.some((r) => r.action === 'failed');
  const perRecipient = options.recipients
    .map((r) =>
      [
        `Final-Recipient: rfc822; ${r.address}`,
        `Original-Recipient: rfc822; ${r.address}`,
        `Action: ${r.action}`,
        `Status: ${r.status}`,
        ...(r.diagnostic === null ? [] : [`Diagnostic-Code: smtp; ${r.diagnostic}`]),
      ].join('\r\n'),
    )
    .join('\r\n\r\n');
  return [
    `From: Mail Delivery System <MAILER-DAEMON@${options.reportingMta}>`,
    `To: <${options.to}>`,
    `Subject: ${failed ? 'Undelivered Mail Returned to Sender' : 'Delivery Status Notification'}`,
    `Date: ${options.at.toUTCString()}`,
    `Message-ID: <${randomUUID()}@${options.reportingMta}>`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    failed ? 'Your message could not be delivered to one or more recipients.' : 'Your message was delivered.',
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${options.reportingMta}`,
    `Arrival-Date: ${options.at.toUTCString()}`,
    '',
    perRecipient,
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    options.originalHeaders.trimEnd(),
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n');
}
