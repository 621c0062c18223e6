import fc from 'fast-check';

function nested(depth: number, inner: (child: unknown) => unknown): unknown {
  let value: unknown = 'bodem';
  for (let i = 0; i < depth; i++) value = inner(value);
  return value;
}

/** Strings an attacker or a broken client sends: in a body, a query string or a path. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\r\n',
  'x'.repeat(100_000),
  'é'.repeat(20_000),
  '\u0000',
  'voor\u0000na',
  '\ud800',
  'lone \udfff low',
  '\ufeffBOM',
  '__proto__',
  'constructor',
  'prototype',
  "' OR '1'='1",
  '1; DROP TABLE actions; --',
  "' union select token_hash from api_tokens --",
  '%',
  '_',
  '\\',
  '"',
  "'",
  'NaN',
  'Infinity',
  '-Infinity',
  '1e999',
  '-1',
  '0',
  '9007199254740993',
  '0x1F',
  'null',
  'undefined',
  'true',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF',
  '2026-02-30T25:61:61Z',
  '-271821-04-20T00:00:00.000Z',
  '275760-09-13',
  '9999-12-31T23:59:59.999999999Z',
  '\u202egnp.exe',
  'مرحبا بالعالم',
  '👮‍♀️🚨🏳️‍🌈',
  'Z̴̡̛͓̈́a̸̢̧l̵g̶o̷',
  'ﬁ１２３',
  "=cmd|' /C calc'!A0",
  '+SUM(1;1)',
  '-2+3',
  '@HYPERLINK("http://evil.example")',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  'a\r\nSet-Cookie: sessie=gestolen',
  '%s%s%s%n',
  '{{7*7}}${7*7}',
  'RE05',
  'GM0363',
  'RE99',
  'GM9999',
];

/** Anything a JSON body can hold where a field expects something else. */
export const HOSTILE_JSON: readonly unknown[] = [
  ...HOSTILE_STRINGS,
  null,
  true,
  false,
  0,
  -0,
  -1,
  1.5,
  -1e308,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e21,
  [],
  {},
  [null],
  [[[]]],
  ['a', 1, null],
  { $gt: '' },
  { $ne: null, $where: 'sleep(10000)' },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
  { '\u0000': 'sleutel met NUL', '\ud800': 'halve sleutel' },
  Array.from({ length: 10_000 }, (_, i) => i),
  nested(2_000, (child) => [child]),
  nested(2_000, (child) => ({ a: child })),
];

/** Draws from the hostile corpus and from fast-check's arbitrary strings and JSON, repeatably for one seed. */
export class HostileDraw {
  #seed: number;

  constructor(seed: number) {
    this.#seed = seed;
  }

  /** `count` different values from the corpus, plus one generated. */
  json(count: number): unknown[] {
    return this.#draw(HOSTILE_JSON, count, fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.jsonValue()));
  }

  strings(count: number): string[] {
    return this.#draw(HOSTILE_STRINGS, count, fc.string({ unit: 'binary', maxLength: 40 }));
  }

  #draw<T>(corpus: readonly T[], count: number, generated: fc.Arbitrary<T>): T[] {
    const seed = this.#seed++;
    const [picked] = fc.sample(fc.shuffledSubarray([...corpus], { minLength: count, maxLength: count }), {
      seed,
      numRuns: 1,
    });
    const [extra] = fc.sample(generated, { seed, numRuns: 1 });
    return [...picked!, extra!];
  }
}

/**
 * A string for a URL: percent-encoded, and where it holds half a surrogate pair (which UTF-8 cannot encode)
 * the bytes of one anyway, as a broken client would send them.
 */
export function urlEncoded(value: string): string {
  if (value.isWellFormed()) return encodeURIComponent(value);
  return encodeURIComponent(value.toWellFormed()).replaceAll('%EF%BF%BD', '%ED%A0%80');
}
