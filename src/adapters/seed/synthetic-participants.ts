import type { Gemeente } from '../../domain/geo/gemeente.js';
import { pointInDisc } from '../../domain/geo/displace.js';
import { distanceInMetres } from '../../domain/geo/lat-lon.js';
import type { LatLon } from '../../domain/geo/lat-lon.js';
import type { Pc4Centroid } from '../../domain/geo/pc4-centroid.js';
import { asMsisdn } from '../../domain/participant/msisdn.js';
import type { Msisdn } from '../../domain/participant/msisdn.js';
import type { ContactChannel } from '../../domain/participant/registration.js';
import { WEEKDAYS } from '../../domain/time-window/time-window.js';
import type { TimeWindow } from '../../domain/time-window/time-window.js';
import { fmix32 } from '../../domain/random/fmix32.js';

export interface SyntheticRegistration {
  readonly id: string;
  readonly msisdn: Msisdn;
  readonly channel: ContactChannel;
  readonly postcode: string;
  readonly houseNumber: number;
  readonly houseNumberAddition: string | null;
  readonly city: string;
  readonly location: LatLon;
  readonly gemeenteCode: string;
  /** Shared between registrations: never mutate. */
  readonly timeWindows: readonly TimeWindow[];
}

export interface SyntheticParticipant {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  /** The home address first, then (for about one in five) a work address. */
  readonly registrations: readonly SyntheticRegistration[];
}

export interface SyntheticParticipantOptions {
  readonly count: number;
  readonly seed: number;
  readonly gemeenten: readonly Gemeente[];
  readonly pc4Centroids: readonly Pc4Centroid[];
}

const EMAIL_SHARE = 0.4;
const VOICE_SHARE = 0.05;
const WORK_SHARE = 0.2 / (1 - VOICE_SHARE); // of SMS participants, so that about 20 % of all have two
const EVENING_SHARE = 0.03;
const ADDITION_SHARE = 0.07;
const HOME_JITTER_M = 1_500;
const NEIGHBOURS = 6;

/** 06-1 … 06-5: numbers libphonenumber and the operators know as mobile. */
const MOBILE_SPACE = 50_000_000;
const MOBILE_STRIDE = 30_402_457; // coprime with 2^7·5^8, so i ↦ i·stride mod space is a bijection

const FIRST_NAMES = [
  'Daan',
  'Sem',
  'Lucas',
  'Levi',
  'Finn',
  'Noah',
  'Bram',
  'Jesse',
  'Thijs',
  'Ruben',
  'Mohammed',
  'Ahmed',
  'Jan',
  'Pieter',
  'Kees',
  'Henk',
  'Willem',
  'Gerrit',
  'Johan',
  'Marco',
  'Dennis',
  'Sander',
  'Mark',
  'Jeroen',
  'Bas',
  'Emma',
  'Julia',
  'Sophie',
  'Tess',
  'Lotte',
  'Sanne',
  'Anne',
  'Fleur',
  'Lisa',
  'Eva',
  'Fatima',
  'Yasmina',
  'Noor',
  'Maria',
  'Johanna',
  'Anna',
  'Ingrid',
  'Marieke',
  'Linda',
  'Petra',
  'Esther',
  'Ilse',
  'Femke',
  'Annelies',
  'Saskia',
  'Wendy',
  'Naomi',
  'Priya',
  'Mei',
  'Kevin',
  'Stefan',
  'Hüseyin',
  'Zoë',
  'Chantal',
  'Rik',
] as const;

const LAST_NAMES = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Janssen',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'van Leeuwen',
  'Dekker',
  'Brouwer',
  'de Wit',
  'Dijkstra',
  'Smits',
  'de Graaf',
  'van der Meer',
  'van der Linden',
  'Kok',
  'Jacobs',
  'de Haan',
  'Vermeulen',
  'van den Heuvel',
  'van der Veen',
  'van den Broek',
  'de Bruijn',
  'de Bruin',
  'van der Heijden',
  'Schouten',
  'van Beek',
  'Willems',
  'van Vliet',
  'van de Ven',
  'Hoekstra',
  'Maas',
  'Verhoeven',
  'Koster',
  'van Dam',
  'van der Wal',
  'Prins',
  'Blom',
  'Huisman',
  'Postma',
  "van 't Hof",
  'El Amrani',
  'Yılmaz',
  'Kaya',
  'Bouzid',
  'Nguyen',
  'Ramdin',
  'Wijaya',
  'Martens',
] as const;

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const; // reserved (RFC 2606): never delivered
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ'; // the letters PostNL hands out
const ADDITIONS = ['A', 'B', 'C', '1', '2', '3', 'bis', 'hs'] as const;

