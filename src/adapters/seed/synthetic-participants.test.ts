import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { Gemeente } from '../../domain/geo/gemeente.js';
import { distanceInMetres, isInServiceRegion } from '../../domain/geo/lat-lon.js';
import type { Pc4Centroid } from '../../domain/geo/pc4-centroid.js';
import { formatTimeWindows } from '../../domain/time-window/time-window.js';
import { loadGemeenten, loadPc4Centroids } from '../geodata/geodata.js';
import { generateSyntheticParticipants } from './synthetic-participants.js';
import type { SyntheticParticipant } from './synthetic-participants.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('generateSyntheticParticipants', () => {
  let gemeenten: Gemeente[];
  let pc4Centroids: Pc4Centroid[];
  let many: SyntheticParticipant[];
  const MANY = 200_000;

  before(async () => {
    [gemeenten, pc4Centroids] = await Promise.all([loadGemeenten(), loadPc4Centroids()]);
    many = [...generateSyntheticParticipants({ count: MANY, seed: 7, gemeenten, pc4Centroids })];
  });

  it('makes the same participants for the same seed and others for another seed', () => {
    const make = (seed: number) => [...generateSyntheticParticipants({ count: 500, seed, gemeenten, pc4Centroids })];
    assert.deepEqual(make(1), make(1));
    const other = make(2);
    assert.notDeepEqual(other, make(1));
    assert.equal(new Set([...make(1), ...other].map((p) => p.id)).size, 1_000);
  });

  it('gives every gemeente its share of the population, within one participant', () => {
    const total = gemeenten.reduce((sum, g) => sum + g.population, 0);
    const homes = new Map<string, number>();
    for (const p of many) {
      const home = p.registrations[0];
      assert.ok(home !== undefined);
      homes.set(home.gemeenteCode, (homes.get(home.gemeenteCode) ?? 0) + 1);
    }
    for (const g of gemeenten) {
      const expected = (g.population * MANY) / total;
      const actual = homes.get(g.code) ?? 0;
      assert.ok(Math.abs(actual - expected) <= 1, `${g.name}: ${actual} participants, expected ${expected.toFixed(1)}`);
    }
  });

  it('spreads even the first participants over the country', () => {
    const first = many.slice(0, 1_000).map((p) => p.registrations[0]?.gemeenteCode);
    assert.ok(new Set(first).size > 200);
  });

  it('gives every participant a number of their own', () => {
    const numbers = new Set<string>();
    for (const p of many) {
      const msisdns = new Set(p.registrations.map((r) => r.msisdn));
      assert.equal(msisdns.size, 1, 'all registrations of one participant share a number');
      for (const n of msisdns) numbers.add(n);
    }
    assert.equal(numbers.size, MANY);
  });

  it('gives about 1.2 registrations per participant, work addresses in office hours nearby', () => {
    const byCode = new Map(gemeenten.map((g) => [g.code, g]));
    // "Nearby": the gemeente itself or one of its six nearest (islands have far neighbours).
    const nearby = new Map(
      gemeenten.map((g) => [
        g.code,
        new Set(
          [...gemeenten]
            .sort((a, b) => distanceInMetres(g.interior, a.interior) - distanceInMetres(g.interior, b.interior))
            .slice(0, 7)
            .map((n) => n.code),
        ),
      ]),
    );
    let registrations = 0;
    let evenings = 0;
    for (const p of many) {
      registrations += p.registrations.length;
      const [home, work, ...rest] = p.registrations;
      assert.ok(home !== undefined && rest.length === 0);
      const homeWindows = formatTimeWindows(home.timeWindows);
      assert.ok(homeWindows === 'altijd' || homeWindows === 'ma-zo 18:00-23:00', homeWindows);
      if (homeWindows !== 'altijd') evenings++;
      if (work === undefined) continue;
      assert.equal(work.channel, 'sms');
      assert.equal(formatTimeWindows(work.timeWindows), 'ma-vr 08:30-17:30');
      assert.ok(
        nearby.get(home.gemeenteCode)?.has(work.gemeenteCode),
        `${byCode.get(home.gemeenteCode)?.name} → ${byCode.get(work.gemeenteCode)?.name}`,
      );
    }
    const perParticipant = registrations / MANY;
    assert.ok(perParticipant > 1.18 && perParticipant < 1.22, `${perParticipant} registrations per participant`);
    assert.ok(evenings / MANY > 0.02 && evenings / MANY < 0.04, `${evenings} evening windows`);
  });

  it('fills every field in a believable form', () => {
    const gemeenteCodes = new Set(gemeenten.map((g) => g.code));
    let emails = 0;
    let voice = 0;
    for (const p of many) {
      assert.match(p.id, UUID_V4);
      assert.match(p.name, /^\S+ .+$/);
      if (p.email !== null) {
        emails++;
        assert.match(p.email, /^[a-z]+\.[a-z]+\d+@example\.(com|net|org)$/);
      }
      if (p.registrations[0]?.channel === 'voice') voice++;
      for (const r of p.registrations) {
        assert.match(r.id, UUID_V4);
        assert.match(r.postcode, /^[1-9]\d{3}[A-Z]{2}$/);
        assert.ok(!/^\d{4}(SA|SD|SS)$/.test(r.postcode), r.postcode);
        assert.ok(Number.isInteger(r.houseNumber) && r.houseNumber >= 1);
        assert.ok(r.city.length > 0);
        assert.ok(gemeenteCodes.has(r.gemeenteCode));
        assert.ok(isInServiceRegion(r.location), JSON.stringify(r.location));
      }
    }
    assert.ok(emails / MANY > 0.38 && emails / MANY < 0.42, `${emails} e-mail addresses`);
    assert.ok(voice / MANY > 0.04 && voice / MANY < 0.06, `${voice} voice participants`);
    const ids = many.flatMap((p) => [p.id, ...p.registrations.map((r) => r.id)]);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('uses valid E.164 numbers: mobile for SMS, a landline for voice', () => {
    // libphonenumber is slow next to the generator; a tenth of the participants covers every area code.
    for (const p of many.slice(0, MANY / 10)) {
      const r = p.registrations[0];
      assert.ok(r !== undefined);
      const phone = parsePhoneNumberFromString(r.msisdn);
      assert.ok(phone !== undefined && phone.isValid(), r.msisdn);
      assert.equal(phone.number, r.msisdn, 'E.164 form');
      assert.equal(phone.country, 'NL');
      assert.equal(phone.getType(), r.channel === 'sms' ? 'MOBILE' : 'FIXED_LINE', r.msisdn);
    }
  });

  it('places a gemeente without PC4 at its interior point, with a postcode nearby', () => {
    const [template, neighbour] = gemeenten;
    assert.ok(template !== undefined && neighbour !== undefined);
    const lonely: Gemeente = { ...template, code: 'GM9999', name: 'Nergenshuizen', population: 1_000 };
    const centroids = pc4Centroids.filter((c) => c.gemeenteCode === neighbour.code);
    const participants = [
      ...generateSyntheticParticipants({ count: 200, seed: 3, gemeenten: [lonely], pc4Centroids: centroids }),
    ];
    assert.equal(participants.length, 200);
    for (const r of participants.flatMap((p) => p.registrations)) {
      assert.equal(r.gemeenteCode, 'GM9999');
      assert.equal(r.city, 'Nergenshuizen');
      assert.ok(distanceInMetres(r.location, lonely.interior) <= 1_501);
      assert.ok(centroids.some((c) => r.postcode.startsWith(c.pc4)));
    }
  });

  it('refuses counts it cannot number uniquely', () => {
    const attempt = (count: number) => () =>
      generateSyntheticParticipants({ count, seed: 1, gemeenten, pc4Centroids }).next();
    assert.throws(attempt(-1), RangeError);
    assert.throws(attempt(1.5), RangeError);
    assert.throws(attempt(50_000_001), RangeError);
    assert.deepEqual([...generateSyntheticParticipants({ count: 0, seed: 1, gemeenten, pc4Centroids })], []);
  });
});
