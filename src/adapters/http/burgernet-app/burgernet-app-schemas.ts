import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import type { PublicAction } from '../../../app/public/public-actions.js';
import type { PublicView } from '../../../domain/action/public-view.js';
import {
  MAX_MEDIA_RETENTION_DAYS,
  MIN_MEDIA_RETENTION_DAYS,
  PUBLIC_TEXT_MAX_LENGTH,
  type Publication,
} from '../../../domain/action/publication.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { TIP_TEXT_MAX_LENGTH } from '../../../domain/tip/tip.js';
import {
  CALLBACK_NOTE_MAX_LENGTH,
  CALLBACK_PURPOSES,
  type CallbackPurpose,
} from '../../../domain/tip/callback-purpose.js';
import { fromArea } from '../actions/area-schema.js';

const noNul = (s: string) => !s.includes('\u0000');

/**
 * The feed takes no parameters at all: it is the same for everyone (and cacheable), and a device that tries
 * to send where it is (?lat=…) is refused rather than ignored.
 */
export const feedQuery = z.object({}).strict();
export const appActionParams = z.object({ id: z.uuid() }).strict();
/** A photo's URL names its version (for caches), and nothing else may come along. */
export const photoQuery = z
  .object({
    v: z
      .string()
      .regex(/^[0-9a-f]{1,32}$/)
      .optional(),
  })
  .strict();

export const tipFields = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'Vul in wat u heeft gezien.')
      .max(TIP_TEXT_MAX_LENGTH, `Hoogstens ${TIP_TEXT_MAX_LENGTH} tekens.`)
      .refine(noNul, 'Het teken U+0000 is niet toegestaan.'),
    phone: z.string().trim().max(30, 'Dit telefoonnummer is te lang.').optional(),
  })
  .strict();

export const publicationBody = z
  .object({
    public: z.boolean().describe('Tonen in de app, in meldingen en op de openbare pagina'),
    publicText: z
      .string()
      .trim()
      .max(PUBLIC_TEXT_MAX_LENGTH)
      .refine(noNul)
      .nullable()
      .optional()
      .describe('Tekst voor de app en de openbare pagina; leeg: het alarmbericht'),
    call112: z.boolean().default(false).describe('"Bel 112" in plaats van het nummer van de meldkamer (direct gevaar)'),
    mediaRetentionDays: z
      .number()
      .int()
      .min(MIN_MEDIA_RETENTION_DAYS)
      .max(MAX_MEDIA_RETENTION_DAYS)
      .nullable()
      .optional()
      .describe('Dagen dat foto en tips na afloop bewaard blijven; leeg: de standaard'),
  })
  .strict();

/** With a new action or a revised concept: everything optional, public unless said otherwise. */
export const publicationInput = publicationBody.extend({ public: z.boolean().default(true) }).strict();

export function toPublication(body: z.infer<typeof publicationBody>): Publication {
  return {
    public: body.public,
    publicText: body.publicText || null,
    call112: body.call112,
    mediaRetentionDays: body.mediaRetentionDays ?? null,
  };
}

export const publicationWithVersionBody = publicationBody
  .extend({ version: z.number().int().positive().optional() })
  .strict();

export const tipsQuery = z
  .object({
    after: z.coerce.number().int().min(0).optional().describe('Alleen tips na dit volgnummer'),
  })
  .strict();
export const tipStreamQuery = z.object({}).strict();
export const tipParams = z.object({ id: z.uuid(), tipId: z.uuid() }).strict();
export const callbackNumberBody = z
  .object({
    purpose: z
      .enum(CALLBACK_PURPOSES as [CallbackPurpose, ...CallbackPurpose[]])
      .describe('Waarvoor u het nummer nodig heeft: terugbellen voor de actie, of doorgeven aan een eenheid'),
    note: z
      .string()
      .trim()
      .max(CALLBACK_NOTE_MAX_LENGTH)
      .refine(noNul)
      .optional()
      .describe('Toelichting bij het doel (niet verplicht); wordt met het doel vastgelegd'),
  })
  .strict();

export const meldkamerParams = z.object({ code: z.string().regex(/^RE\d{2}$/) }).strict();
export const meldkamerPhoneBody = z
  .object({
    phone: z
      .string()
      .trim()
      .min(3)
      .max(30)
      .nullable()
      .describe('Het openbare nummer van de meldkamer; null: geen (de app belt het landelijke nummer)'),
  })
  .strict();

export interface CallOptions {
  readonly fallbackPhone: string;
}

/** Whom "Bel politie" calls, in the forms a page needs: the tel: link (E.164, works from every phone) and how to show it. */
export function callOf(view: PublicView, meldkamerPhone: string | null, options: CallOptions) {
  if (view.call === null) return null;
  if (view.call === '112') return { kind: '112' as const, number: '112', display: '112', href: 'tel:112' };
  const number = meldkamerPhone ?? options.fallbackPhone;
  return { kind: 'meldkamer' as const, number, display: displayPhone(number), href: `tel:${number}` };
}

/** A number as Dutch people write it ("0900 8844", "088 169 0101"). */
export function displayPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatNational() ?? e164;
}

export function titleOf(view: Pick<PublicView, 'type' | 'missingChild'>, catalogue: Catalogue): string {
  return view.missingChild ? 'Vermist kind' : catalogue.actionTypes[view.type];
}

export const publicPhotoPath = (actionId: string, key: string) =>
  `/app/v1/actions/${actionId}/photo?v=${key.slice(0, 12)}`;

/** An action as the app and the public page get it: only its public view, nothing else of the action. */
export function publicActionJson(item: PublicAction, catalogue: Catalogue, options: CallOptions) {
  const { view } = item;
  return {
    id: view.id,
    number: view.number,
    type: view.type,
    title: titleOf(view, catalogue),
    missingChild: view.missingChild,
    status: view.status,
    statusLabel: catalogue.app.status[view.status],
    text: view.text,
    description: view.description,
    instructions: view.instructions,
    area: view.area === null ? null : fromArea(view.area),
    startedAt: view.startedAt.toISOString(),
    endedAt: view.endedAt?.toISOString() ?? null,
    updatedAt: view.updatedAt.toISOString(),
    result: view.result,
    resultLabel: view.result === null ? null : catalogue.results[view.result],
    closingText: view.closingText,
    photoUrl: item.photo === null ? null : publicPhotoPath(view.id, item.photo.image.key),
    meldkamer: { code: item.meldkamer.code, name: item.meldkamer.name },
    call: callOf(view, item.meldkamer.publicPhone, options),
    acceptsTips: view.acceptsTips,
    url: `/acties/${view.id}`,
  };
}
