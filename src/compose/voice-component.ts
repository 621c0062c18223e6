import type { Logger } from 'pino';
import { startVoice, type VoiceSystem } from '../adapters/channels/voice-sip/start-voice.js';
import type { Config } from '../config.js';
import type { Component } from './component.js';

/** Voice calls: speech, the SIP user agent and (demo, tests) the simulated trunk. */
export function voiceComponent(config: Config, deps: { readonly logger: Logger }): Component<VoiceSystem> {
  return {
    name: 'voice',
    async start() {
      const voice = await startVoice(config, deps.logger);
      return { value: voice, stop: () => voice.close() };
    },
  };
}
