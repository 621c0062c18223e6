import type { Logger } from 'pino';
import type { Clock } from '../../../app/ports/clock.js';
import type { OutboundSms, SmsReceipt, SmsSubmitOutcome } from '../../../app/ports/sms-channel.js';
import type { SmscHealthRules } from '../../../domain/delivery/smsc-health.js';
import { smscRoute } from '../../../domain/delivery/smsc-routing.js';
import type { SmppChannel, SmppSignal } from './smpp-channel.js';
import { SmscHealthMonitor, type SmscHealthView } from './smsc-health-monitor.js';

/** Time-based health changes (receipts overdue, probe periods, the minimum healthy time) are looked at this often. */
const HEALTH_TICK_MS = 1_000;

export interface SmscProfileChannel {
  readonly channel: SmppChannel;
  /** 1 is tried first; null: bound for the receipts of what went there before, never sent to. */
  readonly priority: number | null;
}

export interface MultiSmscChannel extends SmppChannel {
  /** Every profile's health, in the order configured. */
  health(): readonly SmscHealthView[];
}

export interface MultiSmscChannelDeps {
  readonly rules: SmscHealthRules;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * One SmppChannel over several SMSC connection profiles, with failover. Each SMS goes to the healthiest profile of
 * highest priority (domain/delivery/smsc-routing.ts); one that ends 'unavailable' there with no part accepted goes
 * to the next at once. Every profile stays bound, so the receipts of what was sent anywhere still come in, each with
 * the name of the profile it came from.
 *
 * An SMS cut short after some parts were accepted (a resume) continues on the profile that has those parts while it
 * is up, under the same concatenation reference. If that profile is not up it is sent whole on another, still under
 * the same reference: the phone reassembles one message from the parts it gets (the first ones may come twice), and
 * the store puts the earlier parts aside as superseded, so the delivery is settled by the receipts of the new ones.
 */
export function createMultiSmscChannel(
  profiles: readonly SmscProfileChannel[],
  deps: MultiSmscChannelDeps,
): MultiSmscChannel {
  if (profiles.length === 0) throw new RangeError('at least one SMSC connection profile');
  const names = profiles.map((p) => p.channel.profile);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) throw new RangeError(`SMSC connection profile ${twice} is named twice`);
  if (profiles.every((p) => p.priority === null)) throw new RangeError('no SMSC connection profile to send to');
  const logger = deps.logger.child({ component: 'smsc-failover' });
  const monitors = profiles.map(
    (p) =>
      new SmscHealthMonitor({ channel: p.channel, priority: p.priority, rules: deps.rules, clock: deps.clock, logger }),
  );
  const byName = new Map(monitors.map((m) => [m.profile, m]));
  const tick = setInterval(() => {
    for (const m of monitors) m.assess();
  }, HEALTH_TICK_MS);
  tick.unref();
  const route = (): SmscHealthMonitor[] =>
    smscRoute(monitors.map((m) => ({ name: m.profile, priority: m.priority, traffic: m.traffic() }))).map((name) =>
      byName.get(name)!,
    );
  const first = route()[0]!;

  async function submit(sms: OutboundSms): Promise<SmsSubmitOutcome> {
    const resume = sms.resume;
    if (resume !== undefined && resume.acceptedParts.length > 0) {
      const holder = resume.smsc === null ? undefined : byName.get(resume.smsc);
      if (holder !== undefined && holder.priority !== null && holder.state === 'up') return holder.submit(sms, false);
      logger.info(
        { deliveryId: sms.deliveryId, smsc: resume.smsc, state: holder?.state ?? 'unknown' },
        'sms resume: the profile with its first parts is not up, sending whole elsewhere',
      );
      sms = { ...sms, resume: { ...resume, smsc: null, acceptedParts: [] } };
    }
    let outcome: SmsSubmitOutcome = { kind: 'unavailable', reason: 'no SMSC connection profile to send to' };
    for (const monitor of route()) {
      outcome = await monitor.submit(sms, monitor.traffic() === 'trial');
      // Parts accepted here keep it here (a resume); nothing accepted anywhere may go to the next.
      if (outcome.kind !== 'unavailable' || outcome.partial !== undefined) return outcome;
    }
    return outcome;
  }

  return {
    get profile() {
      return route()[0]?.profile ?? first.profile;
    },
    async ready() {
      await Promise.all(profiles.map((p) => p.channel.ready()));
    },
    submit,
    onReceipt(listener: (receipt: SmsReceipt) => Promise<void>) {
      for (const monitor of monitors) {
        monitor.channel.onReceipt(async (receipt) => {
          // The SMSC sent it: that is its health, however long storing it takes.
          monitor.receipt(receipt.reference);
          await listener(receipt);
        });
      }
    },
    observe(listener: (signal: SmppSignal) => void) {
      for (const p of profiles) p.channel.observe(listener);
    },
    releaseQueued(reason: string) {
      return profiles.reduce((n, p) => n + p.channel.releaseQueued(reason), 0);
    },
    health() {
      return monitors.map((m) => m.view());
    },
    async close() {
      clearInterval(tick);
      await Promise.all(profiles.map((p) => p.channel.close()));
    },
  };
}
