import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { GSM7_CHARACTERS } from './gsm-alphabet.js';
import { SMS_CAPACITY, analyseSmsText, isGsm7Text, segmentUnits, splitSmsText } from './sms-text.js';

const EXTENSION = ['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f'];
const NON_GSM = ['ë', 'ï', 'ç', '’', '“', '😀', '中', '\u001b', '\t'];

const gsmText = fc.string({ unit: fc.constantFrom(...GSM7_CHARACTERS), maxLength: 700 });
const anyText = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...GSM7_CHARACTERS) },
    { weight: 2, arbitrary: fc.constantFrom(...EXTENSION) },
    { weight: 1, arbitrary: fc.constantFrom(...NON_GSM) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  ),
  maxLength: 500,
});

describe('analyseSmsText', () => {
  test('plain Dutch text without diacritics is one GSM 7-bit part up to 160 septets', () => {
    assert.deepEqual(analyseSmsText('Burgernet: vermist kind, 8 jaar, rode jas. Bel 112.'), {
      encoding: 'gsm7',
      units: 51,
      parts: 1,
    });
    assert.deepEqual(analyseSmsText('a'.repeat(160)), { encoding: 'gsm7', units: 160, parts: 1 });
    assert.deepEqual(analyseSmsText('a'.repeat(161)), { encoding: 'gsm7', units: 161, parts: 2 });
  });

  test('extension characters count as two septets', () => {
    assert.deepEqual(analyseSmsText('€5 [x]'), { encoding: 'gsm7', units: 9, parts: 1 });
    assert.deepEqual(analyseSmsText('€'.repeat(80)), { encoding: 'gsm7', units: 160, parts: 1 });
    assert.deepEqual(analyseSmsText('€'.repeat(81)), { encoding: 'gsm7', units: 162, parts: 2 });
  });

  test('ë is not in GSM 03.38, so the text becomes UCS-2', () => {
    assert.deepEqual(analyseSmsText('Gezocht: Zoë, 12 jaar'), { encoding: 'ucs2', units: 21, parts: 1 });
    assert.deepEqual(analyseSmsText('ë'.repeat(70)), { encoding: 'ucs2', units: 70, parts: 1 });
    assert.deepEqual(analyseSmsText('ë'.repeat(71)), { encoding: 'ucs2', units: 71, parts: 2 });
  });

  test('the accented letters of the basic table stay GSM 7-bit', () => {
    assert.equal(analyseSmsText('é è à ù ì ò ä ö ü ñ Ä Ö Ü Ñ É Ç ß').encoding, 'gsm7');
  });

  test('an emoji takes two UTF-16 units', () => {
    assert.deepEqual(analyseSmsText('😀'), { encoding: 'ucs2', units: 2, parts: 1 });
  });

  test('an empty text is one empty part', () => {
    assert.deepEqual(analyseSmsText(''), { encoding: 'gsm7', units: 0, parts: 1 });
    assert.deepEqual(splitSmsText('').segments, ['']);
  });

  test('a 400-character GSM text takes three parts of at most 153 septets', () => {
    const { encoding, segments } = splitSmsText('x'.repeat(400));
    assert.equal(encoding, 'gsm7');
    assert.deepEqual(
      segments.map((s) => s.length),
      [153, 153, 94],
    );
  });
});

describe('splitSmsText', () => {
  test('never splits an escape pair: an extension character moves whole to the next part', () => {
    const text = `${'a'.repeat(152)}€b${'c'.repeat(10)}`;
    const { segments } = splitSmsText(text);
    assert.deepEqual(
      segments.map((s) => s.length),
      [152, 12],
    );
    assert.ok(segments[1]?.startsWith('€'));
  });

  test('never splits a surrogate pair', () => {
    const text = `${'ë'.repeat(66)}😀${'x'.repeat(10)}`;
    const { segments } = splitSmsText(text);
    assert.equal(segments[0], 'ë'.repeat(66));
    assert.ok(segments[1]?.startsWith('😀'));
  });

  test('property: concatenating the segments gives back the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        assert.equal(splitSmsText(text).segments.join(''), text);
      }),
    );
  });

  test('property: each segment fits its part, and a single part fits a single SMS', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { encoding, segments } = splitSmsText(text);
        const capacity = SMS_CAPACITY[encoding];
        const limit = segments.length === 1 ? capacity.single : capacity.part;
        for (const segment of segments) assert.ok(segmentUnits(segment, encoding) <= limit);
        if (segments.length > 1) for (const segment of segments) assert.ok(segment.length > 0);
      }),
    );
  });

  test('property: segments hold whole code points', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const { segments } = splitSmsText(text);
        assert.deepEqual(
          segments.flatMap((s) => [...s]),
          [...text],
        );
      }),
    );
  });

  test('property: parts equals the number of segments, and units add up', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const analysis = analyseSmsText(text);
        const split = splitSmsText(text);
        assert.equal(analysis.parts, split.segments.length);
        assert.equal(analysis.encoding, split.encoding);
        assert.equal(
          split.segments.reduce((sum, s) => sum + segmentUnits(s, split.encoding), 0),
          analysis.units,
        );
      }),
    );
  });

  test('property: GSM detection is consistent', () => {
    fc.assert(
      fc.property(gsmText, fc.constantFrom(...NON_GSM), fc.nat(), (text, foreign, at) => {
        assert.equal(analyseSmsText(text).encoding, 'gsm7');
        assert.ok(isGsm7Text(text));
        const position = at % (text.length + 1);
        const mixed = text.slice(0, position) + foreign + text.slice(position);
        assert.equal(analyseSmsText(mixed).encoding, 'ucs2');
      }),
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const expected = [...text].every((ch) => GSM7_CHARACTERS.includes(ch)) ? 'gsm7' : 'ucs2';
        assert.equal(analyseSmsText(text).encoding, expected);
      }),
    );
  });

  test('property: GSM texts need no more parts than the septet count allows, plus slack for escapes', () => {
    fc.assert(
      fc.property(gsmText, (text) => {
        const { units, parts } = analyseSmsText(text);
        if (units <= 160) assert.equal(parts, 1);
        else {
          assert.ok(parts >= Math.ceil(units / 153));
          assert.ok(parts <= Math.ceil(units / 152));
        }
      }),
    );
  });
});
