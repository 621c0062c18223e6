import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { idpMultiFactor, providerServes, rolesGranted } from './single-sign-on.js';
import type { Staff } from './staff.js';

const centralist: Staff = {
  id: 'a',
  name: 'A',
  role: 'centralist',
  scope: { kind: 'meldkamer', meldkamerCode: 'RE05' },
};
const gemeente: Staff = { id: 'b', name: 'B', role: 'gemeente', scope: { kind: 'gemeente', gemeenteCode: 'GM0363' } };
const landelijk: Staff = { id: 'c', name: 'C', role: 'landelijk-beheer', scope: { kind: 'landelijk' } };

test('a provider logs in only the accounts of the organisations it serves', () => {
  const police = { meldkamers: ['RE05'], gemeenten: [], landelijk: false };
  assert.equal(providerServes(police, centralist), true);
  assert.equal(providerServes(police, { ...centralist, scope: { kind: 'meldkamer', meldkamerCode: 'RE01' } }), false);
  assert.equal(providerServes(police, gemeente), false);
  assert.equal(providerServes(police, landelijk), false);
  assert.equal(providerServes({ meldkamers: [], gemeenten: ['GM0363'], landelijk: false }, gemeente), true);
  assert.equal(providerServes({ meldkamers: [], gemeenten: [], landelijk: true }, landelijk), true);
});

test('the provider login counts as two factors only when amr or a configured acr says so', () => {
  assert.equal(idpMultiFactor({ amr: ['mfa'] }, []), true);
  assert.equal(idpMultiFactor({ amr: ['pwd', 'otp'] }, []), true);
  assert.equal(idpMultiFactor({ amr: ['hwk', 'fpt'] }, []), true);
  assert.equal(idpMultiFactor({ amr: ['pwd'] }, []), false);
  assert.equal(idpMultiFactor({ amr: ['otp', 'sms'] }, []), false, 'two possession factors are still one kind');
  assert.equal(idpMultiFactor({ amr: 'mfa' }, []), true);
  assert.equal(idpMultiFactor({}, []), false);
  assert.equal(idpMultiFactor({ acr: 'urn:politie:loa:hoog' }, ['urn:politie:loa:hoog']), true);
  assert.equal(idpMultiFactor({ acr: 'urn:politie:loa:laag' }, ['urn:politie:loa:hoog']), false);
  assert.equal(
    idpMultiFactor({ acr: ['urn:politie:loa:hoog'] }, ['urn:politie:loa:hoog']),
    false,
    'acr is a single string',
  );
});

test('without a knowledge or inherence factor, no list of possession factors counts as multi-factor', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom('hwk', 'swk', 'otp', 'sms', 'tel', 'sc', 'pop', 'user', 'wia', 'rba')),
      (amr) => !idpMultiFactor({ amr }, []),
    ),
  );
});

test('roles come from the claim values the mapping names; unknown values and inherited keys grant nothing', () => {
  const mapping = { 'burgernet-centralist': 'centralist', 'burgernet-beheer': 'meldkamer-beheer' } as const;
  assert.deepEqual([...rolesGranted(['burgernet-centralist', 'andere-groep'], mapping)], ['centralist']);
  assert.deepEqual([...rolesGranted('burgernet-beheer', mapping)], ['meldkamer-beheer']);
  assert.deepEqual([...rolesGranted(['toString', 'constructor'], mapping)], []);
  assert.deepEqual([...rolesGranted(undefined, mapping)], []);
  assert.deepEqual([...rolesGranted(42, mapping)], []);
});
