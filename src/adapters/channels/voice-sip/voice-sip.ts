import { join } from 'node:path';
import { createCachedSynthesizer, type CachedSynthesizer } from '../../tts/cached-synthesizer.js';
import { chooseEspeakSynthesizer } from '../../tts/choose-espeak-synthesizer.js';
import type { RecipientChannelRegistration } from '../recipient-channel-registration.js';
import { createSipVoiceChannel, type SipVoiceChannel } from './sip-voice-channel.js';
import { startVoiceSimulator, type VoiceSimulator } from './voice-simulator.js';

const KEYS = [
  'DATA_DIR',
  'VOICE',
  'VOICE_SIMULATOR_PORT',
  'VOICE_TRUNK_HOST',
  'VOICE_TRUNK_PORT',
  'SIP_UDP_RECEIVE_BUFFER_BYTES',
  'VOICE_TRUNK_TRANSPORT',
  'VOICE_TRUNK_DOMAIN',
  'VOICE_TRUNK_USERNAME',
  'VOICE_TRUNK_PASSWORD',
  'VOICE_CALLER_ID',
  'VOICE_CALLER_NAME',
  'VOICE_LOCAL_HOST',
  'VOICE_SIP_LOCAL_PORT',
  'VOICE_RTP_PORT_MIN',
  'VOICE_RTP_PORT_MAX',
  'VOICE_MAX_CONCURRENT_CALLS',
  'VOICE_RING_TIMEOUT_SECONDS',
  'VOICE_MAX_CALL_SECONDS',
  'VOICE_TTS_ENGINE',
  'VOICE_TTS_VOICE',
  'VOICE_TTS_WORDS_PER_MINUTE',
  'VOICE_TTS_CACHE_MB',
  'VOICE_TTS_DISK_CACHE',
] as const;

export interface Voice {
  readonly channel: SipVoiceChannel;
  /** The built-in SIP endpoint the calls go to when VOICE=simulator. */
  readonly simulator: VoiceSimulator | null;
  readonly synthesizer: CachedSynthesizer;
}

/** Voice calls: speech (espeak-ng, the program or its WebAssembly build), the SIP user agent, and (demo, tests) the simulated trunk. */
export const voiceSip: RecipientChannelRegistration<(typeof KEYS)[number], Voice> = {
  name: 'voice-sip',
  keys: KEYS,
  async start(config, { logger }) {
    const credentials =
      config.VOICE_TRUNK_USERNAME === ''
        ? null
        : { username: config.VOICE_TRUNK_USERNAME, password: config.VOICE_TRUNK_PASSWORD };
    const simulator =
      config.VOICE === 'simulator'
        ? await startVoiceSimulator({
            port: config.VOICE_SIMULATOR_PORT,
            credentials,
            // The simulator names its own component in the log.
            logger,
          })
        : null;
    const speech = await chooseEspeakSynthesizer({
      engine: config.VOICE_TTS_ENGINE,
      voice: config.VOICE_TTS_VOICE,
      wordsPerMinute: config.VOICE_TTS_WORDS_PER_MINUTE,
    });
    logger.info(
      {
        engine: speech.engine,
        ...(speech.programUnavailable === null ? {} : { programUnavailable: speech.programUnavailable }),
      },
      'speech engine',
    );
    const synthesizer = createCachedSynthesizer(speech.synthesizer, {
      variant: speech.variant,
      maxMemoryBytes: config.VOICE_TTS_CACHE_MB * 1024 * 1024,
      directory: config.VOICE_TTS_DISK_CACHE ? join(config.DATA_DIR, 'tts') : null,
    });
    const rtpPorts =
      config.VOICE_RTP_PORT_MIN > 0 && config.VOICE_RTP_PORT_MAX >= config.VOICE_RTP_PORT_MIN
        ? { min: config.VOICE_RTP_PORT_MIN, max: config.VOICE_RTP_PORT_MAX }
        : null;
    const channel = await createSipVoiceChannel(
      {
        trunkHost: simulator?.host ?? config.VOICE_TRUNK_HOST,
        trunkPort: simulator?.port ?? config.VOICE_TRUNK_PORT,
        transport: config.VOICE_TRUNK_TRANSPORT,
        receiveBufferBytes: config.SIP_UDP_RECEIVE_BUFFER_BYTES,
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
      value: { channel, simulator, synthesizer },
      async stop() {
        await channel.close();
        await simulator?.close();
        await speech.close();
      },
    };
  },
};
