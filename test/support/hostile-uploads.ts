import { deflateSync } from 'node:zlib';

function pngHeader(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    // The CRC is left zero: a decoder that checks it refuses the file, one that does not reads on.
    return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Files nobody should be able to store as a photo. */
export const HOSTILE_FILES: readonly { readonly name: string; readonly type: string; readonly bytes: Uint8Array }[] = [
  { name: 'leeg.jpg', type: 'image/jpeg', bytes: new Uint8Array(0) },
  { name: 'ruis.jpg', type: 'image/jpeg', bytes: Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256) },
  { name: 'afgebroken.jpg', type: 'image/jpeg', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]) },
  { name: 'bom.png', type: 'image/png', bytes: pngHeader(100_000, 100_000) },
  { name: 'nul.png', type: 'image/png', bytes: pngHeader(0, 0) },
  {
    name: 'script.svg',
    type: 'image/svg+xml',
    bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  },
  { name: '../../etc/passwd', type: 'text/plain', bytes: Buffer.from('root:x:0:0') },
  { name: 'pagina.html', type: 'text/html', bytes: Buffer.from('<html><script>alert(1)</script></html>') },
];

const HEADER = 'naam;postcode;huisnummer;toevoeging;telefoon;kanaal;e-mail;tijden';

/** Import files a spreadsheet, a mistake or an attacker makes. */
export const HOSTILE_CSV: readonly string[] = [
  '',
  '\ufeff',
  'naam;postcode\r\nA;1012AB',
  `${HEADER}\r\n"=cmd|' /C calc'!A0";3511 AB;1;;0612345678;sms;;`,
  `${HEADER}\r\n"onafgesloten;3511 AB;1;;0612345678;sms;;`,
  `${HEADER}\r\nNUL\u0000naam;3511 AB;1;;0612345678;sms;;`,
  `${HEADER}\r\nHalf \ud800;3511 AB;1;;0612345678;sms;;`,
  `${HEADER}\r\n${'x'.repeat(50_000)};3511 AB;1;;0612345678;sms;;`,
  `${HEADER}\r\n${';'.repeat(20_000)}`,
  `${HEADER}\r\nA;3511 AB;-1;;0612345678;sms;;\r\nB;3511 AB;99999999999999999999;;0612345678;sms;;`,
  `${HEADER}\r\nA;3511 AB;1;;0612345678;fax;nee;elke dag van 25:00 tot 26:00`,
  `${HEADER}\r\n<script>alert(1)</script>;' OR 1=1 --;1;;0612345678;sms;x@y;ma 08:00-17:00`,
  `${HEADER}\r\n${'A;3511 AB;1;;0612345678;sms;;\r\n'.repeat(3)}`,
  '\u0000\u0001\u0002\u00ff',
];
