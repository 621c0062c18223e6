import type {
  RecipientChannelDeps,
  RecipientChannelRegistration,
  RecipientChannelValue,
} from '../adapters/channels/recipient-channel-registration.js';
import type { Config } from '../config.js';
import type { ComponentStack } from './component.js';
import { sectionOf } from './config-section.js';

type Registrations = Readonly<Record<string, RecipientChannelRegistration>>;

/** What each registration's start hands out, under the name it has in the registry. */
export type RecipientChannels<R extends Registrations> = {
  readonly [N in keyof R]: Awaited<ReturnType<R[N]['start']>>['value'];
};

/**
 * Starts the per-recipient channels of the registry in its order, each as a component of the stack (so each is
 * stopped after whatever started later and sends through it), each given only its own configuration keys.
 */
export async function startRecipientChannels<const R extends Registrations>(
  components: ComponentStack,
  registrations: R,
  config: Config,
  deps: RecipientChannelDeps,
): Promise<RecipientChannels<R>> {
  const started: Record<string, RecipientChannelValue> = {};
  for (const [name, registration] of Object.entries(registrations)) {
    started[name] = await components.start({
      name: registration.name,
      start: () => registration.start(sectionOf(config, registration.keys), deps),
    });
  }
  // Each entry was made by the registration of the same name, so it has that registration's value type.
  return started as RecipientChannels<R>;
}
