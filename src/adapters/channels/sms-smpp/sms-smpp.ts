import type { RecipientChannelRegistration } from '../recipient-channel-registration.js';
import { SMSC_HEALTH_DEFAULTS, type SmscHealthRules } from '../../../domain/delivery/smsc-health.js';
import { createMultiSmscChannel, type MultiSmscChannel } from './multi-smsc-channel.js';
import { createSmppChannel, type SmppChannel } from './smpp-channel.js';
import { startSmscSimulator, type SmscSimulator } from './smsc-simulator.js';
import { defaultProfileName, profilePriorities } from './smsc-profile-config.js';

const KEYS = [
  'SMSC',
  'SMSC_SIMULATOR_PORT',
  'SMPP_HOST',
  'SMPP_PORT',
  'SMPP_SYSTEM_ID',
  'SMPP_PASSWORD',
  'SMPP_SYSTEM_TYPE',
  'SMPP_SOURCE_ADDRESS',
  'SMPP_BINDS',
  'SMPP_WINDOW',
  'SMPP_MESSAGES_PER_SECOND',
  'SMPP_ENQUIRE_LINK_SECONDS',
  'SMPP_PROFILE',
  'SMPP_SECONDARY_PROFILES',
  'SMPP_PRIORITY',
  'SMSC_FAILOVER_RECEIPT_SECONDS',
  'SMSC_FAILOVER_MISSING_PERCENT',
  'SMSC_FAILOVER_MIN_SAMPLE',
  'SMSC_FAILOVER_ERROR_ANSWERS',
  'SMSC_FAILOVER_UNBOUND_SECONDS',
  'SMSC_FAILOVER_PROBE_SECONDS',
  'SMSC_FAILOVER_TRIAL_MESSAGES',
  'SMSC_FAILOVER_HEALTHY_SECONDS',
] as const;

/** A lost bind is tried again after this long, doubling up to the maximum. */
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 30_000;
/** A submit_sm the SMSC has not answered by then counts as not sent (and is tried again). */
const SUBMIT_TIMEOUT_MS = 10_000;

export interface Sms {
  /** SMS go to the healthiest SMSC connection profile of highest priority; receipts come from every profile. */
  readonly channel: MultiSmscChannel;
  /** The built-in SMSC (SMSC=simulator), or null. */
  readonly simulator: SmscSimulator | null;
}

/** SMS over SMPP 3.4: the channel's binds, to the built-in SMSC simulator in the demo and tests. */
export const smsSmpp: RecipientChannelRegistration<(typeof KEYS)[number], Sms> = {
  name: 'sms-smpp',
  keys: KEYS,
  async start(config, deps) {
    const simulator =
      config.SMSC === 'simulator'
        ? await startSmscSimulator({
            port: config.SMSC_SIMULATOR_PORT,
            systemId: config.SMPP_SYSTEM_ID,
            password: config.SMPP_PASSWORD,
            // The simulator names its own component in the log.
            logger: deps.logger,
          })
        : null;
    const logger = deps.logger.child({ component: 'smpp' });
    const shared = {
      sourceAddress: config.SMPP_SOURCE_ADDRESS,
      binds: config.SMPP_BINDS,
      windowSize: config.SMPP_WINDOW,
      messagesPerSecond: config.SMPP_MESSAGES_PER_SECOND,
      enquireLinkIntervalMs: config.SMPP_ENQUIRE_LINK_SECONDS * 1000,
      reconnectMinMs: RECONNECT_MIN_MS,
      reconnectMaxMs: RECONNECT_MAX_MS,
      submitTimeoutMs: SUBMIT_TIMEOUT_MS,
    };
    const host = simulator?.host ?? config.SMPP_HOST;
    const port = simulator?.port ?? config.SMPP_PORT;
    const primary = {
      profile: config.SMPP_PROFILE || defaultProfileName(host, port, config.SMPP_SYSTEM_ID),
      host,
      port,
      systemId: config.SMPP_SYSTEM_ID,
      password: config.SMPP_PASSWORD,
      systemType: config.SMPP_SYSTEM_TYPE,
    };
    const profiles = [
      primary,
      ...config.SMPP_SECONDARY_PROFILES.map(({ name, priority: _, ...rest }) => ({ profile: name, ...rest })),
    ];
    const priorities = profilePriorities(config.SMPP_PRIORITY, config.SMPP_SECONDARY_PROFILES);
    const rules: SmscHealthRules = {
      ...SMSC_HEALTH_DEFAULTS,
      receiptTimeoutMs: config.SMSC_FAILOVER_RECEIPT_SECONDS * 1_000,
      maxMissingShare: config.SMSC_FAILOVER_MISSING_PERCENT / 100,
      minSample: config.SMSC_FAILOVER_MIN_SAMPLE,
      maxErrorAnswers: config.SMSC_FAILOVER_ERROR_ANSWERS,
      unboundGraceMs: config.SMSC_FAILOVER_UNBOUND_SECONDS * 1_000,
      probeAfterMs: config.SMSC_FAILOVER_PROBE_SECONDS * 1_000,
      trialMessages: config.SMSC_FAILOVER_TRIAL_MESSAGES,
      minHealthyMs: config.SMSC_FAILOVER_HEALTHY_SECONDS * 1_000,
    };
    const channels: SmppChannel[] = [];
    try {
      for (const profile of profiles) {
        channels.push(
          createSmppChannel(
            { ...shared, ...profile },
            { logger: logger.child({ smsc: profile.profile }), clock: deps.clock },
          ),
        );
      }
      const channel = createMultiSmscChannel(
        channels.map((c, index) => ({ channel: c, priority: priorities[index] ?? null })),
        { rules, clock: deps.clock, logger },
      );
      return {
        value: { channel, simulator },
        async stop() {
          await channel.close();
          await simulator?.close();
        },
      };
    } catch (error) {
      await Promise.all(channels.map((c) => c.close()));
      await simulator?.close();
      throw error;
    }
  },
};
