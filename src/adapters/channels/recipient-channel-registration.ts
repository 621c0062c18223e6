import type { Logger } from 'pino';
import type { Clock } from '../../app/ports/clock.js';
import type { Config } from '../../config.js';
import type { Started } from '../started.js';

/** What every per-recipient channel gets besides its own configuration. */
export interface RecipientChannelDeps {
  /** The root logger: each channel makes its own children (`component: 'smpp'`, `'smsc-simulator'`, …). */
  readonly logger: Logger;
  readonly clock: Clock;
}

/**
 * What a started per-recipient channel hands out: the adapter of its port (`SmsChannel`, `VoiceChannel`,
 * `EmailChannel`, `PushChannel`), its built-in simulator when the configuration asks for one (the demo and the
 * tests find it there), and whatever else of its own the rest of the system needs.
 */
export interface RecipientChannelValue {
  readonly channel: object;
  readonly simulator: object | null;
}

/**
 * How a per-recipient channel (one message per person: SMS, voice, push, e-mail) joins the system: its name, the
 * configuration keys it reads, and how it starts (the simulator first, when configured, then the adapter) and
 * stops. The composition root lists these registrations, one line each (src/compose/channel-registry.ts), gives
 * each only its own keys and starts them in that order; what sends through them (the dispatchers, the push
 * fan-out, the mail worker) is composed apart.
 */
export interface RecipientChannelRegistration<
  K extends keyof Config = keyof Config,
  V extends RecipientChannelValue = RecipientChannelValue,
> {
  readonly name: string;
  readonly keys: readonly K[];
  start(config: Readonly<Pick<Config, K>>, deps: RecipientChannelDeps): Promise<Started<V>>;
}
