import type { AuditMeta } from './audit-log.js';

export interface AuditQuery {
  readonly actorId: string | null;
  readonly event: string | null;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly from: Date | null;
  readonly to: Date | null;
  /** Entries by staff in this meldkamer or gemeente only (null: all). */
  readonly meldkamerCode: string | null;
  readonly gemeenteCode: string | null;
  readonly limit: number;
  readonly offset: number;
}

/** An entry as read back: its event may be one this version no longer writes, so name and details are plain. */
export interface StoredAuditEntry extends AuditMeta {
  readonly id: number;
  readonly event: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditSearch {
  search(query: AuditQuery): Promise<{ readonly items: readonly StoredAuditEntry[]; readonly total: number }>;
}
