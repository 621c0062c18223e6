import type { BroadcastChannelRegistration } from '../adapters/channels/broadcast-channel-registration.js';
import { emailSmtp } from '../adapters/channels/email-smtp/email-smtp.js';
import { partnerWebhooks } from '../adapters/channels/partner-webhooks/partner-webhooks.js';
import type { RecipientChannelRegistration } from '../adapters/channels/recipient-channel-registration.js';
import { smsSmpp } from '../adapters/channels/sms-smpp/sms-smpp.js';
import { voiceSip } from '../adapters/channels/voice-sip/voice-sip.js';
import { webPush } from '../adapters/channels/web-push/web-push.js';

/**
 * Every per-recipient channel: one message per person, each with its own outcome (docs/adding-a-channel.md). They
 * start in this order, each as a component of its own, before anything that sends through them; the system hands
 * each one's value out under its name here (`system.sms`, …).
 */
export const RECIPIENT_CHANNELS = {
  sms: smsSmpp,
  voice: voiceSip,
  email: emailSmtp,
  push: webPush,
} as const satisfies Readonly<Record<string, RecipientChannelRegistration>>;

/**
 * Every broadcast channel: one message per action event per destination (docs/adding-a-channel.md). Adding one
 * is a folder under src/adapters/channels/, its keys in src/config.ts, and one line here.
 */
export const BROADCAST_CHANNELS: readonly BroadcastChannelRegistration[] = [partnerWebhooks];
