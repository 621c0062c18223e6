/**
 * A mail's life: a draft is written and changed; sending (now or at a set time) makes it scheduled; when its time
 * comes its recipients are queued, then sent. It can be stopped until everything has gone.
 */
export type MailStatus = 'draft' | 'scheduled' | 'queuing' | 'sending' | 'sent' | 'stopped';
export const MAIL_STATUSES: readonly MailStatus[] = ['draft', 'scheduled', 'queuing', 'sending', 'sent', 'stopped'];

/** One mail to one participant. */
export type RecipientStatus =
  'queued' | 'sending' | 'sent' | 'delivered' | 'bounced' | 'failed' | 'skipped' | 'cancelled';

export function mayEdit(status: MailStatus): boolean {
  return status === 'draft';
}

export function maySchedule(status: MailStatus): boolean {
  return status === 'draft';
}

export function mayStop(status: MailStatus): boolean {
  switch (status) {
    case 'scheduled':
    case 'queuing':
    case 'sending':
      return true;
    case 'draft':
    case 'sent':
    case 'stopped':
      return false;
  }
}

/** The figures of a mail, kept as it is sent. */
export interface MailFigures {
  readonly recipients: number;
  readonly sent: number;
  readonly delivered: number;
  readonly bounced: number;
  readonly failed: number;
  readonly skipped: number;
  readonly cancelled: number;
  readonly unsubscribed: number;
  readonly answered: number;
}
