import type { Audience, AudienceAddress } from '../../../domain/mail/audience.js';
import { describeRanges } from '../../../domain/mail/audience.js';
import type { MailTexts } from '../../../domain/messages/mail-texts.js';

const METRES = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

/** "1012AB" as people write it: "1012 AB". */
const spaced = (postcode: string) => postcode.replace(/^(\d{4})([A-Z]{2})$/, '$1 $2');

/** "Damrak 1, Amsterdam"; without a street from the geocoder "1012 AB 1, Amsterdam". */
export function addressText(t: MailTexts, a: AudienceAddress): string {
  return t.portal.compose.summary.place({
    street: a.street,
    houseNumber: a.houseNumber,
    postcode: spaced(a.postcode),
    city: a.city,
  });
}

/**
 * The audience in words, as the compose page, the mail page and the confirm step show it: "Damrak 1, Amsterdam,
 * straal 500 m", "De hele gemeente Amsterdam"; never coordinates.
 */
export function audienceSummary(t: MailTexts, audience: Audience, gemeenteName: (code: string) => string): string {
  const s = t.portal.compose.summary;
  switch (audience.kind) {
    case 'gemeente':
      return s.gemeente(gemeenteName(audience.gemeenteCode));
    case 'postcodes':
      return s.postcodes(describeRanges(audience.ranges));
    case 'area': {
      const area = audience.area;
      if (area.kind === 'polygon') return s.polygon(Math.max(3, (area.rings[0]?.length ?? 1) - 1));
      const radius = METRES.format(area.radiusMetres);
      return audience.around === undefined
        ? s.circle(radius)
        : s.address({ place: addressText(t, audience.around), radius });
    }
  }
}
