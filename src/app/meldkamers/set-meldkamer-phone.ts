import type { Msisdn } from '../../domain/participant/msisdn.js';
import { mayManageMeldkamer, type Staff } from '../../domain/staff/staff.js';
import { failure, success, type Outcome } from '../errors.js';
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
): Promise<Outcome<MeldkamerRecord>> {
  if (staff !== null && !mayManageMeldkamer(staff, code)) return failure({ code: 'auth.forbidden' });
  return deps.store.transaction(async (stores) => {
    if (!(await stores.meldkamers.setPublicPhone(code, phone))) return failure({ code: 'meldkamer.not-found' });
    await stores.audit.append({
      actorId: staff?.id ?? null,
      actorName: staff?.name ?? 'cli',
      event: 'meldkamer.public-phone-changed',
      subjectType: 'system',
      subjectId: code,
      // The meldkamer's own public number: not personal data.
      details: { publicPhone: phone },
      at: deps.clock.now(),
    });
    const record = await stores.meldkamers.find(code);
    return record === null ? failure({ code: 'meldkamer.not-found' }) : success(record);
  });
}