/** Real area codes per province, so a voice participant's landline looks local. */
const AREA_CODES: Readonly<Record<string, readonly string[]>> = {
  PV20: ['50', '598'],
  PV21: ['58', '515'],
  PV22: ['592', '591'],
  PV23: ['38', '53'],
  PV24: ['36', '320'],
  PV25: ['26', '24', '55'],
  PV26: ['30', '33'],
  PV27: ['20', '23', '72'],
  PV28: ['10', '70', '71'],
  PV29: ['118', '113'],
  PV30: ['40', '76', '73', '13'],
  PV31: ['43', '77', '45'],
};

const OFFICE_HOURS: readonly TimeWindow[] = Object.freeze(
  WEEKDAYS.slice(0, 5).map((day) => Object.freeze({ day, from: '08:30', to: '17:30' })),
);
const EVENINGS: readonly TimeWindow[] = Object.freeze(
  WEEKDAYS.map((day) => Object.freeze({ day, from: '18:00', to: '23:00' })),
);
const ALWAYS: readonly TimeWindow[] = Object.freeze([]);

interface Place {
  readonly pc4: string;
  readonly city: string;
  readonly location: LatLon;
}

/**
 * Believable participants spread over the country by population, the same for the same options.
 * Gemeenten get exactly their share (within one participant); participant numbers never repeat.
 * The data is fictitious: e-mail domains are reserved and the numbers must only reach simulated channels.
 */
