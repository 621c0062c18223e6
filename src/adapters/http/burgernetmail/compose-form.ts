import { z } from 'zod';
import { chooseAudience } from '../../../app/burgernetmail/mail-audience.js';
import type { Geocoder } from '../../../app/ports/geocoder.js';
import { MAX_RADIUS_METRES, MIN_RADIUS_METRES } from '../../../domain/area/area.js';
import { checkAudience, parsePostcodeRanges, type Audience } from '../../../domain/mail/audience.js';
import { MAIL_FIELDS, type MailField } from '../../../domain/mail/mail-kind.js';
import type { Mail } from '../../../domain/mail/mail.js';
import type { MailTexts } from '../../../domain/messages/mail-texts.js';
import { areaSchema, fromArea, toArea } from '../actions/area-schema.js';
import { field, type FormBody } from '../forms/form-values.js';
import { AUDIENCE_CHOICES, type ComposeValues } from './mail-views.js';

/** A new mail's form: the template's text, and no audience until the sender chooses one. */
export function emptyValues(subject: string, body: string, answerDays: number, gemeente: string): ComposeValues {
  return {
    onderwerp: subject,
    tekst: body,
    fields: {},
    ontvangers: '',
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
  const around = a.kind === 'area' ? a.around : undefined;
  return {
    onderwerp: mail.subject,
    tekst: mail.body,
    fields: mail.fields,
    ontvangers: a.kind === 'area' ? (around === undefined ? 'gebied' : 'adres') : a.kind,
    gemeente: a.kind === 'gemeente' ? a.gemeenteCode : '',
    postcodes:
      a.kind === 'postcodes' ? a.ranges.map((r) => (r.from === r.to ? r.from : `${r.from}-${r.to}`)).join(', ') : '',
    gebied: a.kind === 'area' && around === undefined ? JSON.stringify(fromArea(a.area)) : '',
    adresPostcode: around?.postcode ?? '',
    adresHuisnummer: around === undefined ? '' : String(around.houseNumber),
    straal: a.kind === 'area' && a.area.kind === 'circle' ? String(a.area.radiusMetres) : '1000',
    antwoorddagen: String(mail.answerDays),
  };
}

export function readValues(body: FormBody | undefined): ComposeValues {
  const fields: Partial<Record<MailField, string>> = {};
  for (const name of MAIL_FIELDS) fields[name] = field(body, name, name === 'omschrijving' ? 2_100 : 400);
  const kind = z.enum(AUDIENCE_CHOICES).safeParse(field(body, 'ontvangers', 20));
  return {
    onderwerp: field(body, 'onderwerp', 200),
    tekst: rawField(body, 'tekst', 10_100),
    fields: { ...fields, omschrijving: rawField(body, 'omschrijving', 2_100) },
    ontvangers: kind.success ? kind.data : '',
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

const addressForm = z.object({
  adresPostcode: z
    .string()
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().regex(/^[1-9][0-9]{3}[A-Z]{2}$/)),
  adresHuisnummer: z.coerce.number().int().min(1).max(99_999),
  straal: z.coerce.number().int().min(MIN_RADIUS_METRES).max(MAX_RADIUS_METRES),
});

/**
 * The audience the form describes; there is no default: without a choice the form is refused. An address with a
 * radius is looked up. Errors go to `errors` by field.
 */
export async function readAudience(
  values: ComposeValues,
  texts: MailTexts,
  geocoder: Geocoder,
  errors: Record<string, string>,
): Promise<Audience | null> {
  const c = texts.portal.compose.errors;
  switch (values.ontvangers) {
    case '':
      errors.ontvangers = c.audience;
      return null;
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
    case 'adres': {
      const parsed = addressForm.safeParse(values);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= c.addressFields;
        return null;
      }
      const chosen = await chooseAudience(geocoder, {
        kind: 'address',
        postcode: parsed.data.adresPostcode,
        houseNumber: parsed.data.adresHuisnummer,
        radiusMetres: parsed.data.straal,
      });
      if (!chosen.ok) errors.adresPostcode = c.address;
      return chosen.ok ? chosen.value : null;
    }
    case 'gebied': {
      let json: unknown;
      try {
        json = values.gebied === '' ? null : JSON.parse(values.gebied);
      } catch {
        // Not JSON (the hidden field edited by hand): refused below like an empty one.
        json = null;
      }
      const parsed = areaSchema.safeParse(json);
      const audience: Audience | null = parsed.success ? { kind: 'area', area: toArea(parsed.data) } : null;
      if (audience !== null && checkAudience(audience) === null) return audience;
      errors.ontvangers = c.area;
      return null;
    }
  }
}
