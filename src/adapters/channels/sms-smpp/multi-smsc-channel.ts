import type { OutboundSms, SmsReceipt, SmsSubmitOutcome } from '../../../app/ports/sms-channel.js';
import type { SmppChannel } from './smpp-channel.js';

/**
 * One SmppChannel over several SMSC connection profiles. Every SMS goes to the first (a failover to the others is
 * not made yet); every profile stays bound, so that the receipts of what was sent there earlier (before a change
 * of provider) still come in, each with the name of the profile it came from.
 */
export function createMultiSmscChannel(channels: readonly SmppChannel[]): SmppChannel {
  const [first] = channels;
  if (first === undefined) throw new RangeError('at least one SMSC connection profile');
  if (channels.length === 1) return first;
  const names = channels.map((c) => c.profile);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) throw new RangeError(`SMSC connection profile ${twice} is named twice`);
  return {
    profile: first.profile,
    async ready() {
      await Promise.all(channels.map((c) => c.ready()));
    },
    submit(sms: OutboundSms): Promise<SmsSubmitOutcome> {
      return first.submit(sms);
    },
    onReceipt(listener: (receipt: SmsReceipt) => Promise<void>) {
      for (const channel of channels) channel.onReceipt(listener);
    },
    async close() {
      await Promise.all(channels.map((c) => c.close()));
    },
  };
}
