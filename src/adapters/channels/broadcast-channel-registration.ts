import type { BroadcastChannel } from '../../app/ports/broadcast-channel.js';
import type { Clock } from '../../app/ports/clock.js';
import type { Logger } from '../../app/ports/logger.js';
import type { Config } from '../../config.js';

/**
 * How a broadcast channel joins the system: its name, the configuration keys it reads, and how it makes its
 * destinations (one per partner, account or display network) from them. The composition root lists these
 * registrations, one line each (src/compose/channel-registry.ts).
 */
export interface BroadcastChannelRegistration<K extends keyof Config = keyof Config> {
  readonly name: string;
  readonly keys: readonly K[];
  /** The destinations this configuration asks for; none when the channel is not configured. */
  create(
    config: Readonly<Pick<Config, K>>,
    deps: { readonly clock: Clock; readonly logger: Logger },
  ): readonly BroadcastChannel[];
}
