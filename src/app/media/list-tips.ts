import type { Tip } from '../../domain/tip/tip.js';
import { mayViewActionsOf, type Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { MediaDeps } from './media-deps.js';

/** A tip as staff see it: the number to call back only when asked for with a purpose (and audited). */
export interface TipForStaff extends Omit<Tip, 'callbackMsisdn'> {
  readonly callbackRequested: boolean;
  readonly callbackMsisdn: Tip['callbackMsisdn'];
}

const MAX_TIPS = 500;

/**
 * The tips of an action, for police staff of its meldkamer. Without a purpose the numbers to call back are
 * left out; with one they are shown and the read is written to the audit log with the tips it showed.
 */
export async function listTips(
  deps: Pick<MediaDeps, 'store' | 'clock'>,
  staff: Staff,
  actionId: string,
  options: { readonly afterSeq: number | null; readonly purpose: string | null },
): Promise<Result<readonly TipForStaff[]>> {
  const action = await deps.store.actions.findAction(actionId);
  if (action === null) return fail({ code: 'action.not-found' });
  if (!mayViewActionsOf(staff, action.meldkamerCode)) return fail({ code: 'auth.forbidden' });
  const tips = await deps.store.media.listTips(actionId, options.afterSeq, MAX_TIPS);
  const withNumbers = tips.filter((t) => t.callbackMsisdn !== null);
  if (options.purpose !== null && withNumbers.length > 0) {
    await deps.store.audit.append({
      actorId: staff.id,
      actorName: staff.name,
      event: 'tip.callback-numbers-viewed',
      subjectType: 'action',
      subjectId: actionId,
      details: { number: action.number, purpose: options.purpose, shown: withNumbers.map((t) => t.id) },
      at: deps.clock.now(),
    });
  }
  return ok(
    tips.map((t) => ({
      ...t,
      callbackRequested: t.callbackMsisdn !== null,
      callbackMsisdn: options.purpose === null ? null : t.callbackMsisdn,
    })),
  );
}

export async function readTipPhoto(
  deps: Pick<MediaDeps, 'store' | 'photos'>,
  staff: Staff,
  actionId: string,
  tipId: string,
): Promise<Result<{ readonly contentType: string; readonly bytes: Uint8Array }>> {
  const action = await deps.store.actions.findAction(actionId);
  if (action === null) return fail({ code: 'action.not-found' });
  if (!mayViewActionsOf(staff, action.meldkamerCode)) return fail({ code: 'auth.forbidden' });
  const tip = await deps.store.media.findTip(actionId, tipId);
  if (tip === null) return fail({ code: 'tip.not-found' });
  const bytes = tip.photo === null ? null : await deps.photos.read(tip.photo.key);
  if (tip.photo === null || bytes === null) return fail({ code: 'photo.not-found' });
  return ok({ contentType: tip.photo.contentType, bytes });
}
