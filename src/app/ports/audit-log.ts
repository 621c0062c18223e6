export interface AuditEntry {
  readonly actorId: string | null;
  readonly actorName: string;
  /** What happened, e.g. "action.started", "participant.viewed". */
  readonly event: string;
  readonly subjectType: 'action' | 'participant' | 'registration' | 'staff' | 'system' | 'mail';
  readonly subjectId: string | null;
  readonly details: Readonly<Record<string, unknown>>;
  readonly at: Date;
}

/** Append-only: the store refuses changes to what was written. */
export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
}
