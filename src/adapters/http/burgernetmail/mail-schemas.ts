import { z } from 'zod';
import { MAX_RADIUS_METRES, MIN_RADIUS_METRES } from '../../../domain/area/area.js';
import type { Audience, AudienceChoice } from '../../../domain/mail/audience.js';
import { MAX_POSTCODE_RANGES, normalizePostcode } from '../../../domain/mail/audience.js';
import { FIELD_MAX_LENGTH, MAIL_KINDS } from '../../../domain/mail/mail-kind.js';
import { TEMPLATE_LIMITS } from '../../../domain/mail/mail-template.js';
import type { Mail } from '../../../domain/mail/mail.js';
import { filledSubject } from '../../../domain/mail/mail-document.js';
import type { MailTemplate } from '../../../domain/mail/mail-template.js';
import type { MailAnswer } from '../../../app/ports/mail-store.js';
import { areaSchema, fromArea, toArea } from '../actions/area-schema.js';

export const mailIdParams = z.object({ id: z.uuid() }).strict();
export const answerIdParams = z.object({ id: z.uuid(), answerId: z.uuid() }).strict();
export const mailKindSchema = z.enum(MAIL_KINDS);

const postcode = z
  .string()
  .trim()
  .max(8)
  .transform(normalizePostcode)
  .pipe(z.string().regex(/^[1-9][0-9]{3}([A-Z]{2})?$/, 'PC4 (3511) of PC6 (3511AB)'));

export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('area'), area: areaSchema }).strict(),
  z
    .object({
      kind: z.literal('postcodes'),
      ranges: z
        .array(z.object({ from: postcode, to: postcode }).strict())
        .min(1)
        .max(MAX_POSTCODE_RANGES),
    })
    .strict(),
  z.object({ kind: z.literal('gemeente'), gemeenteCode: z.string().regex(/^GM[0-9]{4}$/) }).strict(),
  z
    .object({
      kind: z.literal('address'),
      postcode: z
        .string()
        .trim()
        .max(8)
        .transform(normalizePostcode)
        .pipe(z.string().regex(/^[1-9][0-9]{3}[A-Z]{2}$/, 'PC6 (1012AB)')),
      houseNumber: z.number().int().min(1).max(99_999),
      radiusMetres: z.number().int().min(MIN_RADIUS_METRES).max(MAX_RADIUS_METRES),
    })
    .strict()
    .describe('Een straal rond een adres; de server zoekt het adres op en maakt er een cirkel van'),
]);
export type AudienceBody = z.infer<typeof audienceSchema>;

export function toAudience(body: AudienceBody): AudienceChoice {
  return body.kind === 'area' ? { kind: 'area', area: toArea(body.area) } : body;
}

export function fromAudience(audience: Audience) {
  if (audience.kind !== 'area') return audience;
  return {
    kind: 'area' as const,
    area: fromArea(audience.area),
    ...(audience.around === undefined ? {} : { around: audience.around }),
  };
}

const fieldText = (max: number) => z.string().max(max);
export const fieldsSchema = z
  .object({
    datum: fieldText(FIELD_MAX_LENGTH.datum).optional().describe('JJJJ-MM-DD'),
    tijd: fieldText(FIELD_MAX_LENGTH.tijd).optional().describe('UU:MM'),
    straat: fieldText(FIELD_MAX_LENGTH.straat).optional(),
    plaats: fieldText(FIELD_MAX_LENGTH.plaats).optional(),
    omschrijving: fieldText(FIELD_MAX_LENGTH.omschrijving).optional(),
    contact: fieldText(FIELD_MAX_LENGTH.contact).optional(),
  })
  .strict()
  .describe('Gewone tekst; HTML wordt niet uitgevoerd maar als tekst getoond');

export const mailBody = z
  .object({
    templateId: z.uuid(),
    fields: fieldsSchema.default({}),
    audience: audienceSchema,
    subject: z.string().max(TEMPLATE_LIMITS.subject).optional().describe('Standaard het onderwerp van het sjabloon'),
    body: z.string().max(TEMPLATE_LIMITS.body).optional().describe('Standaard de tekst van het sjabloon'),
    answerDays: z.number().int().min(1).max(90).optional().describe('Hoe lang de antwoordlink werkt (buurtonderzoek)'),
  })
  .strict();
// The version is compared in SQL, with an integer column: a larger number would fail there instead of here.
export const changeMailBody = mailBody.extend({ version: z.number().int().positive().max(2_147_483_647) }).strict();
export const sendMailBody = z
  .object({ sendAt: z.iso.datetime({ offset: true }).optional().describe('Leeg: nu versturen') })
  .strict();
export const audienceCountBody = z.object({ audience: audienceSchema }).strict();

export const templateBody = z
  .object({
    kind: mailKindSchema,
    name: z.string().min(1).max(TEMPLATE_LIMITS.name),
    subject: z.string().min(1).max(TEMPLATE_LIMITS.subject),
    body: z.string().min(1).max(TEMPLATE_LIMITS.body),
  })
  .strict();
export const changeTemplateBody = templateBody.omit({ kind: true }).strict();
export const senderBody = z
  .object({
    senderName: z
      .string()
      .max(80)
      .nullable()
      .describe('Naam naast Burgernet in het Van-veld; leeg: de naam van de organisatie'),
    replyTo: z.string().max(254).nullable().describe('Waar antwoorden op mails heen gaan (Reply-To)'),
  })
  .strict();

export function templateJson(t: MailTemplate) {
  return {
    id: t.id,
    kind: t.kind,
    owner: t.owner,
    name: t.name,
    subject: t.subject,
    body: t.body,
    updatedAt: t.updatedAt.toISOString(),
  };
}

export function mailJson(m: Mail) {
  return {
    id: m.id,
    number: m.number,
    kind: m.kind,
    templateId: m.templateId,
    owner: m.owner,
    status: m.status,
    subject: m.subject,
    subjectFilled: filledSubject(m),
    body: m.body,
    fields: m.fields,
    audience: fromAudience(m.audience),
    scheduledAt: m.scheduledAt?.toISOString() ?? null,
    answerDays: m.answerDays,
    createdAt: m.createdAt.toISOString(),
    createdBy: m.createdBy,
    queuedAt: m.queuedAt?.toISOString() ?? null,
    finishedAt: m.finishedAt?.toISOString() ?? null,
    stoppedAt: m.stoppedAt?.toISOString() ?? null,
    version: m.version,
    figures: m.figures,
  };
}

export function answerJson(mailId: string, a: MailAnswer) {
  return {
    id: a.id,
    receivedAt: a.receivedAt.toISOString(),
    text: a.text,
    seenWhen: a.seenWhen,
    seenWhere: a.seenWhere,
    contact: a.contact,
    photo:
      a.photo === null
        ? null
        : {
            url: `/api/v1/mails/${mailId}/answers/${a.id}/photo`,
            contentType: a.photo.contentType,
            width: a.photo.width,
            height: a.photo.height,
          },
  };
}
