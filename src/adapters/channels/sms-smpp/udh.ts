/** Concatenation user data headers (3GPP TS 23.040 §9.2.3.24.1 and .8). */

export type ConcatReferenceBits = 8 | 16;

export interface ConcatInfo {
  readonly reference: number;
  readonly total: number;
  /** 1-based. */
  readonly sequence: number;
}

const IEI_CONCAT_8BIT = 0x00;
const IEI_CONCAT_16BIT = 0x08;

/** A complete UDH (with its length octet) for one part of a concatenated message. */
export function concatUdh(info: ConcatInfo, bits: ConcatReferenceBits): Buffer {
  if (bits === 8) {
    return Buffer.from([0x05, IEI_CONCAT_8BIT, 0x03, info.reference & 0xff, info.total, info.sequence]);
  }
  return Buffer.from([
    0x06,
    IEI_CONCAT_16BIT,
    0x04,
    (info.reference >> 8) & 0xff,
    info.reference & 0xff,
    info.total,
    info.sequence,
  ]);
}

/** Finds the concatenation element among information elements (as the smpp library splits them). */
export function findConcatInfo(elements: readonly Uint8Array[]): ConcatInfo | undefined {
  for (const element of elements) {
    const [iei, length] = element;
    if (iei === IEI_CONCAT_8BIT && length === 3 && element.length >= 5) {
      return { reference: element[2] ?? 0, total: element[3] ?? 0, sequence: element[4] ?? 0 };
    }
    if (iei === IEI_CONCAT_16BIT && length === 4 && element.length >= 6) {
      return {
        reference: ((element[2] ?? 0) << 8) | (element[3] ?? 0),
        total: element[4] ?? 0,
        sequence: element[5] ?? 0,
      };
    }
  }
  return undefined;
}
