import { assertNever } from '../assert-never.js';

/** Why a fan-out went out: the action started or widened, a phone came into the area, an update, the end. */
export type PushTrigger = 'start' | 'widening' | 'arrival' | 'update' | 'closing';
export const PUSH_TRIGGERS: readonly PushTrigger[] = ['start', 'widening', 'arrival', 'update', 'closing'];

/**
 * pending → running → finished; skipped: recorded while this process started, when no phone can be present
 * yet; interrupted: the process stopped during it (the phones' presence went with it).
 */
export type PushFanoutStatus = 'pending' | 'running' | 'finished' | 'skipped' | 'interrupted';
export const PUSH_FANOUT_STATUSES: readonly PushFanoutStatus[] = [
  'pending',
  'running',
  'finished',
  'skipped',
  'interrupted',
];

export interface PushCounts {
  /** Phones selected for it. */
  readonly targeted: number;
  /** The push service took it. */
  readonly accepted: number;
  /** The subscription had expired (404/410) and was removed. */
  readonly gone: number;
  /** Refused or unreachable after retries. */
  readonly failed: number;
}

export interface PushFanoutSummary extends PushCounts {
  readonly trigger: PushTrigger;
  readonly status: PushFanoutStatus;
  readonly startedAt: Date | null;
  readonly finishedAt: Date | null;
}

export interface PushProgress {
  readonly totals: PushCounts;
  readonly byKind: Record<'alert' | 'update' | 'closing', PushCounts>;
  readonly fanouts: readonly PushFanoutSummary[];
}

export const NO_PUSH_COUNTS: PushCounts = { targeted: 0, accepted: 0, gone: 0, failed: 0 };

export function addPushCounts(a: PushCounts, b: PushCounts): PushCounts {
  return {
    targeted: a.targeted + b.targeted,
    accepted: a.accepted + b.accepted,
    gone: a.gone + b.gone,
    failed: a.failed + b.failed,
  };
}

function messageKindOf(trigger: PushTrigger): 'alert' | 'update' | 'closing' {
  switch (trigger) {
    case 'start':
    case 'widening':
    case 'arrival':
      return 'alert';
    case 'update':
      return 'update';
    case 'closing':
      return 'closing';
    default:
      return assertNever(trigger);
  }
}

/** The counts a centralist watches, per message kind and in total, with each fan-out. */
export function summarisePushProgress(fanouts: readonly PushFanoutSummary[]): PushProgress {
  const byKind = { alert: NO_PUSH_COUNTS, update: NO_PUSH_COUNTS, closing: NO_PUSH_COUNTS };
  let totals = NO_PUSH_COUNTS;
  for (const f of fanouts) {
    const kind = messageKindOf(f.trigger);
    byKind[kind] = addPushCounts(byKind[kind], f);
    totals = addPushCounts(totals, f);
  }
  return { totals, byKind, fanouts };
}
