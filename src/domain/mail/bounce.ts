/**
 * What a delivery status notification (RFC 3464) says about one recipient, from its Action and Status fields
 * (status codes: RFC 3463).
 */
export interface RecipientReport {
  readonly action: string;
  /** "5.1.1", or null when the report has none. */
  readonly status: string | null;
}

/**
 * hard: the address does not work (no such user or domain): stop mailing it. soft: this message did not arrive
 * (mailbox full, refused as too large or by policy): it counts as bounced, the address stays. delivered: a
 * positive notification. ignore: delayed or relayed, a final word may follow.
 */
export type BounceVerdict = 'hard' | 'soft' | 'delivered' | 'ignore';

// Permanent failures that still say nothing against the address itself.
const SOFT_PERMANENT = [/^5\.2\.[0-9]+$/, /^5\.3\.4$/, /^5\.7\.[0-9]+$/, /^5\.4\.[0-9]+$/];

export function judgeRecipientReport(report: RecipientReport): BounceVerdict {
  const action = report.action.trim().toLowerCase();
  switch (action) {
    case 'delivered':
      return 'delivered';
    case 'delayed':
    case 'relayed':
    case 'expanded':
      return 'ignore';
    case 'failed': {
      const status = report.status?.trim() ?? '';
      if (!/^[245]\.[0-9]{1,3}\.[0-9]{1,3}$/.test(status)) return 'soft';
      if (status.startsWith('4.')) return 'soft';
      if (status.startsWith('2.')) return 'ignore';
      return SOFT_PERMANENT.some((p) => p.test(status)) ? 'soft' : 'hard';
    }
    default:
      return 'ignore';
  }
}
