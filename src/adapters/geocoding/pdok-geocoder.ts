import { z } from 'zod';
import type { GeocodeOutcome, Geocoder } from '../../app/ports/geocoder.js';
import type { LatLon } from '../../domain/geo/lat-lon.js';
import { normalizePostcode } from '../../domain/geo/postcode.js';
import type { Address } from '../../domain/participant/registration.js';
import { getLocatieserverJson } from './locatieserver-request.js';

export const PDOK_LOCATIESERVER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1';
export const DEFAULT_PDOK_TIMEOUT_MS = 5_000;

export interface PdokGeocoderConfig {
  /** Up to and including the version, without "/free". */
  readonly baseUrl?: string;
  /** For the whole request, body included. */
  readonly timeoutMs?: number;
}

/** Rows to ask for: enough for a house, not for a block of flats where only an addition tells units apart. */
const ROWS_WITHOUT_ADDITION = 5;
const ROWS_WITH_ADDITION = 100;

const FIELDS = [
  'id',
  'weergavenaam',
  'type',
  'straatnaam',
  'huisnummer',
  'huisletter',
  'huisnummertoevoeging',
  'postcode',
  'woonplaatsnaam',
  'gemeentecode',
  'gemeentenaam',
  'centroide_ll',
].join(',');

const WKT_POINT = /^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/;

const pdokDoc = z.object({
  id: z.string(),
  type: z.string(),
  weergavenaam: z.string().optional(),
  straatnaam: z.string().optional(),
  huisnummer: z.number().int(),
  huisletter: z.string().optional(),
  huisnummertoevoeging: z.string().optional(),
  postcode: z.string(),
  woonplaatsnaam: z.string(),
  gemeentecode: z.string().regex(/^\d{4}$/),
  gemeentenaam: z.string().optional(),
  /** WGS84 as WKT, longitude first: "POINT(5.11909 52.08979)". */
  centroide_ll: z.string().regex(WKT_POINT).transform(parsePoint),
});
type PdokDoc = z.infer<typeof pdokDoc>;

const pdokFreeResponse = z.object({
  response: z.object({
    numFound: z.number().int().nonnegative(),
    docs: z.array(pdokDoc),
  }),
});

/** Geocodes against the PDOK Locatieserver (BAG addresses), the authoritative source for Dutch addresses. */
export function createPdokGeocoder(config: PdokGeocoderConfig = {}): Geocoder {
  const baseUrl = (config.baseUrl ?? PDOK_LOCATIESERVER_URL).replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? DEFAULT_PDOK_TIMEOUT_MS;

  return {
    async geocode(address: Address): Promise<GeocodeOutcome> {
      const postcode = normalizePostcode(address.postcode);
      if (postcode === null || !Number.isInteger(address.houseNumber) || address.houseNumber < 1) {
        return { kind: 'not-found' };
      }
      const wanted = additionKey(address.houseNumberAddition);
      const url = new URL(`${baseUrl}/free`);
      url.search = new URLSearchParams({
        q: `postcode:${postcode} and huisnummer:${address.houseNumber}`,
        fq: 'type:adres',
        rows: String(wanted === '' ? ROWS_WITHOUT_ADDITION : ROWS_WITH_ADDITION),
        fl: FIELDS,
      }).toString();

      const answer = await getLocatieserverJson(url, timeoutMs);
      if (!answer.ok) return unavailable(answer.reason);
      const parsed = pdokFreeResponse.safeParse(answer.body);
      if (!parsed.success) {
        return unavailable(`PDOK Locatieserver gaf een onverwacht antwoord: ${z.prettifyError(parsed.error)}`);
      }
      const doc = pickDoc(parsed.data.response.docs, postcode, address.houseNumber, wanted);
      if (doc === undefined) return { kind: 'not-found' };
      return {
        kind: 'found',
        result: {
          address: {
            postcode,
            houseNumber: address.houseNumber,
            houseNumberAddition: wanted === '' ? null : formatAddition(doc),
          },
          street: doc.straatnaam ?? null,
          city: doc.woonplaatsnaam,
          location: doc.centroide_ll,
          gemeenteCode: `GM${doc.gemeentecode}`,
        },
      };
    },
  };
}

/**
 * Without an addition, the address without one; failing that, any unit at the number (same building, same spot).
 * With an addition, only the unit whose letter and suffix match it.
 */
function pickDoc(docs: readonly PdokDoc[], postcode: string, houseNumber: number, wanted: string): PdokDoc | undefined {
  const atNumber = docs.filter((d) => d.type === 'adres' && d.postcode === postcode && d.huisnummer === houseNumber);
  if (wanted === '') return atNumber.find((d) => docAdditionKey(d) === '') ?? atNumber[0];
  return atNumber.find((d) => docAdditionKey(d) === wanted);
}

/** "A-2", "a 2" and "A2" compare equal: BAG splits letter and suffix, people write them any way. */
const additionKey = (addition: string | null): string => (addition ?? '').replace(/[\s-]+/g, '').toUpperCase();
const docAdditionKey = (doc: PdokDoc): string =>
  additionKey(`${doc.huisletter ?? ''}${doc.huisnummertoevoeging ?? ''}`);

/** The BAG spelling: letter, then "-" and the suffix ("A", "2", "A-2"). */
function formatAddition(doc: PdokDoc): string | null {
  const letter = doc.huisletter ?? '';
  const suffix = doc.huisnummertoevoeging ?? '';
  const text = letter !== '' && suffix !== '' ? `${letter}-${suffix}` : `${letter}${suffix}`;
  return text === '' ? null : text;
}

function parsePoint(wkt: string): LatLon {
  const [, lon = '', lat = ''] = WKT_POINT.exec(wkt) ?? [];
  return { lat: Number(lat), lon: Number(lon) };
}

const unavailable = (reason: string): GeocodeOutcome => ({ kind: 'unavailable', reason });
