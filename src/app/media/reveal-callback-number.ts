import type { Msisdn } from '../../domain/participant/msisdn.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { mayRunActionsFor, type Staff } from '../../domain/staff/staff.js';
import type { CallbackPurpose } from '../../domain/tip/callback-purpose.js';
import type { MediaDeps } from './media-deps.js';

export interface RevealRequest {
  readonly purpose: CallbackPurpose;
  /** The staff member's own words beside the purpose, or null. */
  readonly note: string | null;
}

/**
 * The number a tipper left to be called back on, for police staff who may run the action (its meldkamer, or
 * national beheer: the rules for taking an action over), asked for one tip with a purpose. The read is written to
 * the audit log with the action, the tip and the purpose; the number itself is never written anywhere.
 */
export async function revealCallbackNumber(
  deps: Pick<MediaDeps, 'store' | 'clock'>,
  staff: Staff,
  actionId: string,
  tipId: string,
  request: RevealRequest,
): Promise<Result<Msisdn>> {
  const action = await deps.store.actions.findAction(actionId);
  if (action === null) return fail({ code: 'action.not-found' });
  if (!mayRunActionsFor(staff, action.meldkamerCode)) return fail({ code: 'auth.forbidden' });
  const tip = await deps.store.media.findTip(actionId, tipId);
  if (tip === null) return fail({ code: 'tip.not-found' });
  if (tip.callbackMsisdn === null) return fail({ code: 'tip.no-callback-number' });
  await deps.store.audit.append({
    actorId: staff.id,
    actorName: staff.name,
    event: 'tip.callback-number-revealed',
    subjectType: 'action',
    subjectId: actionId,
    details: {
      actionNumber: action.number,
      tipId,
      purpose: request.purpose,
      ...(request.note === null ? {} : { note: request.note }),
    },
    at: deps.clock.now(),
  });
  return ok(tip.callbackMsisdn);
}
