import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Staff, StaffRole } from '../staff/staff.js';
import { createAction, type Action } from './action.js';
import { mayViewAction, reachesStaffRegion } from './action-visibility.js';

const AT = new Date('2026-11-23T09:00:00Z');
const created = createAction(
  {
    type: 'vermissing',
    missingChild: false,
    message: 'Vermist: Sanne (8), roze jas.',
    description: null,
    instructions: null,
    area: { kind: 'circle', centre: { lat: 52.44, lon: 4.83 }, radiusMetres: 8_000 },
  },
  { id: 'a1', number: 'BN-2026-000001' },
  'RE05',
  'staff-1',
  AT,
);
assert.ok(created.ok);
const action: Action = { ...created.value, reachesMeldkamers: ['RE04'] };
const staff = (role: StaffRole, meldkamerCode: string | null): Staff => ({
  id: 's',
  name: 's',
  role,
  scope: meldkamerCode === null ? { kind: 'landelijk' } : { kind: 'meldkamer', meldkamerCode },
});

test('its own meldkamer and national beheer see an action; so do police staff of a meldkamer it reached', () => {
  assert.equal(mayViewAction(staff('centralist', 'RE05'), action), true);
  assert.equal(mayViewAction(staff('landelijk-beheer', null), action), true);
  assert.equal(mayViewAction(staff('centralist', 'RE04'), action), true);
  assert.equal(mayViewAction(staff('meldkamer-beheer', 'RE04'), action), true);
  assert.equal(reachesStaffRegion(staff('centralist', 'RE04'), action), true);
  assert.equal(reachesStaffRegion(staff('centralist', 'RE05'), action), false, 'its own is not "another"');
});

test('a meldkamer it did not reach, and gemeente staff, do not see it', () => {
  assert.equal(mayViewAction(staff('centralist', 'RE01'), action), false);
  const gemeente: Staff = { id: 'g', name: 'g', role: 'gemeente', scope: { kind: 'gemeente', gemeenteCode: 'GM0479' } };
  assert.equal(mayViewAction(gemeente, action), false);
});
