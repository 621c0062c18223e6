import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import smpp from 'smpp';
import { GSM7_CHARACTERS } from '../../../domain/sms/gsm-alphabet.js';
import { analyseSmsText } from '../../../domain/sms/sms-text.js';
import { decodeGsm7, decodeUcs2, encodeGsm7, encodeUcs2 } from './gsm-codec.js';

const gsmText = fc.string({ unit: fc.constantFrom(...GSM7_CHARACTERS), maxLength: 160 });

/** Sends octets through the smpp library's PDU encoder and decoder, as the SMSC side would read them. */
function libraryDecoded(octets: Buffer, dataCoding: number): string | Buffer | undefined {
  const pdu = new smpp.PDU('submit_sm', { data_coding: dataCoding, short_message: octets });
  return new smpp.PDU(pdu.toBuffer()).short_message?.message;
}

describe('GSM 03.38 codec', () => {
  test('maps characters to unpacked septets, extension characters behind the escape', () => {
    assert.deepEqual([...encodeGsm7('@A\n€[')], [0x00, 0x41, 0x0a, 0x1b, 0x65, 0x1b, 0x3c]);
    assert.deepEqual([...encodeGsm7('èÉ¿à')], [0x04, 0x1f, 0x60, 0x7f]);
  });

  test('refuses characters outside the alphabet', () => {
    assert.throws(() => encodeGsm7('Zoë'), RangeError);
  });

  test('property: decoding gives back the text, in as many octets as septets', () => {
    fc.assert(
      fc.property(gsmText, (text) => {
        const octets = encodeGsm7(text);
        assert.equal(decodeGsm7(octets), text);
        assert.equal(octets.length, analyseSmsText(text).units);
      }),
    );
  });

  test('property: the smpp library reads our septets as the same text', () => {
    fc.assert(
      fc.property(gsmText, (text) => {
        assert.equal(libraryDecoded(encodeGsm7(text), 0x00), text);
      }),
    );
  });
});

describe('UCS-2 codec', () => {
  test('is big endian and keeps surrogate pairs', () => {
    assert.deepEqual([...encodeUcs2('ë😀')], [0x00, 0xeb, 0xd8, 0x3d, 0xde, 0x00]);
  });

  test('property: decoding gives back the text, also through the smpp library', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 70 }), (text) => {
        const octets = encodeUcs2(text);
        assert.equal(octets.length, text.length * 2);
        assert.equal(decodeUcs2(octets), text);
        assert.equal(libraryDecoded(octets, 0x08), text);
      }),
    );
  });
});
