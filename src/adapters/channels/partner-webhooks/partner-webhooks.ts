import type { BroadcastChannelRegistration } from '../broadcast-channel-registration.js';
import { createPartnerWebhookChannel } from './partner-webhook-channel.js';

/** Signed partner webhooks (Standard Webhooks): a destination per configured partner. */
export const partnerWebhooks: BroadcastChannelRegistration<'PARTNER_WEBHOOKS' | 'PUBLIC_BASE_URL'> = {
  name: 'partner-webhooks',
  keys: ['PARTNER_WEBHOOKS', 'PUBLIC_BASE_URL'],
  create: (config, deps) =>
    config.PARTNER_WEBHOOKS.map((partner) =>
      createPartnerWebhookChannel(partner, {
        clock: deps.clock,
        logger: deps.logger,
        publicBaseUrl: config.PUBLIC_BASE_URL,
      }),
    ),
};
