import { z } from 'zod';
import {
  ACTION_STATUSES,
  CLOSING_TEXT_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  INSTRUCTIONS_MAX_LENGTH,
  MESSAGE_MAX_LENGTH,
  type Action,
} from '../../../domain/action/action.js';
import { ACTION_RESULTS } from '../../../domain/action/action-result.js';
import { ACTION_TYPES } from '../../../domain/action/action-type.js';
import type { ActionMessage } from '../../../app/ports/action-repository.js';
import type { ActionProgress } from '../../../app/ports/dispatch-repository.js';
import { DELIVERY_STATUSES } from '../../../domain/delivery/delivery-status.js';
import type { VoiceCallCounts } from '../../../app/ports/voice-call-repository.js';
import { areaSchema, fromArea } from './area-schema.js';
import { publicationInput } from '../burgernet-app/burgernet-app-schemas.js';
import { composeAlertSms } from '../../../domain/action/compose-sms.js';
import type { Catalogue } from '../../../domain/messages/catalogue.js';
import { analyseSmsText } from '../../../domain/sms/sms-text.js';
import type { PushProgress } from '../../../domain/push/push-progress.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

export const actionIdParams = z.object({ id: z.uuid() }).strict();
export const actionTypeSchema = z.enum(ACTION_TYPES);
export const actionStatusSchema = z.enum(ACTION_STATUSES);
export const actionResultSchema = z.enum(ACTION_RESULTS);

export const actionDraftBody = z
  .object({
    type: actionTypeSchema,
    missingChild: z.boolean().default(false).describe('Vermist kind: gaat voor bij het versturen'),
    message: text(MESSAGE_MAX_LENGTH).describe('Het bericht zoals deelnemers het lezen'),
    description: optionalText(DESCRIPTION_MAX_LENGTH).describe('Signalement van persoon of voertuig'),
    instructions: optionalText(INSTRUCTIONS_MAX_LENGTH).describe('Bij een noodsituatie: wat mensen moeten doen'),
    area: areaSchema,
    publication: publicationInput
      .optional()
      .describe('Wat de app en de openbare pagina tonen; standaard openbaar met het alarmbericht'),
  })
  .strict();

export const createActionBody = actionDraftBody
  .extend({
    meldkamerCode: z
      .string()
      .regex(/^RE\d{2}$/)
      .optional(),
  })
  .strict();
export const reviseActionBody = actionDraftBody.extend({ version: z.number().int().positive().optional() }).strict();
export const widenBody = z.object({ area: areaSchema }).strict();
export const moveAreaBody = z
  .object({
    area: areaSchema,
    confirmed: z
      .literal(true)
      .describe('Verplaatsen is een bewuste stap: de aanroeper bevestigt dat de melding naar een andere plek gaat'),
  })
  .strict();
export const updateBody = z.object({ text: text(MESSAGE_MAX_LENGTH) }).strict();
export const closeBody = z
  .object({ result: actionResultSchema, closingText: optionalText(CLOSING_TEXT_MAX_LENGTH) })
  .strict();
export const withdrawBody = z.object({ closingText: optionalText(CLOSING_TEXT_MAX_LENGTH) }).strict();

export const reachBody = z
  .object({
    area: areaSchema,
    actionId: z.uuid().optional().describe('Bij verruimen: tel alleen wie de actie nog niet bereikte'),
    draft: actionDraftBody.pick({ type: true, message: true, description: true, instructions: true }).optional(),
  })
  .strict();

export const searchActionsQuery = z
  .object({
    status: actionStatusSchema.optional(),
    type: actionTypeSchema.optional(),
    q: z.string().trim().min(1).max(100).optional(),
    place: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe('Gemeente, naam of code (GM0363): acties met hun middelpunt daarin'),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    meldkamerCode: z
      .string()
      .regex(/^RE\d{2}$/)
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(100_000).default(0),
  })
  .strict();

/** The action as the API shows it, with the alert as participants will read it and its SMS parts. */
export function actionJson(a: Action, catalogue: Catalogue) {
  const text = composeAlertSms(a, catalogue);
  return { ...a, area: fromArea(a.area), alertSms: { text, ...analyseSmsText(text) } };
}

export function messageJson(m: ActionMessage) {
  return { id: m.id, ordinal: m.ordinal, kind: m.kind, text: m.text, createdAt: m.createdAt, createdBy: m.createdBy };
}

/**
 * Counts per message kind and channel, with the totals a centralist watches; `push` holds the app
 * notifications' numbers (phones targeted, accepted by their push service, gone, failed), outside the totals.
 */
export function progressJson(p: ActionProgress & { readonly push?: PushProgress; readonly calls?: VoiceCallCounts }) {
  const totals = Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as Record<
    (typeof DELIVERY_STATUSES)[number],
    number
  >;
  for (const kind of Object.values(p.byKind))
    for (const channel of Object.values(kind)) for (const s of DELIVERY_STATUSES) totals[s] += channel[s];
  return {
    totals,
    byKind: p.byKind,
    firstSubmittedAt: p.firstSubmittedAt,
    lastSubmittedAt: p.lastSubmittedAt,
    // SMS receipts that could be this action's but matched no part with certainty: none of them counted.
    receiptsSetAside: p.receiptsSetAside,
    // SMS parts per SMSC connection profile: accepted there, with a receipt, delivered (failover shows here).
    smsBySmsc: p.smsBySmsc,
    ...(p.push === undefined ? {} : { push: p.push }),
    // Voice: every call placed by outcome (a number called three times counts three), and retries waiting.
    ...(p.calls === undefined ? {} : { calls: p.calls }),
  };
}
