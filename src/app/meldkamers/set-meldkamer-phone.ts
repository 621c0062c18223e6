import type { Msisdn } from '../../domain/participant/msisdn.js';
import { mayManageMeldkamer, type Staff } from '../../domain/staff/staff.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { auditActor } from '../audit-actor.js';
import type { Clock } from '../ports/clock.js';
import type { MeldkamerRecord } from '../ports/meldkamer-directory.js';
import type { Store } from '../ports/stores.js';

/**
 * Beheer sets the number the app's "Bel politie" dials for a meldkamer's actions. An app user is anonymous,
 * so 0800-0011 (which finds the meldkamer from the caller's registered number) cannot route them; a number
 * of the meldkamer itself reaches it from every phone. Null clears it (the app then dials the national number).
 */
export async function setMeldkamerPhone(
  deps: { readonly store: Store; readonly clock: Clock },
  staff: Staff | null,
  code: string,
  phone: Msisdn | null,
): Promise<Result<MeldkamerRecord>> {
  if (staff !== null && !mayManageMeldkamer(staff, code)) return fail({ code: 'auth.forbidden' });
  return deps.store.transaction(async (stores) => {
    if (!(await stores.meldkamers.setPublicPhone(code, phone))) return fail({ code: 'meldkamer.not-found' });
    await stores.audit.append({
      ...auditActor(staff),
      event: 'meldkamer.public-phone-changed',
      subjectType: 'system',
      subjectId: code,
      // The meldkamer's own public number: not personal data.
      details: { publicPhone: phone },
      at: deps.clock.now(),
    });
    const record = await stores.meldkamers.find(code);
    return record === null ? fail({ code: 'meldkamer.not-found' }) : ok(record);
  });
}
