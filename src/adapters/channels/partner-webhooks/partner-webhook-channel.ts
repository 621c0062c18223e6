import type { BroadcastChannel, BroadcastOutcome } from '../../../app/ports/broadcast-channel.js';
import type { Clock } from '../../../app/ports/clock.js';
import type { Logger } from '../../../app/ports/logger.js';
import { ACTION_EVENT_KINDS, type ActionEventKind } from '../../../domain/broadcast/action-event.js';
import { outcomeOfAnswer } from './partner-webhook-outcome.js';
import { partnerWebhookPayload } from './partner-webhook-payload.js';
import { checkPartnerWebhookUrl } from './partner-webhook-url.js';
import { isValidWebhookId, signWebhook, type WebhookSecret } from './standard-webhook-signature.js';
import { createWebhookAgent, sendWebhookRequest } from './webhook-request.js';

/** One partner that receives actions: an Amber Alert screen network, a newsroom, a neighbouring country's police. */
export interface PartnerWebhook {
  /** A slug: part of the destination the outbox keys on, so it never changes for a partner. */
  readonly id: string;
  readonly url: string;
  /** One, or two while the partner moves to a new one: every message is signed with each. */
  readonly secrets: readonly WebhookSecret[];
  /** The kinds this partner wants; all when absent. */
  readonly events?: readonly ActionEventKind[];
  readonly timeoutMs: number;
}

export interface PartnerWebhookChannelDeps {
  /** Gives the `webhook-timestamp` of each attempt. */
  readonly clock: Clock;
  readonly logger: Logger;
  /** The public site (PUBLIC_BASE_URL): each payload links to the action's page there. */
  readonly publicBaseUrl: string;
}

export const PARTNER_WEBHOOK_DESTINATION_PREFIX = 'partner-webhook:';
export const PARTNER_WEBHOOK_USER_AGENT = 'Burgernet-Webhooks/1.0';
/** The outbox sends one event at a time per partner; a second connection covers a close racing a new request. */
const CONNECTIONS_PER_PARTNER = 2;

/**
 * A partner's webhook as a broadcast channel: each event one signed POST (Standard Webhooks), its answer mapped
 * to delivered, retry or rejected. Keeps nothing between events; order and retries are the outbox's. The secrets
 * and the body are never logged.
 */
export function createPartnerWebhookChannel(
  partner: PartnerWebhook,
  deps: PartnerWebhookChannelDeps,
): BroadcastChannel {
  const checked = checkPartnerWebhookUrl(partner.url);
  if (!checked.ok) throw new RangeError(`partner ${partner.id}: the webhook URL is unusable (${checked.problem})`);
  if (partner.secrets.length === 0) throw new RangeError(`partner ${partner.id}: no signing secret`);
  const url = checked.url;
  const destination = `${PARTNER_WEBHOOK_DESTINATION_PREFIX}${partner.id}`;
  const kinds = new Set<ActionEventKind>(partner.events ?? ACTION_EVENT_KINDS);
  const agent = createWebhookAgent(url, CONNECTIONS_PER_PARTNER);
  const closing = new AbortController();

  return {
    destination,

    accepts: (event) => kinds.has(event.kind),

    async publish(event) {
      if (closing.signal.aborted) return { kind: 'retry', reason: 'channel-closed', status: null, retryAfterMs: null };
      // An id no receiver could verify would come back refused on every try; say so at once.
      if (!isValidWebhookId(event.id)) return { kind: 'rejected', reason: 'invalid-webhook-id', status: null };
      const body = Buffer.from(JSON.stringify(partnerWebhookPayload(event, deps.publicBaseUrl)), 'utf8');
      const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
      const response = await sendWebhookRequest({
        url,
        agent,
        headers: {
          'content-type': 'application/json',
          'user-agent': PARTNER_WEBHOOK_USER_AGENT,
          'webhook-id': event.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook({ id: event.id, timestamp, body, secrets: partner.secrets }),
        },
        body,
        timeoutMs: partner.timeoutMs,
        closing: closing.signal,
      });
      const outcome: BroadcastOutcome =
        response.kind === 'answered'
          ? outcomeOfAnswer(response.status, response.retryAfter, deps.clock.now())
          : { kind: 'retry', reason: response.failure, status: null, retryAfterMs: null };
      const fields = {
        destination,
        eventId: event.id,
        eventKind: event.kind,
        outcome: outcome.kind,
        status: outcome.status,
      };
      // The outbox records every outcome; the log only helps while watching. A partner that is down retries often.
      if (outcome.kind === 'delivered') deps.logger.debug(fields, 'partner webhook delivered');
      else if (outcome.kind === 'retry')
        deps.logger.info({ ...fields, reason: outcome.reason }, 'partner webhook to be tried again');
      else deps.logger.warn({ ...fields, reason: outcome.reason }, 'partner webhook refused');
      return outcome;
    },

    async close() {
      closing.abort();
      agent.destroy();
    },
  };
}
