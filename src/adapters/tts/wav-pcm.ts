/** 16-bit linear PCM from a RIFF/WAVE file, mixed down to mono. */
export interface PcmAudio {
  readonly sampleRate: number;
  readonly samples: Int16Array;
}

/**
 * Reads a 16-bit PCM WAV. espeak-ng writes to a pipe with placeholder sizes (0x7ffffff…), so a data chunk
 * that claims more than is there is read to the end of the buffer.
 */
export function parseWav(wav: Buffer): PcmAudio {
  if (wav.length < 12 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; code: number } | null = null;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    const start = offset + 8;
    if (id === 'fmt ') {
      if (start + 16 > wav.length) throw new Error('WAV fmt chunk is cut short');
      format = {
        code: wav.readUInt16LE(start),
        channels: wav.readUInt16LE(start + 2),
        sampleRate: wav.readUInt32LE(start + 4),
        bits: wav.readUInt16LE(start + 14),
      };
    } else if (id === 'data') {
      if (format === null) throw new Error('WAV data before fmt');
      if (format.code !== 1 || format.bits !== 16 || format.channels < 1) throw new Error('WAV is not 16-bit PCM');
      const end = Math.min(wav.length, start + size);
      const frames = Math.floor((end - start) / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i++) {
        let sum = 0;
        for (let c = 0; c < format.channels; c++) sum += wav.readInt16LE(start + (i * format.channels + c) * 2);
        samples[i] = Math.round(sum / format.channels);
      }
      return { sampleRate: format.sampleRate, samples };
    }
    offset = start + size + (size % 2);
  }
  throw new Error('WAV has no data chunk');
}

/** A mono 16-bit WAV, for the disk cache (and for a person who wants to listen to what a call says). */
export function formatWav(audio: PcmAudio): Buffer {
  const data = audio.samples.length * 2;
  const wav = Buffer.alloc(44 + data);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + data, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(audio.sampleRate, 24);
  wav.writeUInt32LE(audio.sampleRate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(data, 40);
  for (let i = 0; i < audio.samples.length; i++) wav.writeInt16LE(audio.samples[i]!, 44 + i * 2);
  return wav;
}