export function* generateSyntheticParticipants(options: SyntheticParticipantOptions): Generator<SyntheticParticipant> {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 0 || count > MOBILE_SPACE) {
    throw new RangeError(`count must be an integer from 0 to ${MOBILE_SPACE}, got ${count}`);
  }
  const gemeenten = options.gemeenten.filter((g) => g.population > 0);
  const cumulative = new Float64Array(gemeenten.length);
  let total = 0;
  gemeenten.forEach((g, i) => (cumulative[i] = total += g.population));
  if (total === 0) throw new RangeError('gemeenten must have a population');

  const places = placesPerGemeente(gemeenten, options.pc4Centroids);
  const neighbours = nearestGemeenten(gemeenten, NEIGHBOURS);
  const random = sfc32(seed);
  const keys = [random.int32(), random.int32(), random.int32(), random.int32()] as const;
  const mobileOffset = random.int32() % MOBILE_SPACE;
  const landlineOffset = random.int32();
  const slotStride = coprimeStride(count);
  const slotOffset = count === 0 ? 0 : random.int32() % count;
  const landlines = new Map<string, number>();
  const firstSlugs = FIRST_NAMES.map(slug);
  const lastSlugs = LAST_NAMES.map(slug);

  const gemeenteIndexOf = (i: number): number => {
    // Participant i takes slot s of a permutation, and slot s the gemeente whose population share covers it.
    // The permutation keeps any prefix of the stream spread over the country.
    const s = (i * slotStride + slotOffset) % count;
    return upperBound(cumulative, ((s + 0.5) * total) / count);
  };

  const register = (
    participant: number,
    slot: number,
    msisdn: Msisdn,
    channel: ContactChannel,
    g: number,
    timeWindows: readonly TimeWindow[],
  ): SyntheticRegistration => {
    const gemeentePlaces = places[g] ?? [];
    const place = gemeentePlaces[Math.floor(random.next() * gemeentePlaces.length)];
    const gemeente = gemeenten[g];
    if (place === undefined || gemeente === undefined) throw new Error(`no place for gemeente index ${g}`);
    const l1 = pick(POSTCODE_LETTERS, random.next());
    let l2 = pick(POSTCODE_LETTERS, random.next());
    if (l1 === 'S' && (l2 === 'A' || l2 === 'D' || l2 === 'S')) l2 = 'T'; // SA, SD and SS are not used
    return {
      id: uuid(participant, slot, keys),
      msisdn,
      channel,
      postcode: `${place.pc4}${l1}${l2}`,
      houseNumber: 1 + Math.floor(random.next() ** 2 * 180),
      houseNumberAddition: random.next() < ADDITION_SHARE ? pick(ADDITIONS, random.next()) : null,
      city: place.city,
      location: pointInDisc(place.location, HOME_JITTER_M, random.next(), random.next()),
      gemeenteCode: gemeente.code,
      timeWindows,
    };
  };

  for (let i = 0; i < count; i++) {
    const g = gemeenteIndexOf(i);
    const first = Math.floor(random.next() * FIRST_NAMES.length);
    const last = Math.floor(random.next() * LAST_NAMES.length);
    const email =
      random.next() < EMAIL_SHARE
        ? `${firstSlugs[first]}.${lastSlugs[last]}${i}@${pick(EMAIL_DOMAINS, random.next())}`
        : null;
    const voice = random.next() < VOICE_SHARE;
    const msisdn = voice
      ? landline(gemeenten[g]?.provinceCode ?? '', random.next(), landlineOffset, landlines)
      : asMsisdn(`+316${10_000_000 + ((i * MOBILE_STRIDE + mobileOffset) % MOBILE_SPACE)}`);
    const channel: ContactChannel = voice ? 'voice' : 'sms';
    const home = register(i, 1, msisdn, channel, g, random.next() < EVENING_SHARE ? EVENINGS : ALWAYS);
    let registrations: readonly SyntheticRegistration[] = [home];
    // A landline stays at home; only mobile numbers get a work address too.
    if (!voice && random.next() < WORK_SHARE) {
      const near = neighbours[g] ?? [];
      const workG = random.next() < 0.5 ? g : (near[Math.floor(random.next() * near.length)] ?? g);
      const work = register(i, 2, msisdn, channel, workG, OFFICE_HOURS);
      // Drawn twice, the same address would be one registration (the key treats no addition as equal): next door.
      const sameAddress =
        work.postcode === home.postcode &&
        work.houseNumber === home.houseNumber &&
        work.houseNumberAddition === home.houseNumberAddition;
      registrations = [home, sameAddress ? { ...work, houseNumber: work.houseNumber + 1 } : work];
    }
    yield { id: uuid(i, 0, keys), name: `${FIRST_NAMES[first]} ${LAST_NAMES[last]}`, email, registrations };
  }
}

/** A gemeente's PC4 centroids; one without any gets its interior point and the nearest PC4 for the postcode. */
function placesPerGemeente(gemeenten: readonly Gemeente[], centroids: readonly Pc4Centroid[]): Place[][] {
  if (centroids.length === 0) throw new RangeError('pc4Centroids must not be empty');
  const index = new Map(gemeenten.map((g, i) => [g.code, i]));
  const places: Place[][] = gemeenten.map(() => []);
  for (const c of centroids) {
    const g = c.gemeenteCode === null ? undefined : index.get(c.gemeenteCode);
    if (g !== undefined) places[g]?.push({ pc4: c.pc4, city: c.city, location: c.location });
  }
  gemeenten.forEach((g, i) => {
    if (places[i]?.length !== 0) return;
    let nearest = centroids[0];
    for (const c of centroids) {
      if (nearest && distanceInMetres(c.location, g.interior) < distanceInMetres(nearest.location, g.interior)) {
        nearest = c;
      }
    }
    places[i] = [{ pc4: nearest?.pc4 ?? '1000', city: g.name, location: g.interior }];
  });
  return places;
}

/** For each gemeente, the indexes of the `k` others whose interior points lie closest. */
function nearestGemeenten(gemeenten: readonly Gemeente[], k: number): number[][] {
  return gemeenten.map((g, i) =>
    gemeenten
      .map((other, j) => ({ j, d: distanceInMetres(g.interior, other.interior) }))
      .filter(({ j }) => j !== i)
      .sort((a, b) => a.d - b.d)
      .slice(0, k)
      .map(({ j }) => j),
  );
}

