import type { MeldkamerDirectory } from '../../app/ports/meldkamer-directory.js';
import { asMsisdn } from '../../domain/participant/msisdn.js';

/**
 * Demo only: a public number per meldkamer for the app's "Bel politie", 088-0011-0xx after its code
 * (RE05 → 088 001 1005). These are placeholders, not real police numbers; beheer sets the real ones
 * (`meldkamer phone`, or PUT /api/v1/meldkamers/{code}/public-phone). Numbers beheer set are kept.
 */
export async function ensureDemoMeldkamerPhones(meldkamers: MeldkamerDirectory): Promise<void> {
  for (const m of await meldkamers.list()) {
    if (m.publicPhone !== null) continue;
    await meldkamers.setPublicPhone(m.code, asMsisdn(`+318800110${m.code.slice(2)}`));
  }
}
