import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseEspeakSynthesizer, type ChooseEspeakOptions } from './choose-espeak-synthesizer.js';

const DUTCH = { voice: 'nl', wordsPerMinute: 150 } as const;
const ABSENT = 'espeak-ng-that-is-not-installed';

async function speakWith(options: ChooseEspeakOptions) {
  const chosen = await chooseEspeakSynthesizer(options);
  try {
    const audio = await chosen.synthesizer.render('Heeft u iets gezien?');
    return { chosen, audio };
  } finally {
    await chosen.close();
  }
}

describe('choosing the espeak-ng that speaks', () => {
  it('takes the WebAssembly build when the program is not on PATH, and says why', async () => {
    const { chosen, audio } = await speakWith({ ...DUTCH, engine: 'auto', command: ABSENT });
    assert.equal(chosen.kind, 'wasm');
    assert.match(chosen.engine, /^espeak-ng WebAssembly \(npm @echogarden\/espeak-ng-emscripten \d+\.\d+\.\d+\)$/);
    assert.equal(chosen.programUnavailable, `${ABSENT} is not on PATH`);
    assert.equal(chosen.variant, 'espeak-ng-wasm/nl/150');
    assert.ok(audio.durationMs > 700 && audio.durationMs < 5_000, `${audio.durationMs} ms`);
  });

  it('takes the WebAssembly build when the program fails', async () => {
    // `false` is there but fails whatever it is asked.
    const chosen = await chooseEspeakSynthesizer({ ...DUTCH, engine: 'auto', command: 'false' });
    await chosen.close();
    assert.equal(chosen.kind, 'wasm');
    assert.match(chosen.programUnavailable ?? '', /^false --version failed/);
  });

  it('takes the program when it runs, under the cache key it always had', async () => {
    const { chosen, audio } = await speakWith({ ...DUTCH, engine: 'auto' });
    assert.equal(chosen.kind, 'program');
    assert.match(chosen.engine, /^espeak-ng program \d+\.\d+/);
    assert.equal(chosen.programUnavailable, null);
    assert.equal(chosen.variant, 'espeak-ng/nl/150');
    assert.ok(audio.durationMs > 700 && audio.durationMs < 5_000, `${audio.durationMs} ms`);
  });

  it('takes the WebAssembly build when asked to, without looking for the program', async () => {
    const { chosen } = await speakWith({ ...DUTCH, engine: 'wasm' });
    assert.equal(chosen.kind, 'wasm');
    assert.equal(chosen.programUnavailable, null);
  });

  it('refuses to start when the program is asked for and is not there', async () => {
    await assert.rejects(chooseEspeakSynthesizer({ ...DUTCH, engine: 'program', command: ABSENT }), {
      message: `the espeak-ng program was asked for, but ${ABSENT} is not on PATH`,
    });
  });
});
