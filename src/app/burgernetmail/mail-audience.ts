import { areaContains } from '../../domain/area/area.js';
import { checkAudience, type Audience, type AudienceChoice } from '../../domain/mail/audience.js';
import type { MailError } from '../../domain/mail/errors.js';
import { fail, ok, type Result } from '../../domain/result.js';
import { mayMailIn, ownerOf } from '../../domain/mail/mail-access.js';
import type { Staff } from '../../domain/staff/staff.js';
import type { Geocoder } from '../ports/geocoder.js';
import type { AreaCandidate, MailStores } from '../ports/mail-store.js';
import type { MailDeps } from './mail-deps.js';
import { auditDenied } from './mail-audit.js';

/**
 * The audience the sender chose: an address with a radius is looked up and becomes a circle around it, which
 * keeps the address so that people read it back in words. An address the geocoder does not know (or cannot look
 * up now) is refused: a circle somewhere else would mail the wrong street.
 */
export async function chooseAudience(geocoder: Geocoder, choice: AudienceChoice): Promise<Result<Audience, MailError>> {
  if (choice.kind !== 'address') return ok(choice);
  const found = await geocoder.geocode({
    postcode: choice.postcode,
    houseNumber: choice.houseNumber,
    houseNumberAddition: null,
  });
  if (found.kind !== 'found') return fail({ code: 'mail.invalid-audience', problem: { kind: 'address-not-found' } });
  const audience: Audience = {
    kind: 'area',
    area: { kind: 'circle', centre: found.result.location, radiusMetres: choice.radiusMetres },
    around: {
      postcode: found.result.address.postcode,
      houseNumber: found.result.address.houseNumber,
      street: found.result.street,
      city: found.result.city,
    },
  };
  const problem = checkAudience(audience);
  return problem === null ? ok(audience) : fail({ code: 'mail.invalid-audience', problem });
}

/**
 * Whether the audience is well-formed and the staff member may mail it. A whole gemeente outside their scope is
 * refused and audited; an area or postcodes reaching beyond it are cut to the scope when they are counted and queued.
 */
export async function checkMailAudience(
  deps: Pick<MailDeps, 'store' | 'clock' | 'gemeenten'>,
  staff: Staff,
  audience: Audience,
  mailId: string | null,
): Promise<Result<Audience, MailError>> {
  const problem = checkAudience(audience);
  if (problem !== null) return fail({ code: 'mail.invalid-audience', problem });
  if (audience.kind === 'gemeente') {
    const gemeente = deps.gemeenten.get(audience.gemeenteCode);
    if (gemeente === undefined) return fail({ code: 'mail.invalid-audience', problem: { kind: 'gemeente-code' } });
    if (!mayMailIn(staff, gemeente)) {
      await auditDenied(
        deps.store.audit,
        staff,
        'audience',
        mailId,
        { gemeenteCode: audience.gemeenteCode },
        deps.clock.now(),
      );
      return fail({ code: 'mail.outside-scope' });
    }
  }
  return ok(audience);
}

/** One participant per address in the area (the first registration found counts for the gemeente). */
export function inArea(
  candidates: readonly AreaCandidate[],
  area: Extract<Audience, { kind: 'area' }>['area'],
): { participantId: string; gemeenteCode: string }[] {
  const chosen = new Map<string, string>();
  for (const c of candidates) {
    if (!chosen.has(c.participantId) && areaContains(area, c.location)) chosen.set(c.participantId, c.gemeenteCode);
  }
  return [...chosen].map(([participantId, gemeenteCode]) => ({ participantId, gemeenteCode }));
}

/** How many participants the audience reaches now within the scope. */
export async function audienceSize(
  stores: Pick<MailStores, 'mails'>,
  scope: ReturnType<typeof ownerOf>,
  audience: Audience,
  at: Date,
): Promise<number> {
  if (audience.kind === 'area')
    return inArea(await stores.mails.areaCandidates(audience.area, scope, at), audience.area).length;
  return stores.mails.countAudience(audience, scope, at);
}

/** "How many will get it?" before sending: only participants with a confirmed address, in the sender's scope. */
export async function countAudience(
  deps: Pick<MailDeps, 'store' | 'clock' | 'gemeenten'>,
  staff: Staff,
  audience: Audience,
): Promise<Result<{ readonly recipients: number }, MailError>> {
  const checked = await checkMailAudience(deps, staff, audience, null);
  if (!checked.ok) return checked;
  return ok({ recipients: await audienceSize(deps.store, ownerOf(staff), audience, deps.clock.now()) });
}
