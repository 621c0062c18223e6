import type { ActionDraft } from '../../domain/action/action.js';
import { composeAlertSms } from '../../domain/action/compose-sms.js';
import { areaContains, checkArea, type Area } from '../../domain/area/area.js';
import { analyseSmsText, type SmsTextAnalysis } from '../../domain/sms/sms-text.js';
import { countByChannel, selectRecipients, type ReachByChannel } from '../../domain/targeting/select-recipients.js';
import { mayRunActionsFor, type Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import type { ActionDeps } from './action-deps.js';

export interface ReachEstimate {
  readonly recipients: number;
  readonly byChannel: ReachByChannel;
  /** Participants whose address is in the area but whose time window does not hold now. */
  readonly outsideTimeWindow: number;
  /** The alert as it would go out, and how many SMS parts it takes. */
  readonly sms: (SmsTextAnalysis & { readonly text: string }) | null;
}

/**
 * How many would get the alert if it started now. For an active action (a widening), only the numbers it
 * has not reached yet count.
 */
export async function estimateReach(
  deps: Pick<ActionDeps, 'store' | 'clock' | 'catalogue'>,
  staff: Staff,
  input: {
    readonly area: Area;
    readonly draft: Pick<ActionDraft, 'type' | 'message' | 'description' | 'instructions'> | null;
    readonly actionId: string | null;
  },
): Promise<Result<ReachEstimate>> {
  const problem = checkArea(input.area);
  if (problem !== null) return fail({ code: 'action.invalid-area', problem });
  let reached: ReadonlySet<string> = new Set();
  if (input.actionId !== null) {
    const action = await deps.store.actions.findAction(input.actionId);
    if (action === null) return fail({ code: 'action.not-found' });
    if (!mayRunActionsFor(staff, action.meldkamerCode)) return fail({ code: 'auth.forbidden' });
    reached = await deps.store.dispatch.reachedMsisdns(action.id);
  } else if (staff.role !== 'landelijk-beheer' && staff.scope.kind !== 'meldkamer') {
    return fail({ code: 'auth.forbidden' });
  }
  const at = deps.clock.now();
  const candidates = await deps.store.participants.findCandidates(input.area);
  const recipients = selectRecipients(candidates, input.area, at, reached);
  // Numbers in the area at any hour; those not among the recipients are shut out by their time window.
  const inArea = new Set(
    candidates.filter((c) => !reached.has(c.msisdn) && areaContains(input.area, c.location)).map((c) => c.msisdn),
  );
  const text = input.draft ? composeAlertSms(input.draft, deps.catalogue) : null;
  return ok({
    recipients: recipients.length,
    byChannel: countByChannel(recipients),
    outsideTimeWindow: inArea.size - recipients.length,
    sms: text === null ? null : { text, ...analyseSmsText(text) },
  });
}
