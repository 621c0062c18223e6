import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findGemeente } from './find-gemeente.js';
import type { Gemeente } from './gemeente.js';

const gemeente = (code: string, name: string): Gemeente => ({
  code,
  name,
  provinceCode: 'PV00',
  provinceName: '',
  safetyRegionCode: 'VR00',
  safetyRegionName: '',
  policeUnitCode: 'RE00',
  policeUnitName: '',
  population: 0,
  interior: { lat: 52, lon: 5 },
});
const all = [
  gemeente('GM0363', 'Amsterdam'),
  gemeente('GM0796', "'s-Hertogenbosch"),
  gemeente('GM1900', 'Súdwest-Fryslân'),
  gemeente('GM0014', 'Groningen'),
];

test('a gemeente is found by its code, with or without GM and leading zeros', () => {
  for (const text of ['GM0363', 'gm0363', '0363', '363', ' 363 '])
    assert.equal(findGemeente(all, text)?.code, 'GM0363', text);
  assert.equal(findGemeente(all, '14')?.code, 'GM0014');
  assert.equal(findGemeente(all, 'GM9999'), null);
});

test('a gemeente is found by its whole name, whatever the case, accents, apostrophes, dashes or a leading "gemeente"', () => {
  assert.equal(findGemeente(all, 'amsterdam')?.code, 'GM0363');
  assert.equal(findGemeente(all, 'Gemeente Amsterdam')?.code, 'GM0363');
  assert.equal(findGemeente(all, 's Hertogenbosch')?.code, 'GM0796');
  assert.equal(findGemeente(all, "'S-HERTOGENBOSCH")?.code, 'GM0796');
  assert.equal(findGemeente(all, 'Sudwest Fryslan')?.code, 'GM1900');
  assert.equal(findGemeente(all, 'Amster'), null, 'no guessing from part of a name');
  assert.equal(findGemeente(all, ''), null);
});

test('every gemeente is found by its own name and by its own code', () => {
  fc.assert(
    fc.property(fc.constantFrom(...all), (g) => findGemeente(all, g.name) === g && findGemeente(all, g.code) === g),
  );
});
