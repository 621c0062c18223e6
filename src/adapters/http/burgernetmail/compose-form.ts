import type { Geocoder } from '../../../app/ports/geocoder.js';
import { checkAudience, parsePostcodeRanges, type Audience } from '../../../domain/mail/audience.js';
import { MAIL_FIELDS, type MailField } from '../../../domain/mail/mail-kind.js';
import type { Mail } from '../../../domain/mail/mail.js';
import type { MailTexts } from '../../../domain/messages/mail-texts.js';
import { areaSchema, fromArea, toArea } from '../actions/area-schema.js';
import { field, type FormBody } from '../forms/form-values.js';
import type { ComposeValues } from './mail-views.js';

export function emptyValues(subject: string, body: string, answerDays: number, gemeente: string): ComposeValues {
  return {
    onderwerp: subject,
    tekst: body,
    fields: {},
    ontvangers: 'gemeente',
    gemeente,
    postcodes: '',
    gebied: '',
    adresPostcode: '',
    adresHuisnummer: '',
    straal: '1000',
    antwoorddagen: String(answerDays),
  };
}

export function valuesOfMail(mail: Mail): ComposeValues {
  const a = mail.audience;
  return {
    onderwerp: mail.subject,
    tekst: mail.body,
    fields: mail.fields,
    ontvangers: a.kind === 'area' ? 'gebied' : a.kind,
    gemeente: a.kind === 'gemeente' ? a.gemeenteCode : '',
    postcodes:
      a.kind === 'postcodes' ? a.ranges.map((r) => (r.from === r.to ? r.from : `${r.from}-${r.to}`)).join(', ') : '',
    gebied: a.kind === 'area' ? JSON.stringify(fromArea(a.area)) : '',
    adresPostcode: '',
    adresHuisnummer: '',
    straal: a.kind === 'area' && a.area.kind === 'circle' ? String(a.area.radiusMetres) : '1000',
    antwoorddagen: String(mail.answerDays),
  };
}

export function readValues(body: FormBody | undefined): ComposeValues {
  const fields: Partial<Record<MailField, string>> = {};
  for (const name of MAIL_FIELDS) fields[name] = field(body, name, name === 'omschrijving' ? 2_100 : 400);
  const kind = field(body, 'ontvangers', 20);
  return {
    onderwerp: field(body, 'onderwerp', 200),
    tekst: rawField(body, 'tekst', 10_100),
    fields: { ...fields, omschrijving: rawField(body, 'omschrijving', 2_100) },
    ontvangers: kind === 'postcodes' || kind === 'gebied' ? kind : 'gemeente',
    gemeente: field(body, 'gemeente', 10),
    postcodes: field(body, 'postcodes', 2_000),
    gebied: field(body, 'gebied', 200_000),
    adresPostcode: field(body, 'adresPostcode', 10),
    adresHuisnummer: field(body, 'adresHuisnummer', 10),
    straal: field(body, 'straal', 10),
    antwoorddagen: field(body, 'antwoorddagen', 5),
  };
}

/** A multi-line field as typed (new lines kept), without NUL and within its length. */
function rawField(body: FormBody | undefined, name: string, max: number): string {
  const value = body?.[name];
  const first = typeof value === 'string' ? value : value?.[0];
  return (first ?? '')
    .replace(/\u0000/g, '')
    .replace(/\r\n?/g, '\n')
    .slice(0, max);
}

/** The audience the form describes; an address with a radius is looked up. Errors go to `errors` by field. */
export async function readAudience(
  values: ComposeValues,
  texts: MailTexts,
  geocoder: Geocoder,
  errors: Record<string, string>,
): Promise<Audience | null> {
  const c = texts.portal.compose.errors;
  switch (values.ontvangers) {
    case 'gemeente':
      if (!/^GM[0-9]{4}$/.test(values.gemeente)) errors.gemeente = c.gemeente;
      return errors.gemeente ? null : { kind: 'gemeente', gemeenteCode: values.gemeente };
    case 'postcodes': {
      const ranges = parsePostcodeRanges(values.postcodes);
      const audience: Audience | null = ranges === null || ranges.length === 0 ? null : { kind: 'postcodes', ranges };
      if (audience === null || checkAudience(audience) !== null) {
        errors.postcodes = c.postcodes;
        return null;
      }
      return audience;
    }
    case 'gebied': {
      if (values.gebied !== '') {
        let json: unknown;
        try {
          json = JSON.parse(values.gebied);
        } catch {
          json = null;
        }
        const parsed = areaSchema.safeParse(json);
        const audience: Audience | null = parsed.success ? { kind: 'area', area: toArea(parsed.data) } : null;
        if (audience !== null && checkAudience(audience) === null) return audience;
        errors.gebied = c.area;
        return null;
      }
      const postcode = values.adresPostcode.replace(/\s+/g, '').toUpperCase();
      const houseNumber = Number(values.adresHuisnummer);
      const radius = Number(values.straal);
      if (!/^[1-9][0-9]{3}[A-Z]{2}$/.test(postcode)) errors.adresPostcode = c.area;
      if (!Number.isInteger(houseNumber) || houseNumber < 1 || houseNumber > 99_999) errors.adresHuisnummer = c.area;
      if (!Number.isInteger(radius) || radius < 100 || radius > 50_000) errors.straal = c.area;
      if (errors.adresPostcode || errors.adresHuisnummer || errors.straal) return null;
      const found = await geocoder.geocode({ postcode, houseNumber, houseNumberAddition: null });
      if (found.kind !== 'found') {
        errors.adresPostcode = c.address;
        return null;
      }
      return { kind: 'area', area: { kind: 'circle', centre: found.result.location, radiusMetres: radius } };
    }
  }
}

const PARTS = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function wall(instant: number): string {
  const p = Object.fromEntries(PARTS.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** "2026-05-12 21:30" (or the datetime-local form "2026-05-12T21:30") in Amsterdam time; null when it is no such moment. */
export function amsterdamMoment(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text.trim());
  if (m === null) return null;
  const local = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const wanted = `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}`;
  for (const offsetHours of [1, 2]) {
    const instant = local - offsetHours * 3_600_000;
    if (wall(instant) === wanted) return new Date(instant);
  }
  return null;
}
