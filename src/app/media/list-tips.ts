import type { Tip } from '../../domain/tip/tip.js';
import { mayViewActionsOf, type Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { MediaDeps } from './media-deps.js';

/**
 * A tip as staff see it: whether the tipper asked to be called back, never the number (staff ask for one tip's
 * number with a purpose, audited: reveal-callback-number.ts).
 */
export interface TipForStaff extends Omit<Tip, 'callbackMsisdn'> {
  readonly callbackRequested: boolean;
}

const MAX_TIPS = 500;

/** The tips of an action, for police staff of its meldkamer, without the numbers to call back. */
export async function listTips(
  deps: Pick<MediaDeps, 'store'>,
  staff: Staff,
  actionId: string,
  options: { readonly afterSeq: number | null },
): Promise<Result<readonly TipForStaff[]>> {
  const action = await deps.store.actions.findAction(actionId);
  if (action === null) return fail({ code: 'action.not-found' });
  if (!mayViewActionsOf(staff, action.meldkamerCode)) return fail({ code: 'auth.forbidden' });
  const tips = await deps.store.media.listTips(actionId, options.afterSeq, MAX_TIPS);
  return ok(tips.map(({ callbackMsisdn, ...tip }) => ({ ...tip, callbackRequested: callbackMsisdn !== null })));
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
