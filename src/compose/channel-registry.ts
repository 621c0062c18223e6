import type { BroadcastChannelRegistration } from '../adapters/channels/broadcast-channel-registration.js';
import { partnerWebhooks } from '../adapters/channels/partner-webhooks/partner-webhooks.js';

/**
 * Every broadcast channel: one message per action event per destination (docs/adding-a-channel.md). Adding one
 * is a folder under src/adapters/channels/, its keys in src/config.ts, and one line here.
 */
export const BROADCAST_CHANNELS: readonly BroadcastChannelRegistration[] = [partnerWebhooks];
