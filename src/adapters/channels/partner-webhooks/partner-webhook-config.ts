import { z } from 'zod';
import { jsonText } from '../../../config-json.js';
import { ACTION_EVENT_KINDS } from '../../../domain/broadcast/action-event.js';
import type { PartnerWebhook } from './partner-webhook-channel.js';
import { checkPartnerWebhookUrl, type PartnerWebhookUrlProblem } from './partner-webhook-url.js';
import { parseWebhookSecret, type WebhookSecretProblem } from './standard-webhook-signature.js';

/**
 * PARTNER_WEBHOOKS: a JSON array of the partners that receive actions. Secrets are in it, so no message here ever
 * repeats a value, only where it is and what is wrong with it.
 */
export const MAX_PARTNERS = 50;
/** The spec recommends 15 to 30 seconds for a receiver to answer. */
export const DEFAULT_PARTNER_TIMEOUT_SECONDS = 15;

export interface PartnerWebhookConfig extends PartnerWebhook {
  /** For people: logs and the admin pages. */
  readonly name: string;
}

const URL_PROBLEMS: Record<PartnerWebhookUrlProblem, string> = {
  'not-a-url': 'not a URL',
  'not-https': 'must be https (plain http only to localhost, 127.0.0.1 or [::1])',
  'has-credentials': 'must not hold a user name or password (the partner checks our signature instead)',
  'has-fragment': 'must not have a #fragment',
};

const SECRET_PROBLEMS: Record<WebhookSecretProblem, string> = {
  'missing-prefix': 'a secret starts with whsec_',
  'not-base64': 'after whsec_ comes standard base64 (with = padding)',
  'wrong-length': 'a secret holds 24 to 64 bytes (32 to 88 base64 characters)',
};

const url = z.string().transform((text, ctx) => {
  const checked = checkPartnerWebhookUrl(text);
  if (checked.ok) return checked.url.href;
  ctx.addIssue({ code: 'custom', message: URL_PROBLEMS[checked.problem] });
  return z.NEVER;
});

const secret = z.string().transform((text, ctx) => {
  const parsed = parseWebhookSecret(text);
  if (parsed.ok) return parsed.secret;
  ctx.addIssue({ code: 'custom', message: SECRET_PROBLEMS[parsed.problem] });
  return z.NEVER;
});

const partnerSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{0,39}$/,
        'lowercase letters, digits and dashes, at most 40 (it names the destination in the outbox)',
      ),
    name: z.string().trim().min(1).max(80),
    url,
    secrets: z
      .array(secret)
      .min(1, 'at least one secret')
      .max(2, 'at most two secrets: the new one and, while the partner switches, the old one'),
    events: z
      .array(z.enum(ACTION_EVENT_KINDS))
      .min(1, 'leave events out to send every kind')
      .refine((kinds) => new Set(kinds).size === kinds.length, 'each kind once')
      .optional(),
    timeoutSeconds: z.number().int().min(1).max(60).default(DEFAULT_PARTNER_TIMEOUT_SECONDS),
  })
  .strict()
  .transform(({ timeoutSeconds, events, ...partner }): PartnerWebhookConfig => ({
    ...partner,
    ...(events !== undefined ? { events } : {}),
    timeoutMs: timeoutSeconds * 1000,
  }));

export const partnerWebhooksSchema = z
  .string()
  .default('[]')
  .transform(jsonText)
  .pipe(
    z
      .array(partnerSchema)
      .max(MAX_PARTNERS, `at most ${MAX_PARTNERS} partners`)
      .superRefine((partners, ctx) => {
        const seen = new Map<string, string>();
        partners.forEach((partner, index) => {
          if (partners.findIndex((p) => p.id === partner.id) !== index) {
            ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `id ${partner.id} is used twice` });
          }
          for (const s of partner.secrets) {
            const owner = seen.get(s);
            // The spec: a key per endpoint. A shared one lets one partner sign messages as if from us to another.
            if (owner !== undefined && owner !== partner.id) {
              ctx.addIssue({
                code: 'custom',
                path: [index, 'secrets'],
                message: `shares a secret with partner ${owner}; each partner needs its own`,
              });
            }
            seen.set(s, partner.id);
          }
        });
      }),
  )
  .describe(
    'Partners that receive actions as signed webhooks (Standard Webhooks): a JSON array of {id, name, url, secrets: ["whsec_…"], events?, timeoutSeconds?}; url https (http only to loopback); one secret, or two while rotating (never logged); events: action.started, action.widened, action.area-moved, action.updated, action.closed, action.withdrawn (none: all); at most 50',
  );

export type PartnerWebhooksParse =
  | { readonly ok: true; readonly partners: readonly PartnerWebhookConfig[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Each problem as `PARTNER_WEBHOOKS[2].url: must be https …`; values are never repeated. */
export function parsePartnerWebhooks(text: string | undefined): PartnerWebhooksParse {
  const parsed = partnerWebhooksSchema.safeParse(text);
  if (parsed.success) return { ok: true, partners: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const where = issue.path.map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`)).join('');
      return `PARTNER_WEBHOOKS${where}: ${issue.message}`;
    }),
  };
}
