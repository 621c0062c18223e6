import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../../config.js';
import type { QuietHours } from '../../../domain/voice/quiet-hours.js';
import { createCachedSynthesizer, type CachedSynthesizer } from '../../tts/cached-synthesizer.js';
import { chooseEspeakSynthesizer } from '../../tts/choose-espeak-synthesizer.js';
import { createSipVoiceChannel, type SipVoiceChannel } from './sip-voice-channel.js';
import { startVoiceSimulator, type VoiceSimulator } from './voice-simulator.js';

export interface VoiceSystem {
  readonly channel: SipVoiceChannel;
  /** The built-in SIP endpoint the calls go to when VOICE=simulator. */
  readonly simulator: VoiceSimulator | null;
  readonly synthesizer: CachedSynthesizer;
  close(): Promise<void>;
}

/** Speech, the SIP user agent and (for the demo and tests) the simulated trunk, from the configuration. */
export async function startVoice(config: Config, logger: Logger): Promise<VoiceSystem> {
  const credentials = config.VOICE_TRUNK_USERNAME === '' ? null : { username: config.VOICE_TRUNK_USERNAME, password: config.VOICE_TRUNK_PASSWORD };
  const simulator =
    config.VOICE === 'simulator'
      ? await startVoiceSimulator({ port: config.VOICE_SIMULATOR_PORT, credentials, logger: logger.child({ component: 'voice-simulator' }) })
      : null;
  const speech = await chooseEspeakSynthesizer({
    engine: config.VOICE_TTS_ENGINE,
    voice: config.VOICE_TTS_VOICE,
    wordsPerMinute: config.VOICE_TTS_WORDS_PER_MINUTE,
  });
  logger.info({ engine: speech.engine, ...(speech.programUnavailable === null ? {} : { programUnavailable: speech.programUnavailable }) }, 'speech engine');
  const synthesizer = createCachedSynthesizer(speech.synthesizer, {
    variant: speech.variant,
    maxMemoryBytes: config.VOICE_TTS_CACHE_MB * 1024 * 1024,
    directory: config.VOICE_TTS_DISK_CACHE ? join(config.DATA_DIR, 'tts') : null,
  });
  const rtpPorts = config.VOICE_RTP_PORT_MIN > 0 && config.VOICE_RTP_PORT_MAX >= config.VOICE_RTP_PORT_MIN
    ? { min: config.VOICE_RTP_PORT_MIN, max: config.VOICE_RTP_PORT_MAX }
    : null;
  const channel = await createSipVoiceChannel(
    {
      trunkHost: simulator?.host ?? config.VOICE_TRUNK_HOST,
      trunkPort: simulator?.port ?? config.VOICE_TRUNK_PORT,
      transport: config.VOICE_TRUNK_TRANSPORT,
      domain: config.VOICE_TRUNK_DOMAIN,
      credentials,
      callerId: config.VOICE_CALLER_ID,
      callerName: config.VOICE_CALLER_NAME,
      localHost: config.VOICE_LOCAL_HOST === '' ? null : config.VOICE_LOCAL_HOST,
      localPort: config.VOICE_SIP_LOCAL_PORT,
      rtpPorts,
      maxConcurrentCalls: config.VOICE_MAX_CONCURRENT_CALLS,
      ringTimeoutMs: config.VOICE_RING_TIMEOUT_SECONDS * 1000,
      maxCallMs: config.VOICE_MAX_CALL_SECONDS * 1000,
    },
    { synthesizer, logger: logger.child({ component: 'voice-sip' }) },
  );
  return {
    channel,
    simulator,
    synthesizer,
    async close() {
      await channel.close();
      await simulator?.close();
      await speech.close();
    },
  };
}

/** "21:00-08:00" as minutes since midnight. */
export function parseQuietHours(text: string): QuietHours {
  const [start, end] = text.split('-').map((hm) => {
    const [h, m] = hm.split(':').map(Number);
    return (h ?? 0) * 60 + (m ?? 0);
  });
  return { startMinute: start ?? 0, endMinute: end ?? 0 };
}