/** A landline in the province, unique: each area code numbers its subscribers through a bijection. */
function landline(provinceCode: string, u: number, offset: number, issued: Map<string, number>): Msisdn {
  const codes = AREA_CODES[provinceCode] ?? ['20'];
  const area = pick(codes, u);
  const n = issued.get(area) ?? 0;
  issued.set(area, n + 1);
  // Area code and subscriber number make 9 digits; subscriber numbers do not start with 0 or 1. The prime 7919
  // shares no factor with the space (2^a·5^b), so n ↦ n·7919 + offset (mod space) never repeats a number.
  const digits = 9 - area.length;
  const space = 8 * 10 ** (digits - 1);
  if (n >= space) throw new RangeError(`area code ${area} has no numbers left`);
  return asMsisdn(`+31${area}${2 * 10 ** (digits - 1) + ((n * 7_919 + offset) % space)}`);
}

/**
 * A deterministic version-4-shaped UUID, unique per (index, slot): the slot sits in the variant nibble, and for a
 * given slot the first word is a bijection of the index.
 */
function uuid(index: number, slot: number, keys: readonly [number, number, number, number]): string {
  const w0 = fmix32((index ^ keys[0] ^ Math.imul(slot, 0x9e3779b9)) >>> 0);
  const w1 = ((fmix32((index * 4 + slot) ^ keys[1]) & 0xffff0fff) | 0x4000) >>> 0;
  const w2 = ((fmix32((index * 4 + slot) ^ keys[2]) & 0x0fffffff) | ((8 | slot) << 28)) >>> 0;
  const w3 = fmix32((index * 4 + slot) ^ keys[3]);
  return `${hex8(w0)}-${hex4(w1 >>> 16)}-${hex4(w1)}-${hex4(w2 >>> 16)}-${hex4(w2)}${hex8(w3)}`;
}

// Number.prototype.toString(16) with padding is the slowest step when millions of ids are made.
const HEX_BYTES = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hexByte = (n: number): string => HEX_BYTES[n & 0xff] ?? '00';
const hex4 = (n: number): string => hexByte(n >>> 8) + hexByte(n);
const hex8 = (n: number): string => hex4(n >>> 16) + hex4(n);

/** sfc32 (Chris Doty-Humphrey's small fast counting PRNG), seeded through splitmix32. */
function sfc32(seed: number) {
  // State in a typed array: closure variables above 2^30 would be boxed on every step.
  const st = new Uint32Array(4);
  let s = seed >>> 0;
  for (let i = 0; i < 3; i++) {
    s = (s + 0x9e3779b9) >>> 0;
    st[i] = fmix32(s);
  }
  st[3] = 1;
  const int32 = (): number => {
    const a = st[0] ?? 0;
    const b = st[1] ?? 0;
    const c = st[2] ?? 0;
    const d = st[3] ?? 0;
    const t = (a + b + d) >>> 0;
    st[3] = d + 1;
    st[0] = b ^ (b >>> 9);
    st[1] = b + (b << 3);
    st[2] = ((c << 21) | (c >>> 11)) + t;
    return t;
  };
  for (let i = 0; i < 12; i++) int32(); // discard the first outputs, as the author recommends
  return { int32, next: (): number => int32() / 4_294_967_296 };
}

/** A stride near count/φ with no factor in common with count, for the permutation i ↦ i·stride + offset (mod count). */
function coprimeStride(count: number): number {
  if (count <= 1) return 1;
  let stride = Math.max(1, Math.round(count * 0.6180339887));
  while (gcd(stride, count) !== 1) stride++;
  return stride;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** The first index whose value exceeds `x`. */
function upperBound(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? 0) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function pick<T>(items: ArrayLike<T>, u: number): T {
  const item = items[Math.floor(u * items.length)];
  if (item === undefined) throw new RangeError('cannot pick from an empty list');
  return item;
}

/** "van 't Hof" → "vanthof", "Zoë" → "zoe": the local part of an e-mail address. */
function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
