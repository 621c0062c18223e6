/**
 * GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1), indexed by septet value.
 * 0x1B is not a character: it escapes to the extension table.
 */
const BASIC_TABLE =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

export const GSM7_ESCAPE = 0x1b;

const basicSeptets = new Map<string, number>();
for (let septet = 0; septet < BASIC_TABLE.length; septet += 1) {
  if (septet !== GSM7_ESCAPE) basicSeptets.set(BASIC_TABLE.charAt(septet), septet);
}

/** Extension table: each costs two septets on the wire (escape + this septet). */
const extensionSeptets: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

const basicChars: readonly string[] = [...BASIC_TABLE];
const extensionChars = new Map<number, string>([...extensionSeptets].map(([ch, septet]) => [septet, ch]));

/** The septet of a basic-table character, or undefined. */
export const gsm7BasicSeptet = (ch: string): number | undefined => basicSeptets.get(ch);

/** The septet (after the escape) of an extension-table character, or undefined. */
export const gsm7ExtensionSeptet = (ch: string): number | undefined => extensionSeptets.get(ch);

/** The character a basic septet stands for (undefined for the escape and values above 0x7F). */
export const gsm7BasicChar = (septet: number): string | undefined =>
  septet === GSM7_ESCAPE ? undefined : basicChars[septet];

export const gsm7ExtensionChar = (septet: number): string | undefined => extensionChars.get(septet);

/** Septets one character takes: 1 (basic), 2 (extension) or undefined (not in GSM 03.38). */
export function gsm7SeptetCount(ch: string): 1 | 2 | undefined {
  if (basicSeptets.has(ch)) return 1;
  if (extensionSeptets.has(ch)) return 2;
  return undefined;
}

/** Every character GSM 03.38 can carry, for tests and tooling. */
export const GSM7_CHARACTERS: readonly string[] = [...basicSeptets.keys(), ...extensionSeptets.keys()];
