import { z } from 'zod';
import type {
  PlaceKind,
  PlaceLookupOutcome,
  PlaceSearch,
  PlaceSuggestOutcome,
  PlaceSuggestion,
} from '../../app/ports/place-search.js';
import { getLocatieserverJson } from './locatieserver-request.js';
import { DEFAULT_PDOK_TIMEOUT_MS, PDOK_LOCATIESERVER_URL } from './pdok-geocoder.js';

export interface PdokPlaceSearchConfig {
  /** Up to and including the version, without "/suggest". */
  readonly baseUrl?: string;
  /** For each request, body included. */
  readonly timeoutMs?: number;
}

/** The Locatieserver's types the console searches, and what each is called here. */
const KINDS = {
  adres: 'address',
  postcode: 'postcode',
  weg: 'street',
  woonplaats: 'woonplaats',
  gemeente: 'gemeente',
} as const satisfies Record<string, PlaceKind>;
const TYPE_FILTER = `type:(${Object.keys(KINDS).join(' OR ')})`;
const LOOKUP_FIELDS = 'id,type,weergavenaam,centroide_ll';
/** The Locatieserver's ids: a type prefix and a key ("adr-5d1c0e7a…", "gem-0344"). */
const PDOK_ID = /^[a-z]{2,5}-[0-9a-z]{1,64}$/i;
const WKT_POINT = /^POINT\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)$/;

const kind = z.string().transform((type, ctx) => {
  if (type in KINDS) return KINDS[type as keyof typeof KINDS];
  ctx.addIssue({ code: 'custom', message: `type ${type}` });
  return z.NEVER;
});
const suggestDoc = z.object({ id: z.string(), type: z.string(), weergavenaam: z.string().min(1) });
const suggestResponse = z.object({ response: z.object({ docs: z.array(suggestDoc) }) });
const lookupDoc = z.object({
  id: z.string(),
  type: kind,
  weergavenaam: z.string().min(1),
  /** WGS84 as WKT, longitude first: "POINT(5.11909 52.08979)". */
  centroide_ll: z
    .string()
    .regex(WKT_POINT)
    .transform((wkt) => {
      const [, lon = '', lat = ''] = WKT_POINT.exec(wkt) ?? [];
      return { lat: Number(lat), lon: Number(lon) };
    }),
});
const lookupResponse = z.object({
  response: z.object({ numFound: z.number().int().nonnegative(), docs: z.array(lookupDoc) }),
});

/**
 * The place search through the PDOK Locatieserver (BAG addresses, streets, postcodes, woonplaatsen, gemeenten):
 * `suggest` for the candidates, `lookup` for the one picked, as PDOK intends the two to be used.
 */
export function createPdokPlaceSearch(config: PdokPlaceSearchConfig = {}): PlaceSearch {
  const baseUrl = (config.baseUrl ?? PDOK_LOCATIESERVER_URL).replace(/\/+$/, '');
  const timeoutMs = config.timeoutMs ?? DEFAULT_PDOK_TIMEOUT_MS;

  const get = (endpoint: 'suggest' | 'lookup', params: Record<string, string>) => {
    const url = new URL(`${baseUrl}/${endpoint}`);
    url.search = new URLSearchParams(params).toString();
    return getLocatieserverJson(url, timeoutMs);
  };

  return {
    async suggest(query: string, limit: number): Promise<PlaceSuggestOutcome> {
      const answer = await get('suggest', { q: query, fq: TYPE_FILTER, rows: String(limit) });
      if (!answer.ok) return { kind: 'unavailable', reason: answer.reason };
      const parsed = suggestResponse.safeParse(answer.body);
      if (!parsed.success) return { kind: 'unavailable', reason: unexpected(parsed.error) };
      const suggestions = parsed.data.response.docs.flatMap((doc): PlaceSuggestion[] => {
        // A type the filter should have kept out, or an id lookup would refuse, is skipped: it cannot be placed.
        const found = kind.safeParse(doc.type);
        if (!found.success || !PDOK_ID.test(doc.id)) return [];
        return [{ id: doc.id, kind: found.data, name: nameOf(found.data, doc.weergavenaam), city: null }];
      });
      return { kind: 'suggestions', suggestions: suggestions.slice(0, limit) };
    },

    async lookup(id: string): Promise<PlaceLookupOutcome> {
      if (!PDOK_ID.test(id)) return { kind: 'not-found' };
      const answer = await get('lookup', { id, fl: LOOKUP_FIELDS });
      if (!answer.ok) return { kind: 'unavailable', reason: answer.reason };
      const parsed = lookupResponse.safeParse(answer.body);
      if (!parsed.success) return { kind: 'unavailable', reason: unexpected(parsed.error) };
      const doc = parsed.data.response.docs.find((d) => d.id === id);
      if (doc === undefined) return { kind: 'not-found' };
      return {
        kind: 'found',
        place: {
          id: doc.id,
          kind: doc.type,
          name: nameOf(doc.type, doc.weergavenaam),
          city: null,
          centre: doc.centroide_ll,
          extent: null,
        },
      };
    },
  };
}

/** PDOK names a gemeente "Gemeente Utrecht"; the description adds the word itself. */
const nameOf = (kind: PlaceKind, weergavenaam: string): string =>
  kind === 'gemeente' ? weergavenaam.replace(/^Gemeente\s+/, '') : weergavenaam;

const unexpected = (error: z.ZodError): string =>
  `PDOK Locatieserver gaf een onverwacht antwoord: ${z.prettifyError(error)}`;
